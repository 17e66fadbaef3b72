import { addDays, isLocalDate, type LocalDate } from '../calendar.ts';

/**
 * How many days back Today lets a person log doses, ratings and flare-ups: enough for a forgotten
 * weekend or a bad week, few enough that the day stays easy to pick. History's editing reaches further.
 */
export const LOG_DAYS_BACK = 7;

/** The earliest day Today offers, counted from the person's local today. */
export function earliestLogDay(today: LocalDate): LocalDate {
  return addDays(today, -LOG_DAYS_BACK);
}

/** True for a well-formed day from `earliestLogDay(today)` up to today; never a future day. */
export function isLoggableDay(day: string, today: LocalDate): boolean {
  return isLocalDate(day) && day <= today && day >= earliestLogDay(today);
}

/** The day to show: the one asked for when Today can log it, otherwise today. */
export function logDayOrToday(day: string | null | undefined, today: LocalDate): LocalDate {
  return day !== null && day !== undefined && isLoggableDay(day, today) ? day : today;
}

/** One step earlier or later, kept between `earliestLogDay(today)` and today. */
export function stepLogDay(day: LocalDate, step: -1 | 1, today: LocalDate): LocalDate {
  const next = addDays(day, step);
  if (next > today) return today;
  if (next < earliestLogDay(today)) return earliestLogDay(today);
  return next;
}

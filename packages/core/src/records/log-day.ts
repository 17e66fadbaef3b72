import { addDays, isLocalDate, type LocalDate } from '../calendar.ts';
import { EARLIEST_YEAR } from './earliest-year.ts';

/**
 * How many days back Today's own controls reach ("Earlier day" and its date field): enough for a
 * forgotten weekend or a bad week, few enough that the day stays easy to pick. An older day is opened
 * from History ("Add an entry"), which sends the person to Today for that day.
 */
export const LOG_DAYS_BACK = 7;

/** The earliest day Today's own controls offer, counted from the person's local today. */
export function earliestLogDay(today: LocalDate): LocalDate {
  return addDays(today, -LOG_DAYS_BACK);
}

/** True for a well-formed day from `earliestLogDay(today)` up to today: what Today's date field takes. */
export function isLoggableDay(day: string, today: LocalDate): boolean {
  return isPastOrToday(day, today) && day >= earliestLogDay(today);
}

/** True for a real calendar day, in a year records accept, that is not after today. Never a future day. */
export function isPastOrToday(day: string, today: LocalDate): boolean {
  return isLocalDate(day) && day <= today && Number(day.slice(0, 4)) >= EARLIEST_YEAR;
}

/** The day Today fills in when asked for `day` (History may ask for any past day); otherwise today. */
export function logDayOrToday(day: string | null | undefined, today: LocalDate): LocalDate {
  return day !== null && day !== undefined && isPastOrToday(day, today) ? day : today;
}

/**
 * One day earlier or later. Forward stops at today; back stops at `earliestLogDay(today)` (a day older
 * than that, opened from History, only moves forward).
 */
export function stepLogDay(day: LocalDate, step: -1 | 1, today: LocalDate): LocalDate {
  const next = addDays(day, step);
  if (step === 1) return next > today ? today : next;
  return next < earliestLogDay(today) ? day : next;
}

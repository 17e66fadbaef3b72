/**
 * Local dates and times in a time zone, DST-safe, using only Intl.
 *
 * Trap: a local day is not always 24 hours (23 or 25 across a DST change), so local dates are never
 * stepped by adding 86,400,000 ms to an instant. Dates are handled as whole day numbers (days since
 * 1970-01-01 in the proleptic Gregorian calendar) with no time zone at all, and only the edges — "which
 * local date is this instant?" and "which instant is 08:00 on this date?" — consult the zone's rules
 * through Intl.DateTimeFormat.
 */

/** A calendar date with no time zone, "YYYY-MM-DD". */
export type LocalDate = string;
/** A local time of day, "HH:MM", 24-hour clock. */
export type LocalTime = string;
/** A calendar month, "YYYY-MM". */
export type LocalMonth = string;
/** An instant: a Date, epoch milliseconds, or an ISO date-time string with an offset or "Z". */
export type Instant = Date | number | string;

/** How to read a local time that a DST change skips (a gap) or repeats (an overlap). */
export type Disambiguation = 'compatible' | 'earlier' | 'later';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Days since 1970-01-01 for a Gregorian date.
 * See: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The Gregorian date of a day number. See: Hinnant, civil_from_days. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return (
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1)
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** True when `text` is a real calendar date written "YYYY-MM-DD". */
export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(text);
  if (match === null) {
    return false;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The day number (days since 1970-01-01) of a local date; throws RangeError on text that is not one. */
export function epochDay(date: LocalDate): number {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (match === null || !isLocalDate(date)) {
    throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
  }
  return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The local date of a day number. */
export function fromEpochDay(days: number): LocalDate {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDay(to) - epochDay(from);
}

/** The local date `days` days after `date` (before, when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

/** The ISO weekday of a local date: Monday 1 … Sunday 7. */
export function isoWeekday(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  const fromMonday = (((epochDay(date) + 3) % 7) + 7) % 7;
  return (fromMonday + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** The later of two local dates (YYYY-MM-DD compares correctly as text). */
export function laterDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

/** The earlier of two local dates. */
export function earlierDate(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

/** Every local date from `start` to `end`, both included; empty when `end` is before `start`. */
export function datesInRange(start: LocalDate, end: LocalDate): LocalDate[] {
  const first = epochDay(start);
  const last = epochDay(end);
  const dates: LocalDate[] = [];
  for (let day = first; day <= last; day += 1) {
    dates.push(fromEpochDay(day));
  }
  return dates;
}

/** The month a local date falls in, "YYYY-MM". */
export function localMonthOf(date: LocalDate): LocalMonth {
  epochDay(date);
  return date.slice(0, 7);
}

/** The first and last local dates of a month "YYYY-MM". */
export function monthRange(month: LocalMonth): { start: LocalDate; end: LocalDate } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const monthNumber = Number(match?.[2]);
  if (match === null || monthNumber < 1 || monthNumber > 12) {
    throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  }
  const year = Number(match[1]);
  return { start: `${month}-01`, end: `${month}-${pad(daysInMonth(year, monthNumber), 2)}` };
}

/** Epoch milliseconds of an instant; throws RangeError on an unreadable one. */
export function instantMs(instant: Instant): number {
  const ms =
    typeof instant === 'number'
      ? instant
      : typeof instant === 'string'
        ? Date.parse(instant)
        : instant.getTime();
  if (!Number.isFinite(ms)) {
    throw new RangeError(`Not an instant: ${String(instant)}`);
  }
  return ms;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  /** Day number of the local date. */
  day: number;
  /** Milliseconds since local midnight, whole seconds. */
  msOfDay: number;
}

function wallClockAt(ms: number, timeZone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    fields[part.type] = part.value;
  }
  const yearOfEra = Number(fields.year);
  const year = fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra;
  const day = daysFromCivil(year, Number(fields.month), Number(fields.day));
  const msOfDay = (Number(fields.hour) * 3600 + Number(fields.minute) * 60 + Number(fields.second)) * 1000;
  return { day, msOfDay };
}

/** The zone's offset from UTC at an instant, in milliseconds (e.g. +7,200,000 for CEST). */
export function offsetMsAt(instant: Instant, timeZone: string): number {
  const ms = instantMs(instant);
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  const wall = wallClockAt(wholeSeconds, timeZone);
  return wall.day * MS_PER_DAY + wall.msOfDay - wholeSeconds;
}

/** The local date in `timeZone` at an instant. */
export function localDateOf(instant: Instant, timeZone: string): LocalDate {
  return fromEpochDay(wallClockAt(instantMs(instant), timeZone).day);
}

/** The local date and time ("HH:MM") in `timeZone` at an instant. */
export function localDateTimeOf(instant: Instant, timeZone: string): { date: LocalDate; time: LocalTime } {
  const wall = wallClockAt(instantMs(instant), timeZone);
  const minutes = Math.floor(wall.msOfDay / MS_PER_MINUTE);
  return {
    date: fromEpochDay(wall.day),
    time: `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`,
  };
}

/**
 * The local date written in an ISO date-time with its offset, e.g. "2026-03-29" for
 * "2026-03-29T23:30:00+02:00": the day on the person's clock when they wrote it, whatever zone reads it.
 */
export function localDateOfOffsetDateTime(offsetDateTime: string): LocalDate {
  const date = offsetDateTime.slice(0, 10);
  if (!isLocalDate(date)) {
    throw new RangeError(`Not an ISO date-time: ${offsetDateTime}`);
  }
  return date;
}

function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMs) / MS_PER_MINUTE;
  return `${sign}${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

/**
 * An instant written as local time in `timeZone` with that zone's offset, e.g.
 * "2026-03-29T08:30:00+02:00" — the form an intake's `takenAt` uses. Falls back to UTC ("Z") for the
 * rare historic offsets that are not whole minutes.
 */
export function toOffsetDateTime(instant: Instant, timeZone: string): string {
  const ms = instantMs(instant);
  const offset = offsetMsAt(ms, timeZone);
  if (offset % MS_PER_MINUTE !== 0) {
    return new Date(ms).toISOString();
  }
  const local = new Date(ms + offset).toISOString();
  return `${local.slice(0, local.endsWith('.000Z') ? 19 : 23)}${formatOffset(offset)}`;
}

function minutesOfLocalTime(time: LocalTime): number {
  const match = LOCAL_TIME_PATTERN.exec(time);
  if (match === null) {
    throw new RangeError(`Not a local time (HH:MM): ${time}`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The instant (epoch ms) of a local time on a local date in `timeZone`.
 *
 * A DST change can skip a local time (Europe/Berlin 2026-03-29 02:30 never happens) or repeat it
 * (2026-10-25 02:30 happens twice). `disambiguation` chooses, as Temporal does:
 * - 'compatible' (default): a skipped time moves forward by the gap (02:30 → 03:30 CEST); a repeated
 *   time takes its first occurrence.
 * - 'earlier' / 'later': the earlier or later of the two possible instants.
 *
 * Assumes a zone changes its offset at most once within a day either side, which holds for every zone
 * in use today.
 */
export function zonedInstant(
  date: LocalDate,
  time: LocalTime,
  timeZone: string,
  disambiguation: Disambiguation = 'compatible',
): number {
  const wall = epochDay(date) * MS_PER_DAY + minutesOfLocalTime(time) * MS_PER_MINUTE;
  const offsetBefore = offsetMsAt(wall - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMsAt(wall + MS_PER_DAY, timeZone);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wall - offset)
    .filter((candidate) => offsetMsAt(candidate, timeZone) === wall - candidate)
    .sort((a, b) => a - b);
  const first = candidates[0];
  const last = candidates[candidates.length - 1];
  if (first !== undefined && last !== undefined) {
    return disambiguation === 'later' ? last : first;
  }
  // A gap: read the wall time with the offset from before the change (later) or after it (earlier).
  return disambiguation === 'earlier' ? wall - offsetAfter : wall - offsetBefore;
}

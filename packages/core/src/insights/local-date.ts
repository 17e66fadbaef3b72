import { civilFromDays, daysFromCivil } from '../calendar.ts';
import type { LocalDate } from './input.ts';

/**
 * Arithmetic on local calendar dates. A 'YYYY-MM-DD' string names a day, not an instant, so we
 * map it to noon UTC of that day: noon keeps day counts exact whatever the host's clock zone or
 * daylight-saving rules, and the host clock is never read.
 */

const MS_PER_DAY = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isLocalDate(value: string): boolean {
  const match = PATTERN.exec(value);
  if (!match) return false;
  return fromDayNumber(toDayNumber(value)) === value;
}

/** Whole days since 1970-01-01 for a local date. */
export function toDayNumber(date: LocalDate): number {
  const fast = civilDayNumber(date);
  if (fast !== null) return fast;
  const match = PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
  const noon = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return Math.floor(noon / MS_PER_DAY);
}

/** The local date a day number names. */
export function fromDayNumber(day: number): LocalDate {
  // Years 0000–9999 by integer arithmetic; the Date object only for the rest (its ±YYYYYY form).
  if (Number.isInteger(day) && day >= DAY_OF_YEAR_0 && day < DAY_OF_YEAR_10000) return civilDate(day);
  return new Date(day * MS_PER_DAY + MS_PER_DAY / 2).toISOString().slice(0, 10);
}

/*
 * Insights convert a date for every record (thousands per person), and the regular expression and
 * Date object cost more than the rest of laying out the records. The two functions below use
 * calendar.ts's Hinnant days_from_civil / civil_from_days ("chrono-Compatible Low-Level Date Algorithms",
 * 2013): proleptic Gregorian, years counted from March so the leap day comes last. They give the
 * same answers as Date.UTC (a day past the month's end rolls over the same way; years below 100,
 * which Date.UTC reads as 19xx, are left to it).
 */

/** Day numbers of 0000-01-01 and 10000-01-01. */
const DAY_OF_YEAR_0 = -719_528;
const DAY_OF_YEAR_10000 = 2_932_897;

/** Two ASCII digits at `at` as a number, or NaN. */
function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/** days_from_civil for 'YYYY-MM-DD' with year ≥ 100, month 1–12, day 1–31; null for anything else. */
function civilDayNumber(date: string): number | null {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  const year = digits2(date, 0) * 100 + digits2(date, 2);
  const month = digits2(date, 5);
  const day = digits2(date, 8);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  // Date.UTC reads years 0–99 as 1900–1999; those keep its answer.
  if (!(year >= 100)) return null;
  return daysFromCivil(year, month, day);
}

/** civil_from_days as 'YYYY-MM-DD', for a whole day number in years 0000–9999. */
function civilDate(dayNumber: number): LocalDate {
  const { year, month, day } = civilFromDays(dayNumber);
  const pad = (v: number, width: number) => String(v).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The calendar month 'YYYY-MM' of a date. */
export function monthOf(date: LocalDate): string {
  return date.slice(0, 7);
}

/** The month number 1–12 of a date. */
export function monthNumber(date: LocalDate): number {
  return Number(date.slice(5, 7));
}

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
  const match = PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
  const noon = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return Math.floor(noon / MS_PER_DAY);
}

/** The local date a day number names. */
export function fromDayNumber(day: number): LocalDate {
  return new Date(day * MS_PER_DAY + MS_PER_DAY / 2).toISOString().slice(0, 10);
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

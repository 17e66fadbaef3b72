import { isLocalDate, type LocalDate, monthRange } from '../calendar.ts';
import { type DomainError, err, ok, type Result } from '../result.ts';

/** The dates a report or a FHIR Bundle covers, both included. */
export interface ShareRange {
  from: LocalDate;
  to: LocalDate;
}

/** How far back a report or Bundle looks when the person does not say: six months. */
export const DEFAULT_SHARE_MONTHS = 6;

/** The same day `months` calendar months earlier, moved back to the month's last day when it has none. */
export function monthsBefore(date: LocalDate, months: number): LocalDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const index = year * 12 + (month - 1) - months;
  const target = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
  const { end } = monthRange(target);
  const day = date.slice(8, 10);
  return day > end.slice(8, 10) ? end : `${target}-${day}`;
}

/**
 * Where a range starts when the person does not say: the day of their last appointment when they set
 * one (and it is not after `to`), else six months before `to`.
 */
export function defaultShareFrom(to: LocalDate, lastAppointment?: LocalDate | null): LocalDate {
  if (lastAppointment !== undefined && lastAppointment !== null && lastAppointment <= to) {
    return lastAppointment;
  }
  return monthsBefore(to, DEFAULT_SHARE_MONTHS);
}

/**
 * The range asked for, with the defaults filled in: `to` is today, `from` the last appointment when
 * the person set one, else six months before `to` (see defaultShareFrom).
 * Fails with `invalid-record` when a date is not a real date or `from` is after `to`.
 */
export function resolveShareRange(
  asked: { from?: string | undefined; to?: string | undefined },
  today: LocalDate,
  lastAppointment?: LocalDate | null,
): Result<ShareRange, DomainError> {
  for (const [name, value] of [
    ['from', asked.from],
    ['to', asked.to],
  ] as const) {
    if (value !== undefined && !isLocalDate(value)) {
      return err({ code: 'invalid-record', message: `${name} must be a real date written as YYYY-MM-DD` });
    }
  }
  const to = asked.to ?? today;
  const from = asked.from ?? defaultShareFrom(to, lastAppointment);
  if (from > to) return err({ code: 'invalid-record', message: 'from must not be after to' });
  return ok({ from, to });
}

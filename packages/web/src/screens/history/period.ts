import { addDays, isoWeekday, type LocalDate, monthRange } from '@sunlog/core/calendar';

export type PeriodKind = 'week' | 'month' | 'year';

export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month', 'year'];

/** A week (Monday to Sunday, ISO), a calendar month or a calendar year, with both ends included. */
export interface Period {
  kind: PeriodKind;
  start: LocalDate;
  end: LocalDate;
}

/** The period of a kind that contains `date`. */
export function periodContaining(kind: PeriodKind, date: LocalDate): Period {
  switch (kind) {
    case 'week': {
      const start = addDays(date, 1 - isoWeekday(date));
      return { kind, start, end: addDays(start, 6) };
    }
    case 'month':
      return { kind, ...monthRange(date.slice(0, 7)) };
    case 'year': {
      const year = date.slice(0, 4);
      return { kind, start: `${year}-01-01`, end: `${year}-12-31` };
    }
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

/** The period before (-1) or after (+1) this one, of the same kind. */
export function shiftPeriod(period: Period, step: -1 | 1): Period {
  return periodContaining(period.kind, step === 1 ? addDays(period.end, 1) : addDays(period.start, -1));
}

/** The period's name for people, e.g. "17 – 23 November 2026", "November 2026" or "2026". */
export function periodLabel(period: Period, locale: string): string {
  const utc = (date: LocalDate) => new Date(`${date}T00:00:00Z`);
  switch (period.kind) {
    case 'week':
      return new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).formatRange(utc(period.start), utc(period.end));
    case 'month':
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        utc(period.start),
      );
    case 'year':
      return period.start.slice(0, 4);
    default: {
      const unknown: never = period.kind;
      return unknown;
    }
  }
}

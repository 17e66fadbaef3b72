import {
  datesInRange,
  earlierDate,
  type Instant,
  type LocalDate,
  laterDate,
  localDateOf,
} from './calendar.ts';
import type { Intake } from './records/intake.ts';
import type { Regimen } from './records/regimen.ts';
import { isDoseDueOn } from './regimen-schedule.ts';
import { toIu } from './units.ts';

/**
 * How consistently a regimen was followed over a period.
 *
 * An intake counts for the `localDate` it was logged with, never for a date re-derived from `takenAt`:
 * a dose logged at 23:50 counts for that day, and someone who moved from London to Tokyo keeps the days
 * they logged. Scheduled dates are local dates too, so results do not depend on the reader's time zone
 * and are unaffected by DST changes.
 */

export type AdherenceStatus = 'taken' | 'skipped' | 'missed' | 'pending';

/** One scheduled local date and what happened on it. */
export interface AdherenceDay {
  date: LocalDate;
  /**
   * taken: a taken dose is logged for the date (it wins over a skip on the same date);
   * skipped: only a deliberate skip is logged; missed: nothing is logged;
   * pending: the date is today and nothing is logged yet — the day is not over, so it is not missed.
   */
  status: AdherenceStatus;
}

export interface Adherence {
  /** The period looked at, clipped to the regimen's own dates and to today. Empty when they do not meet. */
  start: LocalDate;
  end: LocalDate;
  /** Each scheduled date in the period, oldest first. */
  days: AdherenceDay[];
  /** Scheduled dates that are over (pending excluded). */
  scheduled: number;
  taken: number;
  skipped: number;
  missed: number;
  pending: number;
  /** Taken doses for this regimen logged on dates when none was due (e.g. a weekly dose a day late). */
  offSchedule: number;
  /**
   * Proportion of days covered: taken ÷ scheduled, from 0 to 1. Null when no scheduled date is over
   * yet, because there is nothing to measure (not 0, which would read as "none taken").
   */
  proportionOfDaysCovered: number | null;
  /** Consecutive scheduled dates taken, counting back from the most recent one that is over. */
  currentStreak: number;
  /** The longest run of consecutive scheduled dates taken in the period. */
  longestStreak: number;
}

export interface AdherencePeriod {
  start: LocalDate;
  end: LocalDate;
  /**
   * The person's local date now. Dates after it are not yet due and left out; today itself is "pending"
   * until something is logged. Leave it out to treat every date in the period as over.
   */
  today?: LocalDate;
}

export type AdherenceRegimen = Pick<Regimen, 'id' | 'schedule' | 'startDate' | 'endDate'>;
export type AdherenceIntake = Pick<Intake, 'regimenId' | 'localDate' | 'status'>;

/** Adherence to one regimen over a local-date period, counting only intakes linked to that regimen. */
export function adherence(
  regimen: AdherenceRegimen,
  intakes: readonly AdherenceIntake[],
  period: AdherencePeriod,
): Adherence {
  const start = laterDate(period.start, regimen.startDate);
  let end = period.end;
  if (regimen.endDate !== undefined) {
    end = earlierDate(end, regimen.endDate);
  }
  if (period.today !== undefined) {
    end = earlierDate(end, period.today);
  }

  const logged = new Map<LocalDate, 'taken' | 'skipped'>();
  for (const intake of intakes) {
    if (intake.regimenId !== regimen.id || intake.localDate < start || intake.localDate > end) {
      continue;
    }
    if (intake.status === 'taken' || !logged.has(intake.localDate)) {
      logged.set(intake.localDate, intake.status);
    }
  }

  const days: AdherenceDay[] = [];
  let offSchedule = 0;
  for (const date of datesInRange(start, end)) {
    const record = logged.get(date);
    if (!isDoseDueOn(regimen, date)) {
      if (record === 'taken') {
        offSchedule += 1;
      }
      continue;
    }
    const status: AdherenceStatus = record ?? (date === period.today ? 'pending' : 'missed');
    days.push({ date, status });
  }

  const count = (status: AdherenceStatus) => days.filter((day) => day.status === status).length;
  const taken = count('taken');
  const skipped = count('skipped');
  const missed = count('missed');
  const pending = count('pending');
  const scheduled = taken + skipped + missed;
  const { current, longest } = streaks(days);

  return {
    start,
    end,
    days,
    scheduled,
    taken,
    skipped,
    missed,
    pending,
    offSchedule,
    proportionOfDaysCovered: scheduled === 0 ? null : taken / scheduled,
    currentStreak: current,
    longestStreak: longest,
  };
}

/** A skipped dose ends a streak just as a missed one does; a pending today neither adds nor ends one. */
function streaks(days: readonly AdherenceDay[]): { current: number; longest: number } {
  let run = 0;
  let longest = 0;
  for (const day of days) {
    if (day.status === 'pending') {
      continue;
    }
    run = day.status === 'taken' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return { current: run, longest };
}

/**
 * Adherence up to now: today is the local date of `now` in the person's current time zone, and the
 * period ends today unless `end` is earlier.
 */
export function adherenceAsOf(
  regimen: AdherenceRegimen,
  intakes: readonly AdherenceIntake[],
  options: { start: LocalDate; end?: LocalDate; now: Instant; timeZone: string },
): Adherence {
  const today = localDateOf(options.now, options.timeZone);
  const end = options.end === undefined ? today : earlierDate(options.end, today);
  return adherence(regimen, intakes, { start: options.start, end, today });
}

/** One local date's total vitamin D actually taken, in IU. */
export interface DailyIu {
  date: LocalDate;
  iu: number;
}

/**
 * The IU taken on each local date from `start` to `end` (0 on dates with none): every taken intake,
 * from any regimen or none, converted to IU and summed by its logged local date. Skipped doses add nothing.
 */
export function dailyIuSeries(
  intakes: readonly Pick<Intake, 'localDate' | 'status' | 'amount'>[],
  period: { start: LocalDate; end: LocalDate },
): DailyIu[] {
  const totals = new Map<LocalDate, number>();
  for (const intake of intakes) {
    if (intake.status === 'taken') {
      totals.set(intake.localDate, (totals.get(intake.localDate) ?? 0) + toIu(intake.amount));
    }
  }
  return datesInRange(period.start, period.end).map((date) => ({ date, iu: totals.get(date) ?? 0 }));
}

import { daysBetween, isoWeekday, type LocalDate } from './calendar.ts';
import type { Regimen } from './records/regimen.ts';
import { toIu } from './units.ts';

/**
 * When a regimen's doses fall due. Each scheduled local date has exactly one dose; reminder times only
 * remind. Everything here works on local dates, so it is the same in every time zone and across DST.
 */

export type RegimenTiming = Pick<Regimen, 'schedule' | 'startDate' | 'endDate'>;

/** True when `date` is within the regimen's start and (inclusive) end date. */
export function isActiveOn(regimen: Pick<Regimen, 'startDate' | 'endDate'>, date: LocalDate): boolean {
  return date >= regimen.startDate && (regimen.endDate === undefined || date <= regimen.endDate);
}

/** True when a dose falls due on `date`: the regimen is active and its schedule includes the day. */
export function isDoseDueOn(regimen: RegimenTiming, date: LocalDate): boolean {
  if (!isActiveOn(regimen, date)) {
    return false;
  }
  const { schedule } = regimen;
  switch (schedule.kind) {
    case 'daily':
      return true;
    case 'every-n-days':
      // Counted from the start date: start, start + N, start + 2N, …
      return daysBetween(regimen.startDate, date) % schedule.everyDays === 0;
    case 'weekly':
      return schedule.weekdays.includes(isoWeekday(date));
    default: {
      const unreachable: never = schedule;
      return unreachable;
    }
  }
}

/** Average scheduled doses per day: 1 daily, 1/N every N days, (weekdays per week)/7 weekly. */
export function dosesPerDay(schedule: Regimen['schedule']): number {
  switch (schedule.kind) {
    case 'daily':
      return 1;
    case 'every-n-days':
      return 1 / schedule.everyDays;
    case 'weekly':
      return new Set(schedule.weekdays).size / 7;
    default: {
      const unreachable: never = schedule;
      return unreachable;
    }
  }
}

/**
 * The regimen's average daily amount in IU: per-dose amount × doses per day. 50,000 IU weekly is
 * 50,000 ÷ 7 ≈ 7,143 IU/day (docs/medical-reference.md §1, "weekly or every-N-days doses").
 */
export function dailyEquivalentIu(regimen: Pick<Regimen, 'amountPerDose' | 'schedule'>): number {
  return toIu(regimen.amountPerDose) * dosesPerDay(regimen.schedule);
}

/** The summed daily equivalent of every regimen active on `date`; doses from several products add up. */
export function combinedDailyEquivalentIu(
  regimens: readonly Pick<Regimen, 'amountPerDose' | 'schedule' | 'startDate' | 'endDate'>[],
  date: LocalDate,
): number {
  return regimens
    .filter((regimen) => isActiveOn(regimen, date))
    .reduce((total, regimen) => total + dailyEquivalentIu(regimen), 0);
}

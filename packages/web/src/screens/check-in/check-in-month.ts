import { addDays, type LocalDate, type LocalMonth, localMonthOf, monthRange } from '@sunlog/core/calendar';
import type { SymptomKey } from '@sunlog/core/insights/input';
import type { SymptomMonthInsight } from '@sunlog/core/insights/symptom-trends';
import type { CheckIn } from '@sunlog/core/records/check-in';
import type { Flare } from '@sunlog/core/records/flare';
import type { LabResult, VitaminDLabResult } from '@sunlog/core/records/lab-result';
import { latestVitaminDResult as latestVitaminD } from '@sunlog/core/records/lab-result-order';
import type { Regimen } from '@sunlog/core/records/regimen';
import { SCALE_DIRECTION } from '@sunlog/core/records/symptom-scales';
import type { PersonRecords } from '../insights/person-records.ts';

/** How many months the check-in looks back over for symptom change. */
export const COMPARE_MONTHS = 3;

/** How many months the person can pick from (this month and the ones before). */
const MONTHS_OFFERED = 12;

/** The month before `month`. */
export function previousMonth(month: LocalMonth): LocalMonth {
  return localMonthOf(addDays(`${month}-01`, -1));
}

/** This month and the eleven before it, newest first. */
export function monthChoices(today: LocalDate): LocalMonth[] {
  const months = [localMonthOf(today)];
  while (months.length < MONTHS_OFFERED) months.push(previousMonth(months.at(-1) ?? localMonthOf(today)));
  return months;
}

/** The records that put a month "with data": anything logged on one of its days. */
export type MonthData = Pick<PersonRecords, 'intakes' | 'symptomChecks' | 'labResults' | 'flares'>;

/** True when something was logged in the month: a dose, a rating, a blood result or a flare-up. */
export function hasDataIn(records: MonthData, month: LocalMonth, today: LocalDate): boolean {
  const { start, end } = monthRange(month);
  const inMonth = (date: LocalDate) => date >= start && date <= end;
  return (
    records.intakes.some((intake) => inMonth(intake.localDate)) ||
    records.symptomChecks.some((check) => inMonth(check.localDate)) ||
    records.labResults.some((result) => inMonth(result.sampleDate)) ||
    flaresInMonth(records.flares, month, today).length > 0
  );
}

/**
 * The month a check-in opens on: the most recent month that has ended, has data and has no saved
 * check-in yet (looking back over the months offered); otherwise the current month. So a person who
 * joined this week opens on this month, not on an empty one before they began, and someone who
 * skipped last month's check-in is taken back to it.
 */
export function defaultMonth(
  today: LocalDate,
  checkIns: readonly Pick<CheckIn, 'month'>[],
  records: MonthData,
): LocalMonth {
  const [current, ...ended] = monthChoices(today);
  const checked = new Set(checkIns.map((checkIn) => checkIn.month));
  const pending = ended.find((month) => !checked.has(month) && hasDataIn(records, month, today));
  return pending ?? current ?? localMonthOf(today);
}

/** Regimens that were active on at least one day of the month. */
export function regimensInMonth<R extends Pick<Regimen, 'startDate' | 'endDate'>>(
  regimens: readonly R[],
  month: LocalMonth,
): R[] {
  const { start, end } = monthRange(month);
  return regimens.filter(
    (regimen) => regimen.startDate <= end && (regimen.endDate === undefined || regimen.endDate >= start),
  );
}

/** Flare-ups that touch the month (an ongoing one runs to today). */
export function flaresInMonth<F extends Pick<Flare, 'startDate' | 'endDate'>>(
  flares: readonly F[],
  month: LocalMonth,
  today: LocalDate,
): F[] {
  const { start, end } = monthRange(month);
  return flares
    .filter((flare) => flare.startDate <= end && (flare.endDate ?? today) >= start)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
}

/** The most recent 25(OH)D result drawn on or before the month's last day, in core's one order of results. */
export function latestVitaminDResult(
  results: readonly LabResult[],
  month: LocalMonth,
): VitaminDLabResult | null {
  return latestVitaminD(results, { onOrBefore: monthRange(month).end });
}

export type SymptomVerdict =
  | { kind: 'too-few-this-month'; missing: string }
  | { kind: 'no-earlier' }
  | { kind: 'about-the-same' }
  | { kind: 'changed'; higher: boolean; better: boolean };

export interface SymptomComparison {
  symptom: SymptomKey;
  current: SymptomMonthInsight | undefined;
  /** The earlier months (up to three) that have an average, oldest first. */
  previous: SymptomMonthInsight[];
  /** The plain average of those months' averages. */
  previousMean: number | null;
  verdict: SymptomVerdict;
}

/**
 * One rating this month against the three months before. A change is named only when this
 * month's 95% interval lies wholly above or below the earlier months' average; otherwise the
 * difference is within the uncertainty and reads "about the same". Which way is better follows
 * SCALE_DIRECTION (for fatigue and pain, lower is better).
 */
export function compareSymptom(
  trends: readonly SymptomMonthInsight[],
  symptom: SymptomKey,
  month: LocalMonth,
): SymptomComparison {
  const earlierMonths: LocalMonth[] = [];
  let cursor = month;
  for (let i = 0; i < COMPARE_MONTHS; i++) {
    cursor = previousMonth(cursor);
    earlierMonths.unshift(cursor);
  }
  const own = trends.filter((trend) => trend.detail.symptom === symptom);
  const current = own.find((trend) => trend.detail.month === month);
  const previous = earlierMonths
    .map((m) => own.find((trend) => trend.detail.month === m))
    .filter(
      (trend): trend is SymptomMonthInsight =>
        trend !== undefined && trend.status === 'ok' && trend.estimate !== null,
    );
  const previousMean =
    previous.length === 0
      ? null
      : previous.reduce((sum, trend) => sum + (trend.estimate ?? 0), 0) / previous.length;
  const base = { symptom, current, previous, previousMean };
  if (current === undefined || current.status !== 'ok' || current.estimate === null) {
    return {
      ...base,
      verdict: { kind: 'too-few-this-month', missing: current?.missing ?? 'no ratings this month' },
    };
  }
  if (previousMean === null) return { ...base, verdict: { kind: 'no-earlier' } };
  const interval = current.uncertainty;
  const clear =
    interval !== null &&
    interval.kind === 'ci' &&
    (interval.low > previousMean || interval.high < previousMean);
  if (!clear) return { ...base, verdict: { kind: 'about-the-same' } };
  const higher = current.estimate > previousMean;
  const better = SCALE_DIRECTION[symptom] === 'higher-is-better' ? higher : !higher;
  return { ...base, verdict: { kind: 'changed', higher, better } };
}

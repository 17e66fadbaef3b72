import { type DailySeries, monthOfEachDay } from './daily-series.ts';
import { SYMPTOM_LABELS, SYMPTOMS, type SymptomKey } from './input.ts';
import { ci95, type Insight, notEnoughData } from './insight.ts';
import { effectiveSampleSize, lag1Autocorrelation, meanWithTInterval } from './summary-stats.ts';
import { formatInterval, formatNumber, plural, shortfallInDays } from './wording.ts';

/** A month's mean needs at least this many days with the rating. */
export const MIN_DAYS_PER_MONTH = 7;

/** Numbers behind one symptom-month. */
export interface SymptomMonthDetail {
  symptom: SymptomKey;
  month: string;
  days: number;
  /** Days after allowing for day-to-day persistence (used for the interval). */
  effectiveDays: number;
}

export type SymptomMonthInsight = Insight<'symptom-month', SymptomMonthDetail>;

const SCALE_LOW = 0;
const SCALE_HIGH = 10;

/** The values in [start, end) that are not NaN, in order. */
function presentValues(values: Float64Array, start: number, end: number): number[] {
  const list: number[] = [];
  for (let i = start; i < end; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) list.push(v);
  }
  return list;
}

/**
 * Each rating's monthly mean with a 95% t interval. Daily ratings persist from one day to the
 * next, so the interval uses an effective number of days from the rating's lag-1 autocorrelation
 * over the whole record (more stable than one month's), never more than the days counted.
 */
export function symptomTrends(series: DailySeries): SymptomMonthInsight[] {
  const out: SymptomMonthInsight[] = [];
  const dayMonths = monthOfEachDay(series);
  for (const symptom of SYMPTOMS) {
    const values = series.symptoms[symptom];
    const rho = lag1Autocorrelation(values);
    // The grid's months are runs of consecutive days, in order: each month's ratings are read from
    // its run (a month with none is skipped).
    for (let start = 0; start < series.length; ) {
      const month = dayMonths[start] as string;
      let end = start + 1;
      while (end < series.length && dayMonths[end] === month) end++;
      const list = presentValues(values, start, end);
      start = end;
      if (list.length === 0) continue;
      const label = SYMPTOM_LABELS[symptom];
      const effectiveDays = effectiveSampleSize(list.length, rho);
      const detail = { symptom, month, days: list.length, effectiveDays };
      const subject = `${symptom} ${month}`;
      if (list.length < MIN_DAYS_PER_MONTH) {
        out.push(
          notEnoughData({
            kind: 'symptom-month',
            subject,
            unit: 'points (0–10)',
            basis: { days: list.length },
            sentence: `Only ${list.length} ${label} checks in ${month}: too few for a monthly average.`,
            missing: shortfallInDays(MIN_DAYS_PER_MONTH - list.length, `${label} checks in ${month}`),
            detail,
          }),
        );
        continue;
      }
      const { mean, interval: raw } = meanWithTInterval(list, { effectiveN: Math.max(2, effectiveDays) });
      // Ratings live on 0–10, so their mean does too: an interval reaching past the scale says no more.
      const interval = raw && { low: Math.max(SCALE_LOW, raw.low), high: Math.min(SCALE_HIGH, raw.high) };
      out.push({
        kind: 'symptom-month',
        subject,
        status: 'ok',
        estimate: mean,
        unit: 'points (0–10)',
        uncertainty: interval
          ? ci95(interval.low, interval.high, 't interval, autocorrelation-adjusted')
          : null,
        basis: { days: list.length },
        sentence:
          `In ${month} your average ${label} score was ${formatNumber(mean)} out of 10 over ${plural(list.length, 'day')}` +
          (interval ? ` (95% CI ${formatInterval(interval.low, interval.high)}).` : '.'),
        detail,
      });
    }
  }
  return out;
}

import { type DailySeries, monthOfEachDay } from './daily-series.ts';
import { ci95, type Insight, notEnoughData } from './insight.ts';
import { formatNumber } from './wording.ts';

/** Numbers behind one month's adherence. */
export interface AdherenceMonthDetail {
  month: string;
  scheduled: number;
  taken: number;
}

export type AdherenceMonthInsight = Insight<'adherence-month', AdherenceMonthDetail>;

/** Counts scheduled and taken doses per calendar month of the series. */
export function countAdherenceByMonth(series: DailySeries): AdherenceMonthDetail[] {
  const months = new Map<string, AdherenceMonthDetail>();
  const dayMonths = monthOfEachDay(series);
  for (let i = 0; i < series.length; i++) {
    const month = dayMonths[i] as string;
    let row = months.get(month);
    if (!row) {
      row = { month, scheduled: 0, taken: 0 };
      months.set(month, row);
    }
    row.scheduled += series.scheduled[i] ?? 0;
    row.taken += series.taken[i] ?? 0;
  }
  return [...months.values()];
}

/**
 * Share of scheduled doses marked taken, per calendar month. The interval is a Wilson 95%
 * interval for the month's proportion; it describes the month, not a "true" habit.
 */
export function adherenceByMonth(series: DailySeries): AdherenceMonthInsight[] {
  return countAdherenceByMonth(series).map((detail) => {
    const { month, scheduled, taken } = detail;
    if (scheduled === 0) {
      return notEnoughData({
        kind: 'adherence-month',
        subject: month,
        unit: 'proportion',
        basis: { days: 0 },
        sentence: `No doses were scheduled in ${month}.`,
        missing: 'needs a regimen with scheduled doses in this month',
        detail,
      });
    }
    const proportion = taken / scheduled;
    const { low, high } = wilsonInterval(taken, scheduled);
    return {
      kind: 'adherence-month',
      subject: month,
      status: 'ok',
      estimate: proportion,
      unit: 'proportion',
      uncertainty: ci95(low, high, 'Wilson score interval'),
      basis: { days: scheduled },
      sentence: `In ${month} you marked ${taken} of ${scheduled} scheduled doses as taken (${formatNumber(proportion * 100, 0)}%).`,
      detail,
    };
  });
}

/** Wilson score 95% interval for k successes in n. See: Wilson 1927, JASA 22:209–212. */
export function wilsonInterval(k: number, n: number): { low: number; high: number } {
  const z = 1.959_963_984_540_054;
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

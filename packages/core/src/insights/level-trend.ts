import { studentTQuantile } from './distributions.ts';
import type { LabPoint } from './input.ts';
import { ci95, type Insight, notEnoughData } from './insight.ts';
import { daysBetween } from './local-date.ts';
import { formatInterval, formatNumber, intervalDigits, plural } from './wording.ts';

/** Fewer results than this give no trend: two points always make a perfect line. */
export const MIN_RESULTS_FOR_TREND = 3;

/** Numbers behind the 25(OH)D trend. */
export interface LevelTrendDetail {
  first: LabPoint | null;
  last: LabPoint | null;
  results: number;
}

export type LevelTrendInsight = Insight<'level-trend', LevelTrendDetail>;

/**
 * Straight-line trend of 25(OH)D results, in ng/mL per 30 days, with a t-based 95% interval
 * (ordinary least squares on the draw dates, n − 2 degrees of freedom).
 */
export function levelTrend(labs: readonly LabPoint[]): LevelTrendInsight {
  const sorted = [...labs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = sorted[0] ?? null;
  const last = sorted.at(-1) ?? null;
  const detail = { first, last, results: sorted.length };
  const n = sorted.length;
  const spanDays = first && last ? daysBetween(first.date, last.date) : 0;
  if (!first || !last || n < MIN_RESULTS_FOR_TREND || spanDays === 0) {
    const more = Math.max(1, MIN_RESULTS_FOR_TREND - n);
    return notEnoughData({
      kind: 'level-trend',
      subject: '25(OH)D',
      unit: 'ng/mL per 30 days',
      basis: { points: n },
      sentence: `A trend needs at least ${MIN_RESULTS_FOR_TREND} blood results on different dates; you have ${n}.`,
      missing: `needs ${plural(more, 'more blood result')}`,
      detail,
    });
  }
  const xs = sorted.map((lab) => daysBetween(first.date, lab.date));
  const ys = sorted.map((lab) => lab.ngPerMl);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += ((xs[i] ?? 0) - mx) ** 2;
    sxy += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
  }
  const slopePerDay = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += ((ys[i] ?? 0) - my - slopePerDay * ((xs[i] ?? 0) - mx)) ** 2;
  const half = n > 2 ? studentTQuantile(0.975, n - 2) * Math.sqrt(sse / (n - 2) / sxx) * 30 : Number.NaN;
  const perMonth = slopePerDay * 30;
  const digits = Number.isNaN(half) ? 1 : intervalDigits(perMonth - half, perMonth + half);
  const size = formatNumber(Math.abs(perMonth), digits);
  const change =
    size === '0'
      ? 'stayed about level'
      : `${perMonth > 0 ? 'rose' : 'fell'} by about ${size} ng/mL per 30 days`;
  return {
    kind: 'level-trend',
    subject: '25(OH)D',
    status: 'ok',
    estimate: perMonth,
    unit: 'ng/mL per 30 days',
    uncertainty: ci95(perMonth - half, perMonth + half, 'least-squares slope, t interval'),
    basis: { points: n, from: first.date, to: last.date },
    sentence:
      `Across ${n} blood results from ${first.date} to ${last.date}, your level ${change} ` +
      `(95% CI ${formatInterval(perMonth - half, perMonth + half, digits)} ng/mL per 30 days).`,
    detail,
  };
}

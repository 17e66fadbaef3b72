import { studentTQuantile } from './distributions.ts';

/** Descriptive statistics shared by the insight methods. */

/** Arithmetic mean; NaN for no values. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  return n === 0 ? Number.NaN : sumOf(values) / n;
}

/**
 * Σ values, in index order. The loop is a function of its own that returns its sum as is: with a
 * test or a division after it, V8 compiled the loop alone (OSR) and threw that code away there, on
 * every call (hundreds of times per hundred people).
 */
function sumOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return sum;
}

/** Sample variance (n − 1 denominator); NaN below two values. */
export function sampleVariance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] ?? 0) - m;
    ss += d * d;
  }
  return ss / (n - 1);
}

/** A two-sided confidence interval. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * Mean with a t-based confidence interval: mean ± t(1 − α/2, df) · sd / √n_eff. `effectiveN`
 * defaults to n (independent values); pass a smaller one for autocorrelated series.
 */
export function meanWithTInterval(
  values: ArrayLike<number>,
  options: { level?: number; effectiveN?: number } = {},
): { mean: number; interval: Interval | null; n: number } {
  const n = values.length;
  const m = mean(values);
  const nEff = Math.min(n, options.effectiveN ?? n);
  if (n < 2 || nEff < 2) return { mean: m, interval: null, n };
  const level = options.level ?? 0.95;
  const half = studentTQuantile(1 - (1 - level) / 2, nEff - 1) * Math.sqrt(sampleVariance(values) / nEff);
  return { mean: m, interval: { low: m - half, high: m + half }, n };
}

/**
 * Lag-1 autocorrelation of a daily series with gaps (NaN = missing): the correlation of each
 * value with the next day's, over the pairs where both days are present, about the overall mean.
 * Returns 0 when there are fewer than 3 such pairs.
 */
export function lag1Autocorrelation(series: ArrayLike<number>): number {
  // The mean and squares over the present values, summed in index order (no array of them is kept).
  const present = countPresent(series);
  const m = present === 0 ? Number.NaN : sumPresent(series) / present;
  const pairs = countPairs(series);
  const num = pairProducts(series, m);
  const den = presentSquares(series, m);
  if (pairs < 3 || den === 0) return 0;
  return (num / pairs) * (present / den);
}

/*
 * The loops of `lag1Autocorrelation`, each in a function that returns its result as is (see
 * `sumOf`). Missing values are NaN.
 */

function countPresent(series: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < series.length; i++) if (!Number.isNaN(series[i] ?? Number.NaN)) n++;
  return n;
}

function sumPresent(series: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < series.length; i++) {
    const v = series[i] ?? Number.NaN;
    if (!Number.isNaN(v)) sum += v;
  }
  return sum;
}

function countPairs(series: ArrayLike<number>): number {
  let pairs = 0;
  for (let i = 1; i < series.length; i++) {
    if (!Number.isNaN(series[i - 1] ?? Number.NaN) && !Number.isNaN(series[i] ?? Number.NaN)) pairs++;
  }
  return pairs;
}

/** Σ (a − m)(b − m) over the pairs of present neighbours (a, b), in index order. */
function pairProducts(series: ArrayLike<number>, m: number): number {
  let num = 0;
  for (let i = 1; i < series.length; i++) {
    const a = series[i - 1] ?? Number.NaN;
    const b = series[i] ?? Number.NaN;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    num += (a - m) * (b - m);
  }
  return num;
}

/** Σ (v − m)² over the present values, in index order. */
function presentSquares(series: ArrayLike<number>, m: number): number {
  let den = 0;
  for (let i = 0; i < series.length; i++) {
    const v = series[i] ?? Number.NaN;
    if (!Number.isNaN(v)) den += (v - m) * (v - m);
  }
  return den;
}

/**
 * Effective sample size of n autocorrelated values under an AR(1) model:
 * n · (1 − ρ) / (1 + ρ). Negative ρ is floored at 0 so the correction never inflates n.
 * See: Wilks, Statistical Methods in the Atmospheric Sciences, 3rd ed., eq. 5.12.
 */
export function effectiveSampleSize(n: number, lag1: number): number {
  const rho = Math.min(Math.max(lag1, 0), 0.99);
  return (n * (1 - rho)) / (1 + rho);
}

import { ar1Regression } from './ar1-regression.ts';
import { type DailySeries, trailingAdherence } from './daily-series.ts';
import { fUpperP, normalQuantile, studentTQuantile, studentTTwoSidedP } from './distributions.ts';
import { dot, lowerGram } from './inner-products.ts';
import { SYMPTOM_LABELS, SYMPTOMS, type SymptomKey } from './input.ts';
import { ci95, type Insight, notEnoughData } from './insight.ts';
import { maxAbsNormalTail } from './max-abs-normal.ts';
import { createRandom, deriveSeed, type Random, standardNormal } from './random.ts';
import type { Interval } from './summary-stats.ts';
import {
  formatInterval,
  intervalDigits,
  plural,
  pluralNumber,
  shortfallInDays,
  withArticle,
} from './wording.ts';

/**
 * Does a rating tend to move with dose-taking, at some delay from 0 to 28 days? One test per
 * rating over every daily delay, and a distributed-lag curve for what is reported:
 *
 * - Exposure on day t is graded, not cut: the share of the scheduled doses of the 7 days ending
 *   on t that were taken (0 to 1). A partial response to "most days" is kept.
 * - Nuisance terms in every regression: an intercept, a straight line in time (a drifting rating
 *   and a drifting habit must not pass for a pattern) and, when flare-ups are recorded, a
 *   flare-up indicator (a flare-up moves several ratings for weeks at once).
 * - The rating's errors are AR(1) and are prewhitened (gap-aware Prais–Winsten, iterated
 *   Cochrane–Orcutt; see ar1-regression.ts): daily ratings persist, and without it the tests
 *   claim far too often.
 * - Distributed-lag curve (Almon 1965; Gasparrini's DLNM, Stat Med 2010 29:2224–34): the rating
 *   on day t is regressed on the exposure on every day t − l, l = 0…28, with the 29 lag
 *   coefficients β(l) tied to a quadratic B-spline over 0–28 with interior knots at 7 and 14 days
 *   (`LAG_BASIS`, 5 functions). It gives φ, the lag curve with intervals, and the reported size
 *   (below). Its joint Wald F test is kept in the output but
 *   does not decide claims: on the simulated people it found a planted effect for about half as
 *   many people as the scan below (5 degrees of freedom for a signal that sits at one delay).
 * - One test per rating, the lag scan: with the curve's φ, the prewhitened rating is regressed on
 *   the prewhitened exposure at each single lag (29 slopes, nuisance projected out); each t is
 *   turned into a normal-equivalent z with the curve's Satterthwaite degrees of freedom, and the
 *   p-value of max |z| comes from the exact joint null correlation of the 29 slopes (single-step
 *   max-T, Hothorn, Bretz & Westfall 2008, Biom J 50:346–63; computed deterministically by
 *   max-abs-normal.ts). Neighbouring
 *   delays are strongly correlated, so the scan pays for a handful of independent tests, not 29.
 * - Error control per person: the chance that a person with no true pattern gets any claim at
 *   all is held by Holm's step-down over the ratings tested (at most 7) at `anyClaimRate`. The
 *   level is set below the 4.5% goal because the AR(1) tests' far tail runs about 1.3–1.6 times
 *   nominal on 6 months of simulated data (measured: docs/benchmarks.md). This is the product's
 *   promise ("rarely a false pattern for you"); see docs/decisions.md.
 *
 * What is reported for a claimed rating:
 * - where the association peaks (`lagDays`: the lag of the largest |z|, its sign the direction)
 *   with a 95% interval from redrawing the 29 statistics around the observed ones with their
 *   joint correlation (the peak of each draw);
 * - the size on the person's own range (`contrast`): the rating days are split into thirds by
 *   the 7-day share at the peak delay, and the size is the curve's predicted difference between
 *   the best and the worst third, each day with the dose-taking it actually had at every delay
 *   (Σ β(l)·difference of the thirds' mean share l days earlier), with its 95% t interval. It has
 *   a truth on simulated people whatever the response's shape (the planted effect's mean over the
 *   same thirds), which "every dose against none" had not: for a response that saturates, the
 *   linear curve's extrapolation to none and all doses overstated it about twofold. The point
 *   estimate is shrunk towards zero by the positive-part James–Stein factor 1 − (k − 2)/W of the
 *   curve's Wald statistic W. Measured (docs/benchmarks.md): the interval covers the truth for
 *   93–95% of the people found at 365 days; at 180 days, and for weak effects, where few are found,
 *   the shrunk size is still inflated by selection (by about +0.7 points for a 1.5-point effect).
 *
 * Power, measured on simulated people (docs/benchmarks.md): a 1.5-point effect that follows
 * taking at least 5 of 7 doses is found with the right rating, sign and lag ±3 days for about 29%
 * of people at 365 days and 6% at 180 days, against goals of 80% and 45% (issue 10). The same
 * method given the simulation's own rule as the exposure finds 67% and 13%, so the gap is not the
 * exposure's shape alone; monotone transforms of the share (S-curves, convex, concave) gained only
 * when one matched the simulation's threshold, which would flatter the tests, so none is used.
 */
export const ASSOCIATION = {
  maxLagDays: 28,
  exposureWindowDays: 7,
  /** Rating days with a full exposure history (29 days of lags) needed before testing; ≈ 2 months. */
  minPairs: 60,
  /** Per person: the chance of any claim when no rating truly moves with dose-taking. */
  anyClaimRate: 0.02,
  /** Draws of the lag statistics for the peak's interval. */
  peakDraws: 400,
} as const;

/** Interior knots of the quadratic B-spline over lags 0–28 (days). */
const LAG_KNOTS = [7, 14] as const;
const LAG_DEGREE = 2;

/** B-spline basis functions over 0..maxLag evaluated at each whole lag; rows = functions. */
function bSplineBasis(maxLag: number, interior: readonly number[], degree: number): number[][] {
  const knots = [
    ...Array.from({ length: degree + 1 }, () => 0),
    ...interior,
    ...Array.from({ length: degree + 1 }, () => maxLag),
  ];
  const count = knots.length - degree - 1;
  const basis = Array.from({ length: count }, () => new Array<number>(maxLag + 1).fill(0));
  const knot = (i: number) => knots[i] ?? maxLag;
  /** Weight (x − a)/(b − a), 0 for an empty knot span. */
  const ramp = (x: number, from: number, to: number) => (to > from ? (x - from) / (to - from) : 0);
  for (let lag = 0; lag <= maxLag; lag++) {
    // Cox–de Boor recursion; the right end belongs to the last non-empty interval.
    let values: number[] = knots.slice(0, -1).map((k, i) => {
      const next = knot(i + 1);
      if (lag === maxLag) return next === maxLag && k < maxLag ? 1 : 0;
      return lag >= k && lag < next ? 1 : 0;
    });
    for (let d = 1; d <= degree; d++) {
      values = values
        .slice(0, -1)
        .map(
          (v, i) =>
            ramp(lag, knot(i), knot(i + d)) * v +
            (1 - ramp(lag, knot(i + 1), knot(i + d + 1))) *
              (knot(i + d + 1) > knot(i + 1) ? (values[i + 1] ?? 0) : 0),
        );
    }
    for (let j = 0; j < count; j++) (basis[j] as number[])[lag] = values[j] ?? 0;
  }
  return basis;
}

/** The lag basis: rows are functions, columns lags 0..maxLagDays. */
export const LAG_BASIS: readonly (readonly number[])[] = bSplineBasis(
  ASSOCIATION.maxLagDays,
  LAG_KNOTS,
  LAG_DEGREE,
);

/** One point of a fitted lag curve. */
export interface LagCurvePoint {
  lagDays: number;
  /** β(l): rating points per unit of the 7-day share taken l days earlier. */
  points: number;
  interval: Interval;
}

/** The joint test of one rating against dose-taking over all delays. */
export interface RatingTest {
  symptom: SymptomKey;
  /** Rating days used (each with 29 days of exposure history). */
  pairs: number;
  /** The test's statistic: the largest normal-equivalent |z| over the 29 daily lags. */
  statistic: number;
  /** P(max |Z| ≥ statistic) under no association, from the lags' joint null correlation. */
  pValue: number;
  /** Wald F statistic of the lag curve for "the whole curve is zero" (reported, not used to claim). */
  waldStatistic: number;
  waldDegreesOfFreedom: [number, number];
  waldPValue: number;
  /** +1 when the rating was higher with more doses taken at the strongest lag, −1 when lower. */
  direction: 1 | -1;
  /** Normal-equivalent statistic at each lag 0..28 (single-lag regressions, sign of the slope). */
  lagStatistics: number[];
  /** Holm-adjusted p-value over this person's tested ratings. */
  adjustedPValue: number;
  claimed: boolean;
  /** Estimated day-to-day persistence (AR(1) φ) of the rating's errors. */
  persistence: number;
  /** Σ β(l), unshrunk: points with every dose taken against none, sustained over the lags. */
  cumulative: number;
  cumulativeInterval: Interval;
  /** The cumulative association shrunk towards zero (positive-part James–Stein). */
  shrunkCumulative: number;
  /** The reported size, on the person's own range of dose-taking; null for a rating not claimed. */
  contrast: TypicalContrast | null;
  /** The lag with the strongest association in the scan (the peak). */
  peakLagDays: number;
  /**
   * 95% interval for the peak lag, drawn only for a claimed rating (`ASSOCIATION.peakDraws` draws);
   * for a rating not claimed it is the whole range 0..maxLagDays (no delay is singled out).
   */
  peakLagInterval: Interval;
  curve: LagCurvePoint[];
}

/**
 * The reported size of an association, on the person's own range of dose-taking rather than the
 * linear model's "every dose against none" (which reaches beyond the shares a person had and, for
 * a response that saturates, overstates it about twofold on the simulated people).
 */
export interface TypicalContrast {
  /** Mean 7-day share taken in the person's worst third of weeks (at the peak delay, days used). */
  lowShare: number;
  /** Mean 7-day share taken in the person's best third of weeks. */
  highShare: number;
  /**
   * Rating points after the best third of weeks against the worst third: the lag curve's
   * difference Σ β(l)·(mean share l days earlier, best-third days − worst-third days), each day with
   * the dose-taking it actually had at every delay.
   */
  points: number;
  /** 95% t interval of `points`. */
  interval: Interval;
  /** `points` shrunk towards zero by the same James–Stein factor as `shrunkCumulative`. */
  shrunkPoints: number;
}

/** Numbers behind one rating's association insight. */
export interface AssociationDetail {
  symptom: SymptomKey;
  test: RatingTest | null;
  bestLagDays: number | null;
  /** Ratings tested for this person (the multiple-testing family size). */
  familySize: number;
}

export type AssociationInsight = Insight<'lagged-association', AssociationDetail> & {
  /** Delay of the claimed pattern in days (the peak of the lag curve); null when none is claimed. */
  lagDays: number | null;
  /** 95% interval for `lagDays`; null when none is claimed. */
  lagInterval: Interval | null;
};

/** Options for `laggedAssociations`. */
export interface AssociationOptions {
  /** Seed for the peak's bootstrap (results repeat for the same seed). */
  seed?: number;
  /** 1 on days inside a recorded flare-up (same grid as the series). */
  flareDays?: Uint8Array;
  /**
   * For the benchmark's reference rows only, never set by the app: analyse a function of the
   * 7-day share instead of the share itself (e.g. a simulated generator's own response rule), to
   * measure what the same method would find if the response shape were known.
   */
  exposureResponse?: (share: number) => number;
}

interface Fitted {
  pairs: number;
  theta: number[];
  covariance: number[][];
  df: number;
  persistence: number;
  /** The exposure on the day grid (the reported size reads it at the peak delay). */
  exposure: Float64Array;
  /** The days used, the ratings and the nuisance columns (for the scan). */
  times: Float64Array;
  /** The same days as grid indices (the scan reads the exposure at each lag from them). */
  days: Int32Array;
  ys: Float64Array;
  nuisance: Float64Array[];
}

/** The lag basis as one flat array, row j (function j) at j·(maxLag + 1). */
const FLAT_LAG_BASIS = Float64Array.from(LAG_BASIS.flat());

/** First and last lag at which each lag-basis function is not zero (function j at 2j, 2j + 1). */
const BASIS_SUPPORT = Int32Array.from(
  LAG_BASIS.flatMap((b) => [b.findIndex((v) => v !== 0), b.findLastIndex((v) => v !== 0)]),
);

/**
 * What every rating's fit shares for one person, worked out once: for each day of the grid with a
 * full exposure history (29 days of lags), the lag-basis sums Σ_l B_j(l)·exposure[t − l].
 */
interface LagDesign {
  exposure: Float64Array;
  /** 1 on the days with a full exposure history. */
  complete: Uint8Array;
  /** Row t at t·k: the k lag-basis sums of day t (0 on days without a full history). */
  basisSums: Float64Array;
  flareDays: Uint8Array | undefined;
}

function lagDesignOf(exposure: Float64Array, flareDays: Uint8Array | undefined): LagDesign {
  const complete = new Uint8Array(exposure.length);
  const basisSums = new Float64Array(exposure.length * LAG_BASIS.length);
  fillLagDesign(exposure, complete, basisSums);
  return { exposure, complete, basisSums, flareDays };
}

/**
 * The loop of `lagDesignOf`, kept apart: with the object literal after it in the same function,
 * V8 compiled the loop on its own and then threw the code away at the literal on every call.
 */
function fillLagDesign(exposure: Float64Array, complete: Uint8Array, basisSums: Float64Array): void {
  const maxLag = ASSOCIATION.maxLagDays;
  const lags = maxLag + 1;
  const k = LAG_BASIS.length;
  const length = exposure.length;
  let run = 0;
  for (let t = 0; t < length; t++) {
    run = Number.isNaN(exposure[t] as number) ? 0 : run + 1;
    if (run <= maxLag) continue;
    complete[t] = 1;
    for (let j = 0; j < k; j++) {
      // Only the lags where function j is not zero: the sum is the same, term for term.
      let sum = 0;
      for (let l = BASIS_SUPPORT[2 * j] as number; l <= (BASIS_SUPPORT[2 * j + 1] as number); l++) {
        sum += (FLAT_LAG_BASIS[j * lags + l] as number) * (exposure[t - l] as number);
      }
      basisSums[t * k + j] = sum;
    }
  }
}

/**
 * Fits rating[t] = a + b·time + c·flare + Σ_l β(l)·exposure[t − l] with β(l) = Σ_k θ_k B_k(l) and
 * AR(1) errors; null when the days cannot support the fit.
 */
function fitLagCurve(design: LagDesign, rating: Float64Array): Fitted | null {
  const maxLag = ASSOCIATION.maxLagDays;
  const k = LAG_BASIS.length;
  const capacity = Math.max(0, rating.length - maxLag);
  const rows: FitRows = {
    days: new Int32Array(capacity),
    times: new Float64Array(capacity),
    ys: new Float64Array(capacity),
    trend: new Float64Array(capacity),
    flare: new Float64Array(capacity),
    lagColumns: Array.from({ length: k }, () => new Float64Array(capacity)),
  };
  const n = collectRows(design, rating, rows);
  const used = (column: Float64Array) => column.subarray(0, n);
  const flareCount = countOnes(used(rows.flare));
  const columns = [new Float64Array(n).fill(1), used(rows.trend)];
  if (flareCount >= 5 && flareCount <= n - 5) columns.push(used(rows.flare));
  const first = columns.length;
  for (const column of rows.lagColumns) columns.push(used(column));
  const fit = ar1Regression(used(rows.times), used(rows.ys), columns);
  if (!fit) return null;
  const theta = fit.coefficients.slice(first);
  const covariance = fit.covariance.slice(first).map((row) => row.slice(first));
  const df = Math.min(...fit.degreesOfFreedom.slice(first));
  if (!(df >= 1) || theta.some((v) => !Number.isFinite(v))) return null;
  return {
    pairs: n,
    theta,
    covariance,
    df,
    persistence: fit.persistence,
    exposure: design.exposure,
    times: used(rows.times),
    days: rows.days.subarray(0, n),
    ys: used(rows.ys),
    nuisance: columns.slice(0, first),
  };
}

/** The rows of one rating's fit, filled by `collectRows`. */
interface FitRows {
  days: Int32Array;
  times: Float64Array;
  ys: Float64Array;
  trend: Float64Array;
  flare: Float64Array;
  /** The k lag-basis sums of each day used. */
  lagColumns: Float64Array[];
}

/** How many entries are 1 (a 0/1 column). */
function countOnes(column: Float64Array): number {
  let count = 0;
  for (let i = 0; i < column.length; i++) count += column[i] as number;
  return count;
}

/**
 * The days a rating's fit uses (a rating and all 29 lags of exposure known) and their rows; returns
 * their count. The loop of `fitLagCurve`, kept apart so V8 keeps its optimised code (see
 * `fillLagDesign`).
 */
function collectRows(design: LagDesign, rating: Float64Array, rows: FitRows): number {
  const { complete, basisSums, flareDays } = design;
  const maxLag = ASSOCIATION.maxLagDays;
  const k = LAG_BASIS.length;
  const length = rating.length;
  const { days, times, ys, trend, flare, lagColumns } = rows;
  const span = Math.max(1, length - 1);
  let n = 0;
  for (let t = maxLag; t < length; t++) {
    const y = rating[t] as number;
    // A rating day is used only when all 29 lags of exposure are known.
    if (Number.isNaN(y) || complete[t] !== 1) continue;
    days[n] = t;
    times[n] = t;
    ys[n] = y;
    trend[n] = t / span;
    flare[n] = flareDays?.[t] ?? 0;
    for (let j = 0; j < k; j++) (lagColumns[j] as Float64Array)[n] = basisSums[t * k + j] as number;
    n++;
  }
  return n;
}

/** Inverse of a small symmetric positive-definite matrix (Cholesky); null when not positive. */
function invertSymmetric(matrix: number[][]): number[][] | null {
  const cholesky = choleskyOf(matrix);
  if (!cholesky) return null;
  const p = matrix.length;
  const inverse = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let col = 0; col < p; col++) {
    // Solve L L' x = e_col.
    const z = new Array<number>(p).fill(0);
    for (let i = 0; i < p; i++) {
      let s = i === col ? 1 : 0;
      for (let j = 0; j < i; j++) s -= (cholesky[i]?.[j] ?? 0) * (z[j] ?? 0);
      z[i] = s / (cholesky[i]?.[i] ?? 1);
    }
    const x = new Array<number>(p).fill(0);
    for (let i = p - 1; i >= 0; i--) {
      let s = z[i] ?? 0;
      for (let j = i + 1; j < p; j++) s -= (cholesky[j]?.[i] ?? 0) * (x[j] ?? 0);
      x[i] = s / (cholesky[i]?.[i] ?? 1);
    }
    for (let i = 0; i < p; i++) (inverse[i] as number[])[col] = x[i] ?? 0;
  }
  return inverse;
}

/** Lower-triangular L with L L' = matrix; null when the matrix is not positive definite. */
function choleskyOf(matrix: number[][]): number[][] | null {
  const p = matrix.length;
  const l = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i]?.[j] ?? 0;
      for (let m = 0; m < j; m++) s -= (l[i]?.[m] ?? 0) * (l[j]?.[m] ?? 0);
      if (i === j) {
        if (!(s > 0)) return null;
        (l[i] as number[])[i] = Math.sqrt(s);
      } else (l[i] as number[])[j] = s / (l[j]?.[j] ?? 1);
    }
  }
  return l;
}

/** v' M v, summed row by row: Σ_i v_i·(Σ_j M_ij·v_j), each sum in index order. */
function quadraticForm(v: readonly number[], m: number[][]): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    const row = m[i];
    let t = 0;
    for (let j = 0; j < v.length; j++) t += (row?.[j] ?? 0) * (v[j] as number);
    s += (v[i] as number) * t;
  }
  return s;
}

/** β(l) for every lag from basis coefficients. */
function curveOf(theta: readonly number[]): number[] {
  const curve: number[] = [];
  for (let l = 0; l <= ASSOCIATION.maxLagDays; l++) {
    let s = 0;
    for (let j = 0; j < theta.length; j++) s += (theta[j] as number) * (LAG_BASIS[j]?.[l] ?? 0);
    curve.push(s);
  }
  return curve;
}

/** Row l: every lag-basis function's value at lag l (the curve's β(l) is this row times θ). */
const LAG_ROWS: readonly (readonly number[])[] = Array.from({ length: ASSOCIATION.maxLagDays + 1 }, (_, l) =>
  LAG_BASIS.map((b) => b[l] ?? 0),
);
/** Each lag-basis function summed over the lags (Σ β(l) is this times θ). */
const LAG_TOTALS: readonly number[] = LAG_BASIS.map((b) => b.reduce((s, v) => s + v, 0));

/** Lag of the largest value of direction·β(l). */
function peakOf(curve: readonly number[], direction: number): number {
  let best = 0;
  for (let l = 1; l < curve.length; l++) {
    if (direction * (curve[l] ?? 0) > direction * (curve[best] ?? 0)) best = l;
  }
  return best;
}

/**
 * The gap-aware Prais–Winsten transform for persistence φ (see ar1-regression.ts), worked out once
 * per φ and applied to every column: row i is (v_i − carry_i·v_{i−1}) / divisor_i with
 * carry_i = φ^(gap to the previous day used) and divisor_i = √(1 − carry_i²).
 */
interface Prewhitening {
  carry: Float64Array;
  divisor: Float64Array;
}

/** The transform's arrays, kept between scans (core runs single-threaded); grown when needed. */
let carryScratch = new Float64Array(0);
let divisorScratch = new Float64Array(0);

function prewhiteningFor(times: Float64Array, phi: number): Prewhitening {
  const n = times.length;
  if (carryScratch.length < n) {
    carryScratch = new Float64Array(n);
    divisorScratch = new Float64Array(n);
  }
  // Row 0 is never read (the first day is kept as is).
  const carry = carryScratch.subarray(0, n);
  const divisor = divisorScratch.subarray(0, n);
  for (let i = 1; i < n; i++) {
    const c = phi ** ((times[i] as number) - (times[i - 1] as number));
    carry[i] = c;
    divisor[i] = Math.sqrt(1 - c * c);
  }
  return { carry, divisor };
}

/** Prewhitens `v` in place (from the last row back, so each row still sees its predecessor's raw value). */
function prewhitenInPlace(w: Prewhitening, v: Float64Array): Float64Array {
  for (let i = v.length - 1; i >= 1; i--) {
    v[i] = ((v[i] as number) - (w.carry[i] as number) * (v[i - 1] as number)) / (w.divisor[i] as number);
  }
  return v;
}

/** A prewhitened copy of `v`. */
const prewhiten = (w: Prewhitening, v: Float64Array) => prewhitenInPlace(w, Float64Array.from(v));

/** Removes from `r`, in place, its components along the orthonormal `basis` (Gram–Schmidt order). */
function projectOut(basis: readonly Float64Array[], r: Float64Array): Float64Array {
  for (const q of basis) {
    const c = dot(q, r);
    for (let i = 0; i < r.length; i++) r[i] = (r[i] as number) - c * (q[i] as number);
  }
  return r;
}

/** The scan's lag columns, reused by every scan (core runs single-threaded); grown when needed. */
let lagScratch: Float64Array[] = [];

/**
 * Column `lag` of the scan into `out`: the exposure `lag` days before each day used, prewhitened
 * and with its components along the orthonormal `basis` removed. The same arithmetic in the same
 * order as `projectOut(basis, prewhitenInPlace(w, column))` on the gathered column, with each
 * inner product summed in the pass that finishes the values it reads.
 */
function whitenedLag(
  out: Float64Array,
  exposure: Float64Array,
  days: Int32Array,
  lag: number,
  w: Prewhitening,
  basis: readonly Float64Array[],
): void {
  const n = out.length;
  if (n === 0) return;
  const carry = w.carry;
  const divisor = w.divisor;
  const count = basis.length;
  const q0 = count > 0 ? (basis[0] as Float64Array) : out;
  let previous = exposure[(days[0] as number) - lag] as number;
  out[0] = previous;
  let sum = 0;
  sum += (q0[0] as number) * previous;
  for (let i = 1; i < n; i++) {
    const v = exposure[(days[i] as number) - lag] as number;
    const r = (v - (carry[i] as number) * previous) / (divisor[i] as number);
    out[i] = r;
    sum += (q0[i] as number) * r;
    previous = v;
  }
  for (let b = 0; b < count; b++) {
    const q = basis[b] as Float64Array;
    const c = sum;
    if (b + 1 < count) {
      const next = basis[b + 1] as Float64Array;
      sum = 0;
      for (let i = 0; i < n; i++) {
        const r = (out[i] as number) - c * (q[i] as number);
        out[i] = r;
        sum += (next[i] as number) * r;
      }
    } else {
      for (let i = 0; i < n; i++) out[i] = (out[i] as number) - c * (q[i] as number);
    }
  }
}

/**
 * `whitenedLag` for the four lags `lag` … `lag` + 3 into `columns[lag]` … `columns[lag + 3]`, side
 * by side (four independent sums per pass), each column worked out exactly as `whitenedLag` would.
 */
function whitenedLagQuad(
  columns: Float64Array[],
  lag: number,
  exposure: Float64Array,
  days: Int32Array,
  w: Prewhitening,
  basis: readonly Float64Array[],
): void {
  const out0 = columns[lag] as Float64Array;
  const out1 = columns[lag + 1] as Float64Array;
  const out2 = columns[lag + 2] as Float64Array;
  const out3 = columns[lag + 3] as Float64Array;
  const n = out0.length;
  if (n === 0) return;
  const carry = w.carry;
  const divisor = w.divisor;
  const count = basis.length;
  const q0 = count > 0 ? (basis[0] as Float64Array) : out0;
  const first = (days[0] as number) - lag;
  let p0 = exposure[first] as number;
  let p1 = exposure[first - 1] as number;
  let p2 = exposure[first - 2] as number;
  let p3 = exposure[first - 3] as number;
  out0[0] = p0;
  out1[0] = p1;
  out2[0] = p2;
  out3[0] = p3;
  const qFirst = q0[0] as number;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  s0 += qFirst * p0;
  s1 += qFirst * p1;
  s2 += qFirst * p2;
  s3 += qFirst * p3;
  for (let i = 1; i < n; i++) {
    const at = (days[i] as number) - lag;
    const v0 = exposure[at] as number;
    const v1 = exposure[at - 1] as number;
    const v2 = exposure[at - 2] as number;
    const v3 = exposure[at - 3] as number;
    const c = carry[i] as number;
    const d = divisor[i] as number;
    const r0 = (v0 - c * p0) / d;
    const r1 = (v1 - c * p1) / d;
    const r2 = (v2 - c * p2) / d;
    const r3 = (v3 - c * p3) / d;
    out0[i] = r0;
    out1[i] = r1;
    out2[i] = r2;
    out3[i] = r3;
    const q = q0[i] as number;
    s0 += q * r0;
    s1 += q * r1;
    s2 += q * r2;
    s3 += q * r3;
    p0 = v0;
    p1 = v1;
    p2 = v2;
    p3 = v3;
  }
  for (let b = 0; b < count; b++) {
    const q = basis[b] as Float64Array;
    const c0 = s0;
    const c1 = s1;
    const c2 = s2;
    const c3 = s3;
    if (b + 1 < count) {
      const next = basis[b + 1] as Float64Array;
      s0 = 0;
      s1 = 0;
      s2 = 0;
      s3 = 0;
      for (let i = 0; i < n; i++) {
        const qi = q[i] as number;
        const r0 = (out0[i] as number) - c0 * qi;
        const r1 = (out1[i] as number) - c1 * qi;
        const r2 = (out2[i] as number) - c2 * qi;
        const r3 = (out3[i] as number) - c3 * qi;
        out0[i] = r0;
        out1[i] = r1;
        out2[i] = r2;
        out3[i] = r3;
        const nextI = next[i] as number;
        s0 += nextI * r0;
        s1 += nextI * r1;
        s2 += nextI * r2;
        s3 += nextI * r3;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const qi = q[i] as number;
        out0[i] = (out0[i] as number) - c0 * qi;
        out1[i] = (out1[i] as number) - c1 * qi;
        out2[i] = (out2[i] as number) - c2 * qi;
        out3[i] = (out3[i] as number) - c3 * qi;
      }
    }
  }
}

/**
 * Lower-triangular L (flat, row i at i·size) with L L' = matrix + ridge·I; null when that is not
 * positive definite.
 */
function flatCholesky(matrix: Float64Array, size: number, ridge: number): Float64Array | null {
  const l = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let s = (matrix[i * size + j] as number) + (i === j ? ridge : 0);
      for (let m = 0; m < j; m++) s -= (l[i * size + m] as number) * (l[j * size + m] as number);
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * size + i] = Math.sqrt(s);
      } else l[i * size + j] = s / (l[j * size + j] as number);
    }
  }
  return l;
}

/** The lag scan: one t statistic per exposure column, their joint null correlation, and the max-|t| p-value. */
interface Scan {
  /** Normal-equivalent statistic of each exposure column (sign of the slope). */
  z: number[];
  pValue: number;
  /** Flat lower-triangular Cholesky factor of the columns' null correlation (row i at i·size). */
  cholesky: Float64Array;
}

/**
 * Regresses the prewhitened rating on each prewhitened exposure column alone (today: the 7-day
 * share at each single lag; nuisance columns projected out, the DL fit's φ), converts each t to a
 * normal-equivalent z with the DL fit's degrees of freedom, and finds P(max_l |Z_l| ≥ max_l |z_l|)
 * for Z ~ N(0, R), where R is the exact correlation of the slopes under no association
 * (deterministic, see max-abs-normal.ts; the single-step max-T of Hothorn, Bretz & Westfall 2008,
 * Biom J 50:346–63). Neighbouring lags are strongly correlated, so the scan pays for far fewer
 * independent tests than it has columns.
 */
function lagScan(fit: Fitted): Scan | null {
  const whitening = prewhiteningFor(fit.times, fit.persistence);
  const basis: Float64Array[] = [];
  for (const column of fit.nuisance) {
    const r = projectOut(basis, prewhiten(whitening, column));
    const norm = Math.sqrt(dot(r, r));
    if (norm > 1e-9) {
      for (let i = 0; i < r.length; i++) r[i] = (r[i] as number) / norm;
      basis.push(r);
    }
  }
  const y = projectOut(basis, prewhiten(whitening, fit.ys));
  const yy = dot(y, y);
  const residualDf = fit.ys.length - basis.length - 1;
  if (residualDf < 3) return null;
  // One column per lag 0..maxLag: the exposure on the days used, prewhitened, nuisance projected out.
  const size = ASSOCIATION.maxLagDays + 1;
  const n = fit.days.length;
  if (lagScratch.length < size || (lagScratch[0] as Float64Array).length < n) {
    lagScratch = Array.from({ length: size }, () => new Float64Array(Math.max(n, 400)));
  }
  const columns: Float64Array[] = [];
  for (let l = 0; l < size; l++) columns.push((lagScratch[l] as Float64Array).subarray(0, n));
  let l = 0;
  for (; l + 3 < size; l += 4) whitenedLagQuad(columns, l, fit.exposure, fit.days, whitening, basis);
  for (; l < size; l++) whitenedLag(columns[l] as Float64Array, fit.exposure, fit.days, l, whitening, basis);
  // The rating last, so the Gram's last row holds each column's product with it.
  const products = lowerGram([...columns, y]);
  const stride = size + 1;
  const norms = new Float64Array(size);
  for (let l = 0; l < size; l++) {
    const norm = Math.sqrt(products[l * stride + l] as number);
    if (!(norm > 1e-9)) return null;
    norms[l] = norm;
  }
  const z = columns.map((_, l) => {
    const b = (norms[l] as number) ** 2;
    const a = products[size * stride + l] as number;
    const rss = Math.max(1e-12, yy - (a * a) / b);
    const t = a / b / Math.sqrt(rss / residualDf / b);
    const p = studentTTwoSidedP(t, fit.df);
    return Math.sign(t) * (p > 0 ? normalQuantile(1 - p / 2) : 40);
  });
  const correlation = new Float64Array(size * size);
  for (let l = 0; l < size; l++) {
    for (let m = 0; m <= l; m++) {
      const r =
        (products[l * stride + m] as number) / ((norms[l] as number) * (norms[m] as number)) +
        (l === m ? 1e-6 : 0);
      correlation[l * size + m] = r;
      correlation[m * size + l] = r;
    }
  }
  const cholesky = flatCholesky(correlation, size, 0) ?? flatCholesky(correlation, size, 1e-3);
  if (!cholesky) return null;
  let observed = 0;
  for (const v of z) observed = Math.max(observed, Math.abs(v));
  return { z, pValue: maxAbsNormalTail(correlation, size, observed, PLAINLY_LARGE_P), cholesky };
}

/**
 * Once the tail probability is at least this, five times the largest Holm threshold
 * (`anyClaimRate`), a 5% relative standard error is accepted instead of 1%: no claim can turn on
 * the difference (see max-abs-normal.ts).
 */
const PLAINLY_LARGE_P = 0.1;

/** 2.5% and 97.5% points of the peak lag of scans drawn from N(z, R), in `direction`. */
function scanPeakInterval(scan: Scan, direction: number, random: Random): Interval {
  const size = scan.z.length;
  const peaks: number[] = [];
  const normal = new Float64Array(size);
  const drawn = new Array<number>(size).fill(0);
  for (let draw = 0; draw < ASSOCIATION.peakDraws; draw++) {
    for (let i = 0; i < size; i++) normal[i] = standardNormal(random);
    for (let i = 0; i < size; i++) {
      const row = i * size;
      let v = scan.z[i] as number;
      for (let j = 0; j <= i; j++) v += (scan.cholesky[row + j] as number) * (normal[j] as number);
      drawn[i] = v;
    }
    peaks.push(peakOf(drawn, direction));
  }
  peaks.sort((a, b) => a - b);
  const at = (p: number) => peaks[Math.min(peaks.length - 1, Math.floor(p * peaks.length))] ?? 0;
  return { low: at(0.025), high: at(0.975) };
}

type UnadjustedTest = Omit<RatingTest, 'adjustedPValue' | 'claimed'>;

/** The whole lag range: the peak interval of a rating that is not claimed. */
const ALL_LAGS: Interval = { low: 0, high: ASSOCIATION.maxLagDays };

/**
 * The joint test and reported quantities for one fitted rating (before Holm), with its scan so the
 * peak's interval can be drawn once the rating is claimed.
 */
function summarise(
  symptom: SymptomKey,
  fit: Fitted,
): { test: UnadjustedTest; scan: Scan; contrast: () => TypicalContrast } | null {
  const inverse = invertSymmetric(fit.covariance);
  if (!inverse) return null;
  const k = fit.theta.length;
  const wald = quadraticForm(fit.theta, inverse);
  const statistic = wald / k;
  const waldPValue = fUpperP(statistic, k, fit.df);
  const quantile = studentTQuantile(0.975, fit.df);
  const curve = curveOf(fit.theta).map((points, l): LagCurvePoint => {
    const half = quantile * Math.sqrt(Math.max(0, quadraticForm(LAG_ROWS[l] as number[], fit.covariance)));
    return { lagDays: l, points, interval: { low: points - half, high: points + half } };
  });
  const total = LAG_TOTALS as number[];
  const cumulative = total.reduce((s, v, j) => s + v * (fit.theta[j] ?? 0), 0);
  const cumulativeHalf = quantile * Math.sqrt(Math.max(0, quadraticForm(total, fit.covariance)));
  const shrink = Math.max(0, 1 - (k - 2) / Math.max(wald, 1e-12));
  const scan = lagScan(fit);
  if (!scan) return null;
  const strongest = scan.z.reduce((best, v, l) => (Math.abs(v) > Math.abs(scan.z[best] ?? 0) ? l : best), 0);
  const direction = (scan.z[strongest] ?? 0) < 0 ? -1 : 1;
  const test: UnadjustedTest = {
    symptom,
    pairs: fit.pairs,
    statistic: Math.abs(scan.z[strongest] ?? 0),
    pValue: scan.pValue,
    waldStatistic: statistic,
    waldDegreesOfFreedom: [k, fit.df],
    waldPValue,
    persistence: fit.persistence,
    direction,
    cumulative,
    cumulativeInterval: { low: cumulative - cumulativeHalf, high: cumulative + cumulativeHalf },
    shrunkCumulative: shrink * cumulative,
    contrast: null,
    peakLagDays: strongest,
    peakLagInterval: ALL_LAGS,
    lagStatistics: scan.z,
    curve,
  };
  return { test, scan, contrast: () => typicalContrast(fit, strongest, quantile, shrink) };
}

/**
 * The reported size: the fitted curve's difference between the days after the best and the worst
 * third of weeks (by the share at the peak delay), each day with its own dose-taking at every lag.
 */
function typicalContrast(fit: Fitted, peak: number, quantile: number, shrink: number): TypicalContrast {
  const { times, exposure } = fit;
  const thirds = thirdsOf(Float64Array.from(times, (t) => exposure[t - peak] as number));
  const meanShare = (days: Int32Array, lag: number) => {
    let sum = 0;
    for (const i of days) sum += exposure[(times[i] as number) - lag] as number;
    return sum / days.length;
  };
  const lagContrast = Array.from(
    { length: ASSOCIATION.maxLagDays + 1 },
    (_, l) => meanShare(thirds.high, l) - meanShare(thirds.low, l),
  );
  const row = LAG_BASIS.map((b) => b.reduce((sum, v, l) => sum + v * (lagContrast[l] ?? 0), 0));
  const points = row.reduce((sum, v, j) => sum + v * (fit.theta[j] ?? 0), 0);
  const half = quantile * Math.sqrt(Math.max(0, quadraticForm(row, fit.covariance)));
  return {
    lowShare: meanShare(thirds.low, peak),
    highShare: meanShare(thirds.high, peak),
    points,
    interval: { low: points - half, high: points + half },
    shrunkPoints: shrink * points,
  };
}

/**
 * Indices of the third of entries with the lowest `key` and of the third with the highest (ties
 * kept in their order, so the split is repeatable).
 */
function thirdsOf(key: ArrayLike<number>): { low: Int32Array; high: Int32Array } {
  const n = key.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (key[a] as number) - (key[b] as number) || a - b,
  );
  const third = Math.max(1, Math.floor(n / 3));
  return { low: Int32Array.from(order.slice(0, third)), high: Int32Array.from(order.slice(n - third)) };
}

/**
 * The reported size's definition applied to any daily quantity: over the days a rating's
 * association uses (a rating and a full exposure history), the mean of `perDay` on the days whose
 * 7-day share `lagDays` earlier is in the best third, minus its mean on the worst third. With
 * `perDay` the effect a simulation planted, this is the truth the reported `contrast.points`
 * estimates at that delay.
 */
export function contrastOverDaysUsed(
  series: DailySeries,
  symptom: SymptomKey,
  lagDays: number,
  perDay: ArrayLike<number>,
): number {
  const exposure = trailingAdherence(series, ASSOCIATION.exposureWindowDays);
  const { complete } = lagDesignOf(exposure, undefined);
  const rating = series.symptoms[symptom];
  const key: number[] = [];
  const outcome: number[] = [];
  for (let t = ASSOCIATION.maxLagDays; t < series.length; t++) {
    if (Number.isNaN(rating[t] as number) || complete[t] !== 1) continue;
    key.push(exposure[t - lagDays] as number);
    outcome.push(perDay[t] as number);
  }
  const { low, high } = thirdsOf(key);
  const mean = (indices: Int32Array) =>
    indices.reduce((sum, i) => sum + (outcome[i] as number), 0) / indices.length;
  return mean(high) - mean(low);
}

/** Holm's step-down: which p-values are rejected at family-wise level `alpha`, and adjusted p-values. */
export function holm(pValues: readonly number[], alpha: number): { rejected: boolean[]; adjusted: number[] } {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const rejected = new Array<boolean>(m).fill(false);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  let stillRejecting = true;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
    if (stillRejecting && p <= alpha / (m - rank)) rejected[i] = true;
    else stillRejecting = false;
  });
  return { rejected, adjusted };
}

/** Days (on the series grid) with the rating and a full 29-day exposure history (`complete`). */
function usablePairs(complete: Uint8Array, rating: Float64Array): number {
  let n = 0;
  for (let t = 0; t < rating.length; t++) {
    if (complete[t] === 1 && !Number.isNaN(rating[t] as number)) n++;
  }
  return n;
}

/**
 * When the rating moved, against the week of dose-taking before it: "on days when you had taken more
 * of your doses in the week before", "about 8 days after weeks in which you took more of your doses".
 */
function delayWords(lag: number): string {
  return lag === 0
    ? 'on days when you had taken more of your doses in the week before'
    : `about ${plural(lag, 'day')} after weeks in which you took more of your doses`;
}

/** Tests every rating against dose-taking over all delays, holds the per-person error, and words the result. */
export function laggedAssociations(
  series: DailySeries,
  options: AssociationOptions = {},
): { insights: AssociationInsight[]; tests: RatingTest[] } {
  const c = ASSOCIATION;
  const seed = options.seed ?? 0;
  const share = trailingAdherence(series, c.exposureWindowDays);
  const response = options.exposureResponse;
  const exposure = response ? share.map((v) => (Number.isNaN(v) ? v : response(v))) : share;
  let exposureMin = Number.POSITIVE_INFINITY;
  let exposureMax = Number.NEGATIVE_INFINITY;
  for (const v of exposure) {
    if (!Number.isNaN(v)) {
      exposureMin = Math.min(exposureMin, v);
      exposureMax = Math.max(exposureMax, v);
    }
  }
  const exposureVaries = exposureMax > exposureMin;

  const raw: NonNullable<ReturnType<typeof summarise>>[] = [];
  const blocked = new Map<SymptomKey, { sentence: string; missing: string; pairs: number }>();
  const design = lagDesignOf(exposure, options.flareDays);
  for (const symptom of SYMPTOMS) {
    const label = SYMPTOM_LABELS[symptom];
    const rating = series.symptoms[symptom];
    const pairs = usablePairs(design.complete, rating);
    if (pairs < c.minPairs) {
      blocked.set(symptom, {
        pairs,
        sentence: `Looking for a pattern between dose-taking and ${label} needs at least ${c.minPairs} days with ${withArticle(`${label} check`)} and dose records from the ${c.maxLagDays + c.exposureWindowDays} days before; there ${pairs === 1 ? 'is' : 'are'} ${pairs} so far.`,
        missing: shortfallInDays(c.minPairs - pairs, `${label} checks`),
      });
      continue;
    }
    if (!exposureVaries) {
      blocked.set(symptom, {
        pairs,
        sentence: `Your share of doses taken was the same every week, so there is nothing to compare ${label} against.`,
        missing: 'no comparison is possible while every week’s dose record looks the same',
      });
      continue;
    }
    const fit = fitLagCurve(design, rating);
    const summary = fit ? summarise(symptom, fit) : null;
    if (summary) raw.push(summary);
  }

  const { rejected, adjusted } = holm(
    raw.map(({ test }) => test.pValue),
    c.anyClaimRate,
  );
  const tests: RatingTest[] = raw.map(({ test, scan, contrast }, i) => {
    const claimed = rejected[i] ?? false;
    // The peak's interval and the size are only ever shown for a claim, so only a claim pays for them.
    const peakLagInterval = claimed
      ? scanPeakInterval(scan, test.direction, createRandom(deriveSeed(seed, `peak:${test.symptom}`)))
      : ALL_LAGS;
    return {
      ...test,
      peakLagInterval: { ...peakLagInterval },
      contrast: claimed ? contrast() : null,
      adjustedPValue: adjusted[i] ?? 1,
      claimed,
    };
  });

  const unit = 'points, best third of weeks for dose-taking against worst third';
  const insights = SYMPTOMS.map((symptom): AssociationInsight => {
    const label = SYMPTOM_LABELS[symptom];
    const test = tests.find((t) => t.symptom === symptom) ?? null;
    const block = blocked.get(symptom);
    const detail: AssociationDetail = { symptom, test, bestLagDays: null, familySize: tests.length };
    if (block) {
      return {
        ...notEnoughData({
          kind: 'lagged-association',
          subject: symptom,
          unit,
          basis: { days: block.pairs },
          sentence: block.sentence,
          missing: block.missing,
          detail,
        }),
        lagDays: null,
        lagInterval: null,
      };
    }
    const days = test?.pairs ?? 0;
    if (!test?.claimed || !test.contrast) {
      return {
        kind: 'lagged-association',
        subject: symptom,
        status: 'ok',
        estimate: null,
        unit,
        uncertainty: null,
        basis: { days },
        sentence:
          `No clear pattern between dose-taking and your ${label} score on the same day or up to ` +
          `${c.maxLagDays} days later (${plural(days, 'day')} of records checked).`,
        detail,
        lagDays: null,
        lagInterval: null,
      };
    }
    const word = test.direction < 0 ? 'lower' : 'higher';
    const contrast = test.contrast;
    const { low, high } = contrast.interval;
    const percentOf = (v: number) => `${Math.round(v * 100)}%`;
    const lag = test.peakLagDays;
    const lagRange =
      test.peakLagInterval.low === test.peakLagInterval.high
        ? ''
        : ` (likely between ${test.peakLagInterval.low} and ${plural(test.peakLagInterval.high, 'day')})`;
    return {
      kind: 'lagged-association',
      subject: symptom,
      status: 'ok',
      estimate: contrast.shrunkPoints,
      unit,
      uncertainty: ci95(
        low,
        high,
        't interval, distributed-lag regression with AR(1) errors (Prais–Winsten)',
      ),
      basis: { days: test.pairs },
      sentence:
        `Your ${label} score tended to be ${word} ${delayWords(lag)}` +
        `${lagRange}. After your best third of weeks for dose-taking (about ` +
        `${percentOf(contrast.highShare)} of doses taken) it was about ` +
        `${pluralNumber(test.direction * contrast.shrunkPoints, intervalDigits(low, high), 'point')} ` +
        `${word} than after your worst third (about ${percentOf(contrast.lowShare)}; 95% CI ` +
        `${formatInterval(low, high)}), across ` +
        `${plural(test.pairs, 'day')}. This is a pattern in your own records; something else that ` +
        'changed at the same times could explain it.',
      detail: { ...detail, bestLagDays: lag },
      lagDays: lag,
      lagInterval: test.peakLagInterval,
    };
  });

  return { insights, tests };
}

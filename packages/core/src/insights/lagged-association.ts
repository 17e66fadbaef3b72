import { type DailySeries, trailingAdherence } from './daily-series.ts';
import { studentTQuantile, studentTTwoSidedP } from './distributions.ts';
import { adjustedPValues, benjaminiHochberg } from './false-discovery.ts';
import { SYMPTOM_LABELS, SYMPTOMS, type SymptomKey } from './input.ts';
import { ci95, type Insight, notEnoughData } from './insight.ts';
import type { Interval } from './summary-stats.ts';
import { formatNumber, plural, shortfallInDays } from './wording.ts';

/**
 * Does a rating tend to move with dose-taking some days later? For each rating and each lag
 * L = 0..28 days we pair the exposure on day t (share of scheduled doses taken in the 7 days
 * ending on t) with the rating on day t + L, and test the association.
 *
 * Pitfalls handled here:
 * - Trends: a slowly drifting rating and a drifting habit correlate for no reason, so a straight
 *   line in time is removed from both (partial correlation given the day number).
 * - Autocorrelation: daily ratings and a 7-day share persist from day to day, so n days carry
 *   far less than n independent pieces of evidence. The null variance of the correlation uses
 *   Bartlett's formula, 1/n · (1 + 2 Σ w_k ρx(k) ρy(k)), k ≤ 21 with Bartlett weights, giving an
 *   effective sample size (Bartlett 1935; Pyper & Peterman 1998, Can J Fish Aquat Sci 55:2127).
 *   Moving/circular block bootstraps (blocks of 7–14 days) and circular-shift permutations were
 *   tried first and measured on synthetic people with no true association: the bootstrap standard
 *   error was too small (≈ 40–50% of people got a false claim) and the shift permutation had too
 *   few distinct shifts to resolve the small p-values multiple testing needs (≈ 50%), so neither
 *   is used. See truth.test.ts for the measured rates of this method.
 * - Many tests: 7 ratings × 29 lags are tested together; only pairs that pass Benjamini–Hochberg
 *   at q = 0.05 over all of them are reported as patterns.
 */
export const ASSOCIATION = {
  maxLagDays: 28,
  exposureWindowDays: 7,
  /** Pairs (exposure day, rating day) needed at every lag before testing; ≈ 2 months of checks. */
  minPairs: 60,
  falseDiscoveryRate: 0.05,
  /** Autocorrelation lags summed in Bartlett's formula. */
  bartlettMaxLag: 21,
} as const;

/** One tested (rating, lag) pair. */
export interface LagTest {
  symptom: SymptomKey;
  lagDays: number;
  pairs: number;
  /** Rating points per full adherence (share 0 → 1), trend removed. */
  slope: number;
  slopeInterval: Interval;
  correlation: number;
  effectiveN: number;
  pValue: number;
  /** Benjamini–Hochberg adjusted p-value over all tests of this person. */
  qValue: number;
  claimed: boolean;
}

/** Numbers behind one rating's association insight. */
export interface AssociationDetail {
  symptom: SymptomKey;
  tests: LagTest[];
  bestLagDays: number | null;
  /** Tests run over all ratings (the multiple-testing family size). */
  familySize: number;
}

export type AssociationInsight = Insight<'lagged-association', AssociationDetail>;

/** Removes the least-squares line in time from the present values of a daily series (NaN kept). */
function detrendInTime(series: Float64Array): Float64Array {
  let n = 0;
  let st = 0;
  let sv = 0;
  let stt = 0;
  let stv = 0;
  for (let t = 0; t < series.length; t++) {
    const v = series[t] ?? Number.NaN;
    if (Number.isNaN(v)) continue;
    n++;
    st += t;
    sv += v;
    stt += t * t;
    stv += t * v;
  }
  const out = new Float64Array(series.length).fill(Number.NaN);
  if (n < 2) return out;
  const denom = stt - (st * st) / n;
  const b = denom > 0 ? (stv - (st * sv) / n) / denom : 0;
  const a = sv / n - (b * st) / n;
  for (let t = 0; t < series.length; t++) out[t] = (series[t] ?? Number.NaN) - a - b * t;
  return out;
}

/** Autocorrelations 1..maxLag of a series with gaps, over the pairs present at each lag. */
function autocorrelations(series: Float64Array, maxLag: number): Float64Array {
  let n = 0;
  let sum = 0;
  for (const v of series) {
    if (!Number.isNaN(v)) {
      n++;
      sum += v;
    }
  }
  const out = new Float64Array(maxLag + 1);
  out[0] = 1;
  if (n < 3) return out;
  const m = sum / n;
  let c0 = 0;
  for (const v of series) if (!Number.isNaN(v)) c0 += (v - m) * (v - m);
  c0 /= n;
  if (c0 === 0) return out;
  for (let k = 1; k <= maxLag; k++) {
    let c = 0;
    let pairs = 0;
    for (let t = k; t < series.length; t++) {
      const a = series[t] ?? Number.NaN;
      const b = series[t - k] ?? Number.NaN;
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      c += (a - m) * (b - m);
      pairs++;
    }
    out[k] = pairs > 0 ? c / pairs / c0 : 0;
  }
  return out;
}

/** Bartlett's variance inflation for the cross-correlation of two autocorrelated series (≥ 1). */
export function bartlettInflation(rhoX: ArrayLike<number>, rhoY: ArrayLike<number>, maxLag: number): number {
  let inflation = 1;
  for (let k = 1; k <= maxLag; k++) {
    inflation += 2 * (1 - k / (maxLag + 1)) * (rhoX[k] ?? 0) * (rhoY[k] ?? 0);
  }
  return Math.max(1, inflation);
}

interface RawTest {
  symptom: SymptomKey;
  lagDays: number;
  pairs: number;
  slope: number;
  slopeInterval: Interval;
  correlation: number;
  effectiveN: number;
  pValue: number;
}

/** Partial correlation (given day number) of exposure[t − lag] with rating[t], and its test. */
function testLag(
  exposure: Float64Array,
  rating: Float64Array,
  lag: number,
  inflation: number,
): Omit<RawTest, 'symptom' | 'lagDays'> | null {
  let n = 0;
  let st = 0;
  let sx = 0;
  let sy = 0;
  let stt = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let stx = 0;
  let sty = 0;
  for (let t = lag; t < rating.length; t++) {
    const y = rating[t] ?? Number.NaN;
    const x = exposure[t - lag] ?? Number.NaN;
    if (Number.isNaN(y) || Number.isNaN(x)) continue;
    n++;
    st += t;
    sx += x;
    sy += y;
    stt += t * t;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
    stx += t * x;
    sty += t * y;
  }
  if (n < 4) return null;
  const ctt = stt - (st * st) / n;
  const cxx = sxx - (sx * sx) / n;
  const cyy = syy - (sy * sy) / n;
  const cxy = sxy - (sx * sy) / n;
  const ctx = stx - (st * sx) / n;
  const cty = sty - (st * sy) / n;
  const pxx = ctt > 0 ? cxx - (ctx * ctx) / ctt : cxx;
  const pyy = ctt > 0 ? cyy - (cty * cty) / ctt : cyy;
  const pxy = ctt > 0 ? cxy - (ctx * cty) / ctt : cxy;
  const r0 = pxx > 1e-12 && pyy > 1e-12 ? pxy / Math.sqrt(pxx * pyy) : 0;
  const r = Math.max(-0.999_999, Math.min(0.999_999, r0));
  const slope = pxx > 1e-12 ? pxy / pxx : 0;
  const effectiveN = Math.max(4, Math.min(n, n / inflation));
  const df = effectiveN - 3;
  const tStat = r * Math.sqrt(df / (1 - r * r));
  const se = pxx > 1e-12 ? Math.sqrt(pyy / pxx) * Math.sqrt((1 - r * r) / df) : Number.POSITIVE_INFINITY;
  const half = studentTQuantile(0.975, df) * se;
  return {
    pairs: n,
    slope,
    slopeInterval: { low: slope - half, high: slope + half },
    correlation: r,
    effectiveN,
    pValue: studentTTwoSidedP(tStat, df),
  };
}

/** Minimum number of (exposure, rating) pairs over all lags for one rating. */
function fewestPairs(exposure: Float64Array, rating: Float64Array): number {
  let fewest = Number.POSITIVE_INFINITY;
  for (let lag = 0; lag <= ASSOCIATION.maxLagDays; lag++) {
    let n = 0;
    for (let t = lag; t < rating.length; t++) {
      const y = rating[t] ?? Number.NaN;
      const x = exposure[t - lag] ?? Number.NaN;
      if (!Number.isNaN(y) && !Number.isNaN(x)) n++;
    }
    fewest = Math.min(fewest, n);
  }
  return fewest;
}

/** Runs every (rating, lag) test, controls false discoveries over all of them, and words the result. */
export function laggedAssociations(series: DailySeries): {
  insights: AssociationInsight[];
  tests: LagTest[];
} {
  const c = ASSOCIATION;
  const exposureRaw = trailingAdherence(series, c.exposureWindowDays);
  const exposure = detrendInTime(exposureRaw);
  let exposureMin = Number.POSITIVE_INFINITY;
  let exposureMax = Number.NEGATIVE_INFINITY;
  for (const v of exposureRaw) {
    if (!Number.isNaN(v)) {
      exposureMin = Math.min(exposureMin, v);
      exposureMax = Math.max(exposureMax, v);
    }
  }
  const exposureVaries = exposureMax > exposureMin;
  const rhoX = autocorrelations(exposure, c.bartlettMaxLag);

  const raw: RawTest[] = [];
  const blocked = new Map<SymptomKey, { sentence: string; missing: string; pairs: number }>();
  for (const symptom of SYMPTOMS) {
    const label = SYMPTOM_LABELS[symptom];
    const rating = series.symptoms[symptom];
    const pairs = fewestPairs(exposureRaw, rating);
    if (pairs < c.minPairs) {
      blocked.set(symptom, {
        pairs,
        sentence: `Looking for a pattern between dose-taking and ${label} needs at least ${c.minPairs} days with a ${label} check and dose records from the week before; there are ${pairs} so far.`,
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
    const rhoY = autocorrelations(detrendInTime(rating), c.bartlettMaxLag);
    const inflation = bartlettInflation(rhoX, rhoY, c.bartlettMaxLag);
    for (let lag = 0; lag <= c.maxLagDays; lag++) {
      const result = testLag(exposure, rating, lag, inflation);
      if (result) raw.push({ symptom, lagDays: lag, ...result });
    }
  }

  const pValues = raw.map((t) => t.pValue);
  const rejected = benjaminiHochberg(pValues, c.falseDiscoveryRate);
  const qValues = adjustedPValues(pValues);
  const tests: LagTest[] = raw.map((t, i) => ({
    ...t,
    qValue: qValues[i] ?? 1,
    claimed: rejected[i] ?? false,
  }));

  const insights = SYMPTOMS.map((symptom): AssociationInsight => {
    const label = SYMPTOM_LABELS[symptom];
    const own = tests.filter((t) => t.symptom === symptom);
    const block = blocked.get(symptom);
    const detail = { symptom, tests: own, bestLagDays: null, familySize: tests.length };
    const unit = 'points per full adherence';
    if (block) {
      return notEnoughData({
        kind: 'lagged-association',
        subject: symptom,
        unit,
        basis: { days: block.pairs },
        sentence: block.sentence,
        missing: block.missing,
        detail,
      });
    }
    const days = Math.max(...own.map((t) => t.pairs));
    const best = own
      .filter((t) => t.claimed)
      .sort((a, b) => a.pValue - b.pValue || Math.abs(b.correlation) - Math.abs(a.correlation))[0];
    if (!best) {
      return {
        kind: 'lagged-association',
        subject: symptom,
        status: 'ok',
        estimate: null,
        unit,
        uncertainty: null,
        basis: { days },
        sentence:
          `No clear pattern between dose-taking and your ${label} score at any delay from 0 to ` +
          `${c.maxLagDays} days (${plural(days, 'day')} of records checked).`,
        detail,
      };
    }
    const word = best.slope < 0 ? 'lower' : 'higher';
    const delay = best.lagDays === 0 ? 'in the same week as' : `about ${plural(best.lagDays, 'day')} after`;
    const { low, high } = best.slopeInterval;
    return {
      kind: 'lagged-association',
      subject: symptom,
      status: 'ok',
      estimate: best.slope,
      unit,
      uncertainty: ci95(low, high, 'effective-sample-size t interval (Bartlett)'),
      basis: { days: best.pairs },
      sentence:
        `Your ${label} score tended to be ${word} ${delay} weeks when you took more of your scheduled doses: ` +
        `about ${formatNumber(Math.abs(best.slope))} points ${word} after a week with every dose taken than after ` +
        `a week with none (95% CI ${formatNumber(low)} to ${formatNumber(high)}), across ${plural(best.pairs, 'day')}. ` +
        'This is a pattern in your own records; something else that changed at the same times could explain it.',
      detail: { ...detail, bestLagDays: best.lagDays },
    };
  });

  return { insights, tests };
}

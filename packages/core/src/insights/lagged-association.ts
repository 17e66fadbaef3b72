import { ar1Regression } from './ar1-regression.ts';
import { type DailySeries, trailingAdherence } from './daily-series.ts';
import { studentTQuantile, studentTTwoSidedP } from './distributions.ts';
import { adjustedPValues, benjaminiHochberg } from './false-discovery.ts';
import { SYMPTOM_LABELS, SYMPTOMS, type SymptomKey } from './input.ts';
import { ci95, type Insight, notEnoughData } from './insight.ts';
import type { Interval } from './summary-stats.ts';
import { formatNumber, plural, shortfallInDays } from './wording.ts';

/**
 * Does a rating tend to move with dose-taking some days later? The exposure on day t is whether the
 * 7 days ending on t were an *adherent week*: at least 80% of scheduled doses taken (6 of 7 for a
 * daily regimen) — the conventional adherence threshold (proportion of days covered ≥ 80%, as in
 * the Pharmacy Quality Alliance adherence measures). For each rating and each delay L of 0, 7, 14,
 * 21 and 28 days (one per week back, so together they cover delays of 0–34 days and each week of
 * dose-taking is compared once) we regress the rating on day t + L on that exposure on day t.
 *
 * Pitfalls handled here:
 * - Trends: a slowly drifting rating and a drifting habit correlate for no reason, so every
 *   regression carries a straight line in time beside the exposure (the slope is the
 *   association left after both trends are removed).
 * - Autocorrelation: daily ratings and a 7-day window persist from day to day, so n days carry
 *   far less than n independent pieces of evidence. The rating's errors are modelled as AR(1)
 *   and removed by prewhitening (gap-aware Prais–Winsten with iterated Cochrane–Orcutt, see
 *   ar1-regression.ts), which keeps the test's size honest and keeps the power that the
 *   week-to-week changes in dose-taking carry.
 *   Tried before and measured on synthetic people with no true association: moving/circular
 *   block bootstraps (blocks of 7–14 days) gave standard errors too small (≈ 40–50% of people
 *   got a false claim); circular-shift permutations had too few distinct shifts to resolve the
 *   small p-values multiple testing needs (≈ 50%); Bartlett's effective sample size was
 *   calibrated but found a planted drop for only ≈ 3% of people.
 * - Many tests: 7 ratings × 5 delays are tested together; only pairs that pass Benjamini–Hochberg
 *   at q = 0.05 over all of them are reported as patterns, and a rating's reported delay is its
 *   strongest such delay. Testing every single day of delay (7 × 29 tests) instead needs a far
 *   larger t for a first claim: on the truth-test people it found a planted drop for 24% of them
 *   against 81.5% for this design, with the same false-claim rate (see truth.test.ts).
 */
export const ASSOCIATION = {
  maxLagDays: 28,
  /** Delays tested: one per week back. */
  testedLagsDays: [0, 7, 14, 21, 28],
  exposureWindowDays: 7,
  /** Share of scheduled doses that makes a 7-day window an adherent week (PDC ≥ 80%, see above). */
  adherentShare: 0.8,
  /** Pairs (exposure day, rating day) needed at every lag before testing; ≈ 2 months of checks. */
  minPairs: 60,
  falseDiscoveryRate: 0.05,
} as const;

/** One tested (rating, lag) pair. */
export interface LagTest {
  symptom: SymptomKey;
  lagDays: number;
  pairs: number;
  /** Rating points after an adherent week minus after any other week, trend removed. */
  slope: number;
  slopeInterval: Interval;
  /** Partial correlation of rating and exposure in the prewhitened regression, from t and df. */
  correlation: number;
  /** Estimated day-to-day persistence (AR(1) φ) of the rating's errors. */
  persistence: number;
  /** Degrees of freedom of the t test (Satterthwaite, allowing for the estimated φ). */
  degreesOfFreedom: number;
  pValue: number;
  /** Benjamini–Hochberg adjusted p-value over all tests of this person. */
  qValue: number;
  claimed: boolean;
}

type RawTest = Omit<LagTest, 'qValue' | 'claimed'>;

/** Numbers behind one rating's association insight. */
export interface AssociationDetail {
  symptom: SymptomKey;
  tests: LagTest[];
  bestLagDays: number | null;
  /** Tests run over all ratings (the multiple-testing family size). */
  familySize: number;
}

export type AssociationInsight = Insight<'lagged-association', AssociationDetail>;

/**
 * Regression of rating[t] on exposure[t − lag] with an intercept and a straight line in time,
 * errors AR(1) (see ar1-regression.ts). Null when the pairs cannot support the fit.
 */
function testLag(
  exposure: Float64Array,
  rating: Float64Array,
  lag: number,
): Omit<RawTest, 'symptom' | 'lagDays'> | null {
  const size = Math.max(0, rating.length - lag);
  const times = new Float64Array(size);
  const ys = new Float64Array(size);
  const xs = new Float64Array(size);
  const trend = new Float64Array(size);
  const span = Math.max(1, rating.length - 1);
  let n = 0;
  for (let t = lag; t < rating.length; t++) {
    const y = rating[t] ?? Number.NaN;
    const x = exposure[t - lag] ?? Number.NaN;
    if (Number.isNaN(y) || Number.isNaN(x)) continue;
    times[n] = t;
    ys[n] = y;
    xs[n] = x;
    trend[n] = t / span;
    n++;
  }
  const fit = ar1Regression(times.subarray(0, n), ys.subarray(0, n), [
    new Float64Array(n).fill(1),
    trend.subarray(0, n),
    xs.subarray(0, n),
  ]);
  const df = fit?.degreesOfFreedom[2] ?? 0;
  if (!fit || !(df >= 1)) return null;
  const slope = fit.coefficients[2] ?? 0;
  const se = fit.standardErrors[2] ?? Number.POSITIVE_INFINITY;
  if (!(se > 0) || !Number.isFinite(se)) return null;
  const tStat = slope / se;
  const half = studentTQuantile(0.975, df) * se;
  return {
    pairs: n,
    slope,
    slopeInterval: { low: slope - half, high: slope + half },
    correlation: tStat / Math.sqrt(tStat * tStat + df),
    persistence: fit.persistence,
    degreesOfFreedom: df,
    pValue: studentTTwoSidedP(tStat, df),
  };
}

/** Minimum number of (exposure, rating) pairs over all lags for one rating. */
function fewestPairs(exposure: Float64Array, rating: Float64Array): number {
  let fewest = Number.POSITIVE_INFINITY;
  for (const lag of ASSOCIATION.testedLagsDays) {
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
  const exposure = trailingAdherence(series, c.exposureWindowDays).map((share) =>
    Number.isNaN(share) ? share : share >= c.adherentShare ? 1 : 0,
  );
  let exposureMin = Number.POSITIVE_INFINITY;
  let exposureMax = Number.NEGATIVE_INFINITY;
  for (const v of exposure) {
    if (!Number.isNaN(v)) {
      exposureMin = Math.min(exposureMin, v);
      exposureMax = Math.max(exposureMax, v);
    }
  }
  const exposureVaries = exposureMax > exposureMin;

  const raw: RawTest[] = [];
  const blocked = new Map<SymptomKey, { sentence: string; missing: string; pairs: number }>();
  for (const symptom of SYMPTOMS) {
    const label = SYMPTOM_LABELS[symptom];
    const rating = series.symptoms[symptom];
    const pairs = fewestPairs(exposure, rating);
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
    for (const lag of c.testedLagsDays) {
      const result = testLag(exposure, rating, lag);
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
    const unit = 'points, after adherent weeks minus after other weeks';
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
          `No clear pattern between dose-taking and your ${label} score in the same week or up to ` +
          `${c.maxLagDays} days later (${plural(days, 'day')} of records checked).`,
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
      uncertainty: ci95(low, high, 't interval, regression with AR(1) errors (Prais–Winsten)'),
      basis: { days: best.pairs },
      sentence:
        `Your ${label} score tended to be ${word} ${delay} weeks when you took at least 80% of your scheduled ` +
        `doses: about ${formatNumber(Math.abs(best.slope))} points ${word} than after other weeks ` +
        `(95% CI ${formatNumber(low)} to ${formatNumber(high)}), across ${plural(best.pairs, 'day')}. ` +
        'This is a pattern in your own records; something else that changed at the same times could explain it.',
      detail: { ...detail, bestLagDays: best.lagDays },
    };
  });

  return { insights, tests };
}

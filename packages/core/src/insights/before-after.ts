import type { DailySeries } from './daily-series.ts';
import { studentTQuantile } from './distributions.ts';
import { SYMPTOM_LABELS, SYMPTOMS, type SymptomKey } from './input.ts';
import { ci95, type Insight, notEnoughData } from './insight.ts';
import { daysBetween } from './local-date.ts';
import { effectiveSampleSize, lag1Autocorrelation, mean, sampleVariance } from './summary-stats.ts';
import {
  formatInterval,
  formatNumber,
  intervalDigits,
  plural,
  pluralNumber,
  shortfallInDays,
} from './wording.ts';

/** Each window is 8 weeks long. */
export const WINDOW_DAYS = 56;

/**
 * Washout: the "after" window starts 14 days after the regimen start. 25(OH)D rises over weeks
 * (half-life ≈ 15 days, Jones 2014, docs/medical-reference.md §2.5), and the first days of any new routine
 * are unusual, so the first two weeks belong to neither window.
 */
export const WASHOUT_DAYS = 14;

/** Each window needs at least this many days with the rating. */
export const MIN_DAYS_PER_WINDOW = 21;

/** Numbers behind one before/after comparison. */
export interface BeforeAfterDetail {
  symptom: SymptomKey;
  before: { mean: number | null; days: number; effectiveDays: number };
  after: { mean: number | null; days: number; effectiveDays: number };
}

export type BeforeAfterInsight = Insight<'before-after', BeforeAfterDetail>;

/**
 * Each rating's mean in the 8 weeks before the regimen start against the 8 weeks after a 2-week
 * washout. The difference (after − before) gets a Welch t interval whose sample sizes are
 * effective sizes from each window's lag-1 autocorrelation, so persistent daily ratings do not
 * look more certain than they are.
 */
export function beforeAfter(series: DailySeries, regimenStart: string | null): BeforeAfterInsight[] {
  return SYMPTOMS.map((symptom) => compare(series, regimenStart, symptom));
}

function windowValues(series: DailySeries, symptom: SymptomKey, from: number, to: number) {
  const values = series.symptoms[symptom];
  const present: number[] = [];
  const slice = new Float64Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) {
    const v = i >= 0 && i < series.length ? (values[i] ?? Number.NaN) : Number.NaN;
    slice[i - from] = v;
    if (!Number.isNaN(v)) present.push(v);
  }
  const effectiveDays = effectiveSampleSize(present.length, lag1Autocorrelation(slice));
  return { present, effectiveDays };
}

function compare(series: DailySeries, regimenStart: string | null, symptom: SymptomKey): BeforeAfterInsight {
  const label = SYMPTOM_LABELS[symptom];
  const base = { kind: 'before-after' as const, subject: symptom, unit: 'points (0–10)' };
  if (!regimenStart) {
    return notEnoughData({
      ...base,
      basis: { days: 0 },
      sentence: `A before-and-after comparison of ${label} needs a regimen start date.`,
      missing: 'needs a regimen start date',
      detail: {
        symptom,
        before: { mean: null, days: 0, effectiveDays: 0 },
        after: { mean: null, days: 0, effectiveDays: 0 },
      },
    });
  }
  const start = daysBetween(series.firstDay, regimenStart);
  const before = windowValues(series, symptom, start - WINDOW_DAYS, start);
  const after = windowValues(series, symptom, start + WASHOUT_DAYS, start + WASHOUT_DAYS + WINDOW_DAYS);
  const detail: BeforeAfterDetail = {
    symptom,
    before: {
      mean: before.present.length ? mean(before.present) : null,
      days: before.present.length,
      effectiveDays: before.effectiveDays,
    },
    after: {
      mean: after.present.length ? mean(after.present) : null,
      days: after.present.length,
      effectiveDays: after.effectiveDays,
    },
  };
  const basis = { days: before.present.length + after.present.length };
  if (before.present.length < MIN_DAYS_PER_WINDOW) {
    return notEnoughData({
      ...base,
      basis,
      sentence: `There are ${before.present.length} ${label} checks in the 8 weeks before the regimen started; a comparison needs ${MIN_DAYS_PER_WINDOW}.`,
      missing: `needs ${plural(MIN_DAYS_PER_WINDOW - before.present.length, `more ${label} check`)} from the 8 weeks before the regimen started`,
      detail,
    });
  }
  if (after.present.length < MIN_DAYS_PER_WINDOW) {
    return notEnoughData({
      ...base,
      basis,
      sentence: `There are ${after.present.length} ${label} checks in weeks 3–10 after the regimen started; a comparison needs ${MIN_DAYS_PER_WINDOW}.`,
      missing: shortfallInDays(MIN_DAYS_PER_WINDOW - after.present.length, `${label} checks`),
      detail,
    });
  }
  const m1 = mean(before.present);
  const m2 = mean(after.present);
  const n1 = Math.max(2, before.effectiveDays);
  const n2 = Math.max(2, after.effectiveDays);
  const v1 = sampleVariance(before.present) / n1;
  const v2 = sampleVariance(after.present) / n2;
  const se = Math.sqrt(v1 + v2);
  const df = se > 0 ? (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1)) : n1 + n2 - 2;
  const diff = m2 - m1;
  const half = studentTQuantile(0.975, Math.max(1, df)) * se;
  return {
    ...base,
    status: 'ok',
    estimate: diff,
    uncertainty: ci95(diff - half, diff + half, 'Welch t interval on effective sample sizes'),
    basis,
    sentence:
      `Your average ${label} score was ${m1.toFixed(1)} in the 8 weeks before the regimen started and ` +
      `${m2.toFixed(1)} in weeks 3–10 after it: ${differenceWords(diff, diff - half, diff + half)} ` +
      `(95% CI ${formatInterval(diff - half, diff + half)}). Many things change over time, ` +
      'so a before-and-after difference cannot say what made it.',
    detail,
  };
}

/** "0.4 points higher", "1 point lower", "about the same": the difference at the interval's precision. */
function differenceWords(diff: number, low: number, high: number): string {
  const digits = intervalDigits(low, high);
  const size = formatNumber(Math.abs(diff), digits);
  if (size === '0') return 'about the same';
  return `${pluralNumber(Math.abs(diff), digits, 'point')} ${diff > 0 ? 'higher' : 'lower'}`;
}

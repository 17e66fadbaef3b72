import type { BloodUnit } from '../records/profile.ts';
import { convertBlood, formatQuantity } from '../units.ts';
import type { DailySeries } from './daily-series.ts';
import type { Hemisphere, LabPoint, LocalDate } from './input.ts';
import { type Insight, notEnoughData } from './insight.ts';
import { addDays, daysBetween, monthNumber } from './local-date.ts';
import { seasonOfMonth } from './season.ts';
import { formatNumber } from './wording.ts';

/**
 * Published averages for how 25(OH)D settles on a steady daily dose. Every figure here is from
 * docs/medical-reference.md §2.5; the marks say how well it was checked. These describe groups of
 * people, so Sunlog shows them only as a wide range beside the person's own lab results.
 */
export const DOSE_RESPONSE = {
  /** [V] Ekwaru 2014 (17,614 adults): ≈ 1.2 nmol/L ≈ 0.5 ng/mL rise per 100 IU/day at 0–1,000 IU/day. */
  riseNgPerMlPer100IuLowDose: 0.5,
  /** [V] Ekwaru 2014: the first 1,000 IU/day keep the low-dose rise. */
  lowDoseLimitIu: 1000,
  /** [V] Ekwaru 2014: ≈ 0.1 nmol/L (≈ 0.04 ng/mL) per 100 IU/day at 15,000–20,000 IU/day. */
  riseNgPerMlPer100IuHighDose: 0.04,
  /** [V] Ekwaru 2014: dose from which the flattened rise applies. */
  highDoseFromIu: 15_000,
  /**
   * [U] How wide the shown range is around the Ekwaru curve: half of it (higher BMI and a
   * higher baseline give smaller rises, [V]/[P]) up to twice it (the ≈ 1 ng/mL per 100 IU/day
   * rule of thumb, [U]). A display choice, not a published interval.
   */
  rangeLowFactor: 0.5,
  rangeHighFactor: 2,
  /** [V] Jones 2014: plasma half-life of 25(OH)D3, 15.1 ± 3.1 days. */
  halfLifeDays: 15.1,
  /** Derived: near steady state after 4–5 half-lives (≈ 2–3 months). */
  halfLivesToSteadyState: { low: 4, high: 5 },
  source: 'Ekwaru 2014 (dose–response, doi 10.1371/journal.pone.0111265); Jones 2014 (half-life)',
} as const;

/** Days of intake averaged for "your dose": about one steady-state period. */
export const DOSE_AVERAGE_WINDOW_DAYS = 90;

/** A baseline may be drawn up to this many days after the regimen starts (the level has barely moved). */
export const BASELINE_GRACE_DAYS = 7;

/**
 * A baseline drawn more than a year before the regimen started says too little about where the level
 * started (the seasons alone move it, docs/medical-reference.md §2.5 "what changes the rise"): refused.
 */
export const BASELINE_MAX_AGE_DAYS = 365;

/**
 * [U] How much wider the band gets for what the dose–response curve does not know. Display allowances,
 * each a share of the baseline level added below and above the band; Sunlog's choice, not published
 * intervals (the reference gives no figure for them):
 * - `measurement`: a laboratory result is itself uncertain, and labs measure 25(OH)D differently;
 * - `agePerYear`: the level drifts between the baseline draw and the regimen start, growing with the gap;
 * - `otherSeason`: a baseline from another season than the one the level settles in (sunlight moves it).
 */
export const BAND_ALLOWANCES = {
  measurement: 0.1,
  agePerYear: 0.2,
  otherSeason: 0.15,
} as const;

/**
 * Expected rise in ng/mL at a steady daily dose, on the Ekwaru 2014 curve: 0.5 ng/mL per 100 IU
 * up to 1,000 IU/day, the per-IU rise then shrinking linearly to 0.04 per 100 IU at 15,000 IU/day,
 * flat beyond. The linear taper between the two published points is our interpolation.
 */
export function expectedRiseNgPerMl(dailyIu: number): number {
  const c = DOSE_RESPONSE;
  const low = c.riseNgPerMlPer100IuLowDose / 100;
  const high = c.riseNgPerMlPer100IuHighDose / 100;
  const dose = Math.max(0, dailyIu);
  const flatPart = Math.min(dose, c.lowDoseLimitIu) * low;
  if (dose <= c.lowDoseLimitIu) return flatPart;
  const taperEnd = Math.min(dose, c.highDoseFromIu);
  const span = c.highDoseFromIu - c.lowDoseLimitIu;
  const slopeAt = (d: number) => low + (high - low) * ((d - c.lowDoseLimitIu) / span);
  const taperPart = ((taperEnd - c.lowDoseLimitIu) * (low + slopeAt(taperEnd))) / 2;
  const highPart = Math.max(0, dose - c.highDoseFromIu) * high;
  return flatPart + taperPart + highPart;
}

/** Numbers behind the steady-state expectation. */
export interface SteadyStateDetail {
  baseline: LabPoint | null;
  averageDailyIu: number | null;
  expectedRise: number | null;
  /** Days after the regimen start when the level should be near steady: 4–5 half-lives. */
  settlesAfterDays: { low: number; high: number };
  settlesBy: { low: LocalDate; high: LocalDate } | null;
  /** Days between the baseline draw and the regimen start (0 when drawn after the start); null without one. */
  baselineAgeDays: number | null;
  /** The extra width added on each side, in ng/mL, for measurement, the baseline's age and the season. */
  allowanceNgPerMl: number | null;
  source: string;
}

/** Options for the steady-state expectation. */
export interface SteadyStateOptions {
  /** For naming seasons; 'northern' when absent. */
  hemisphere?: Hemisphere;
  /** The unit the sentence is written in; 'ng/mL' when absent (the numbers stay in ng/mL). */
  bloodUnit?: BloodUnit;
}

export type SteadyStateInsight = Insight<'steady-state', SteadyStateDetail>;

/**
 * The level one might expect once it settles on the person's average daily dose, from a baseline
 * result drawn before (or within a week of) the regimen start. Shown as a wide range; the lab
 * value always wins.
 */
export function steadyState(
  series: DailySeries,
  labs: readonly LabPoint[],
  regimenStart: LocalDate | null,
  today: LocalDate,
  options: SteadyStateOptions = {},
): SteadyStateInsight {
  const c = DOSE_RESPONSE;
  const settlesAfterDays = {
    low: Math.round(c.halfLivesToSteadyState.low * c.halfLifeDays),
    high: Math.round(c.halfLivesToSteadyState.high * c.halfLifeDays),
  };
  const base = {
    kind: 'steady-state' as const,
    subject: '25(OH)D',
    unit: 'ng/mL',
  };
  const emptyDetail: SteadyStateDetail = {
    baseline: null,
    averageDailyIu: null,
    expectedRise: null,
    settlesAfterDays,
    settlesBy: null,
    baselineAgeDays: null,
    allowanceNgPerMl: null,
    source: c.source,
  };
  if (!regimenStart) {
    return notEnoughData({
      ...base,
      basis: { points: 0 },
      sentence: 'An expected level needs a supplement regimen with a start date.',
      missing: 'needs a regimen start date',
      detail: emptyDetail,
    });
  }
  const latestBeforeStart =
    [...labs]
      .filter((lab) => daysBetween(regimenStart, lab.date) <= BASELINE_GRACE_DAYS)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .at(-1) ?? null;
  const baselineAgeDays =
    latestBeforeStart === null ? null : Math.max(0, daysBetween(latestBeforeStart.date, regimenStart));
  const baseline =
    baselineAgeDays !== null && baselineAgeDays <= BASELINE_MAX_AGE_DAYS ? latestBeforeStart : null;
  const averageDailyIu = averageDailyDose(series, regimenStart, today);
  const settlesBy = {
    low: addDays(regimenStart, settlesAfterDays.low),
    high: addDays(regimenStart, settlesAfterDays.high),
  };
  if (!baseline && latestBeforeStart) {
    return notEnoughData({
      ...base,
      basis: { points: 0 },
      sentence:
        `An expected level needs a blood result from the year before the regimen started; the latest one, ` +
        `from ${latestBeforeStart.date}, is older than that.`,
      missing: 'needs a blood result from the year before the regimen started',
      detail: { ...emptyDetail, averageDailyIu: averageDailyIu?.iu ?? null, settlesBy, baselineAgeDays },
    });
  }
  if (!baseline) {
    return notEnoughData({
      ...base,
      basis: { points: 0 },
      sentence: 'An expected level needs a blood result from before the regimen started.',
      missing: 'needs a blood result from before the regimen started',
      detail: { ...emptyDetail, averageDailyIu: averageDailyIu?.iu ?? null, settlesBy },
    });
  }
  if (!averageDailyIu) {
    return notEnoughData({
      ...base,
      basis: { points: 1 },
      sentence: 'An expected level needs dose records since the regimen started.',
      missing: 'needs dose records since the regimen started',
      detail: { ...emptyDetail, baseline, settlesBy, baselineAgeDays },
    });
  }
  const rise = expectedRiseNgPerMl(averageDailyIu.iu);
  const hemisphere = options.hemisphere ?? 'northern';
  const otherSeason =
    seasonOfMonth(monthNumber(baseline.date), hemisphere) !==
    seasonOfMonth(monthNumber(settlesBy.low), hemisphere);
  const allowance =
    baseline.ngPerMl *
    (BAND_ALLOWANCES.measurement +
      BAND_ALLOWANCES.agePerYear * ((baselineAgeDays ?? 0) / 365) +
      (otherSeason ? BAND_ALLOWANCES.otherSeason : 0));
  const low = Math.max(0, baseline.ngPerMl + rise * c.rangeLowFactor - allowance);
  const high = baseline.ngPerMl + rise * c.rangeHighFactor + allowance;
  const unit = options.bloodUnit ?? 'ng/mL';
  const level = (ngPerMl: number) =>
    formatQuantity(convertBlood({ value: ngPerMl, unit: 'ng/mL' }, unit), 'en');
  const range = (from: number, to: number) =>
    `${formatNumber(convertBlood({ value: from, unit: 'ng/mL' }, unit).value, 0)}–${level(to)}`;
  return {
    ...base,
    status: 'ok',
    estimate: baseline.ngPerMl + rise,
    uncertainty: { kind: 'range', low, high, source: c.source },
    basis: { points: 1, days: averageDailyIu.days, from: averageDailyIu.from, to: today },
    sentence:
      `Starting from ${level(baseline.ngPerMl)} on ${baseline.date} and an average of about ` +
      `${formatNumber(averageDailyIu.iu, 0)} IU a day, published averages put a settled level somewhere ` +
      `around ${range(low, high)}, reached about 2–3 months after the dose ` +
      `became steady. The range is widened for measurement differences` +
      `${(baselineAgeDays ?? 0) >= 30 ? ', the age of that result' : ''}${otherSeason ? ' and the change of season' : ''}. This is a rough ` +
      'range from studies of many people (Ekwaru 2014, Jones 2014); your own lab result is the one that counts.',
    detail: {
      baseline,
      averageDailyIu: averageDailyIu.iu,
      expectedRise: rise,
      settlesAfterDays,
      settlesBy,
      baselineAgeDays,
      allowanceNgPerMl: allowance,
      source: c.source,
    },
  };
}

/**
 * Average IU a day over the last `DOSE_AVERAGE_WINDOW_DAYS` days on the regimen: recorded IU
 * divided by the number of days (days without a record count as 0 IU). Null when no dose was recorded.
 */
export function averageDailyDose(
  series: DailySeries,
  regimenStart: LocalDate,
  today: LocalDate,
): { iu: number; days: number; from: LocalDate } | null {
  const endIndex = daysBetween(series.firstDay, today);
  const startIndex = Math.max(
    daysBetween(series.firstDay, regimenStart),
    endIndex - DOSE_AVERAGE_WINDOW_DAYS + 1,
    0,
  );
  let total = 0;
  let recorded = 0;
  for (let i = startIndex; i <= Math.min(endIndex, series.length - 1); i++) {
    const iu = series.doseIu[i] ?? Number.NaN;
    if (!Number.isNaN(iu)) {
      total += iu;
      recorded++;
    }
  }
  const days = Math.min(endIndex, series.length - 1) - startIndex + 1;
  if (recorded === 0 || days <= 0) return null;
  return { iu: total / days, days, from: addDays(series.firstDay, startIndex) };
}

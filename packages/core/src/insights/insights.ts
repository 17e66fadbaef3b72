import { type AdherenceMonthInsight, adherenceByMonth } from './adherence-by-month.ts';
import { type BeforeAfterInsight, beforeAfter } from './before-after.ts';
import { buildDailySeries } from './daily-series.ts';
import { type FlareRateInsight, flareRate } from './flare-rate.ts';
import type { InsightsInput, LocalDate } from './input.ts';
import { type AssociationInsight, laggedAssociations, type RatingTest } from './lagged-association.ts';
import { type LevelTrendInsight, levelTrend } from './level-trend.ts';
import { daysBetween } from './local-date.ts';
import { levelBySeason, type SeasonInsight } from './season.ts';
import { type SteadyStateInsight, steadyState } from './steady-state.ts';
import { type SymptomMonthInsight, symptomTrends } from './symptom-trends.ts';
import { DISCLAIMERS } from './wording.ts';

/** Everything the insights screen, report and CLI show. */
export interface Insights {
  today: LocalDate;
  trackingStart: LocalDate;
  adherenceByMonth: AdherenceMonthInsight[];
  levelTrend: LevelTrendInsight;
  steadyState: SteadyStateInsight;
  symptomTrends: SymptomMonthInsight[];
  beforeAfter: BeforeAfterInsight[];
  associations: AssociationInsight[];
  /** The joint test behind each rating's association (lag curve included), for a detail view or export. */
  associationTests: RatingTest[];
  season: SeasonInsight[];
  flareRate: FlareRateInsight;
  disclaimers: typeof DISCLAIMERS;
}

/** Options for `computeInsights`. */
export interface InsightOptions {
  /**
   * Seed for any resampling (the interval of an association's delay is drawn by a parametric
   * bootstrap), so a resampling method never needs the clock or Math.random.
   */
  seed: number;
}

/** The earliest date in the records (or today when there are none), never after today. */
function earliestDate(input: InsightsInput): LocalDate {
  let first = input.today;
  const consider = (date: LocalDate) => {
    if (date < first) first = date;
  };
  for (const d of input.days) consider(d.date);
  for (const s of input.symptoms) consider(s.date);
  for (const l of input.labs) consider(l.date);
  for (const f of input.flares) consider(f.start);
  if (input.regimenStart) consider(input.regimenStart);
  return first;
}

/** 1 on each day of the series grid inside a recorded flare-up (an open one runs to today). */
export function flareDayMask(input: InsightsInput, firstDay: LocalDate, length: number): Uint8Array {
  const mask = new Uint8Array(length);
  for (const flare of input.flares) {
    const from = Math.max(0, daysBetween(firstDay, flare.start));
    const to = Math.min(length - 1, daysBetween(firstDay, flare.end ?? input.today));
    for (let t = from; t <= to; t++) mask[t] = 1;
  }
  return mask;
}

/** Runs every insight method over one person's records. Pure: same input, same output. */
export function computeInsights(input: InsightsInput, options: InsightOptions): Insights {
  const trackingStart = input.trackingStart ?? earliestDate(input);
  const series = buildDailySeries(input, trackingStart, input.today);
  const labs = input.labs.filter((l) => l.date >= trackingStart && l.date <= input.today);
  const associations = laggedAssociations(series, {
    seed: options.seed,
    flareDays: flareDayMask(input, trackingStart, series.length),
  });
  return {
    today: input.today,
    trackingStart,
    adherenceByMonth: adherenceByMonth(series),
    levelTrend: levelTrend(labs),
    steadyState: steadyState(
      series,
      input.labs.filter((l) => l.date <= input.today),
      input.regimenStart,
      input.today,
      {
        hemisphere: input.hemisphere ?? 'northern',
        ...(input.bloodUnit ? { bloodUnit: input.bloodUnit } : {}),
      },
    ),
    symptomTrends: symptomTrends(series),
    beforeAfter: beforeAfter(series, input.regimenStart),
    associations: associations.insights,
    associationTests: associations.tests,
    season: levelBySeason(labs, input.hemisphere ?? 'northern'),
    flareRate: flareRate(input.flares, trackingStart, input.today),
    disclaimers: DISCLAIMERS,
  };
}

import { type AdherenceMonthInsight, adherenceByMonth } from './adherence-by-month.ts';
import { type BeforeAfterInsight, beforeAfter } from './before-after.ts';
import { buildDailySeries } from './daily-series.ts';
import { type FlareRateInsight, flareRate } from './flare-rate.ts';
import type { InsightsInput, LocalDate } from './input.ts';
import { type AssociationInsight, type LagTest, laggedAssociations } from './lagged-association.ts';
import { type LevelTrendInsight, levelTrend } from './level-trend.ts';
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
  /** Every (rating, lag) test behind `associations`, for a detail view or export. */
  associationTests: LagTest[];
  season: SeasonInsight[];
  flareRate: FlareRateInsight;
  disclaimers: typeof DISCLAIMERS;
}

/** Options for `computeInsights`. */
export interface InsightOptions {
  /**
   * Seed for any resampling. The current methods are closed-form, so results do not depend on
   * it; it is part of the signature so a resampling method never needs the clock or Math.random.
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

/** Runs every insight method over one person's records. Pure: same input, same output. */
export function computeInsights(input: InsightsInput, _options: InsightOptions): Insights {
  const trackingStart = input.trackingStart ?? earliestDate(input);
  const series = buildDailySeries(input, trackingStart, input.today);
  const labs = input.labs.filter((l) => l.date >= trackingStart && l.date <= input.today);
  const associations = laggedAssociations(series);
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

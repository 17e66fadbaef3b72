import type { AdherenceMonthInsight } from '@sunlog/core/insights/adherence-by-month';
import type { BeforeAfterInsight } from '@sunlog/core/insights/before-after';
import type { FlareRateInsight } from '@sunlog/core/insights/flare-rate';
import { type LabPoint, SYMPTOM_LABELS, SYMPTOMS, type SymptomKey } from '@sunlog/core/insights/input';
import type { AssociationInsight } from '@sunlog/core/insights/lagged-association';
import type { LevelTrendInsight } from '@sunlog/core/insights/level-trend';
import type { SymptomMonthInsight } from '@sunlog/core/insights/symptom-trends';
import type { BloodUnit } from '@sunlog/core/records/profile';
import { nounFor } from '../../plural.ts';
import { formatDate, formatLevel, formatMonth, formatNumber, readableSentence } from './format.ts';
import { missingLine } from './InsightDetails.tsx';
import { insightsStrings as t } from './strings.ts';

/**
 * Each Insights section in one sentence, for the summary that leads the screen: either what was
 * found, or that there is not enough data yet and what is still needed. The detail stays folded
 * under each section's card.
 */
export interface Headline {
  /** The section it sums up (its heading's id), so the summary can say where the detail is. */
  section: string;
  kind: 'finding' | 'waiting';
  text: string;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The latest month whose share could be worked out, in the engine's plain sentence. */
export function adherenceHeadline(months: readonly AdherenceMonthInsight[], locale: string): Headline {
  const latest = [...months].reverse().find((month) => month.status === 'ok');
  return latest === undefined
    ? { section: 'insights-adherence', kind: 'waiting', text: t.adherenceNone }
    : { section: 'insights-adherence', kind: 'finding', text: readableSentence(latest.sentence, locale) };
}

/** The latest blood result, and which way the level moved when a trend could be worked out. */
export function levelHeadline(
  labs: readonly LabPoint[],
  trend: LevelTrendInsight,
  unit: BloodUnit,
  locale: string,
): Headline {
  const latest = labs.at(-1);
  if (latest === undefined) return { section: 'insights-level', kind: 'waiting', text: t.levelNoResults };
  const level = (value: number) => formatLevel(value, unit, locale);
  const parts = [
    `Your latest blood result was ${level(latest.ngPerMl)}, on ${formatDate(latest.date, locale)}.`,
  ];
  if (trend.status === 'ok' && trend.estimate !== null && trend.estimate !== 0) {
    const direction = trend.estimate > 0 ? 'rose' : 'fell';
    parts.push(
      `Across your results it ${direction} by about ${level(Math.abs(trend.estimate))} every 30 days.`,
    );
  }
  return { section: 'insights-level', kind: 'finding', text: parts.join(' ') };
}

/** Each rating's latest monthly average that could be worked out. */
export function symptomsHeadline(trends: readonly SymptomMonthInsight[], locale: string): Headline {
  const latest = SYMPTOMS.flatMap((symptom) => {
    const month = trends
      .filter((trend) => trend.detail.symptom === symptom && trend.status === 'ok' && trend.estimate !== null)
      .sort((a, b) => a.detail.month.localeCompare(b.detail.month))
      .at(-1);
    return month === undefined ? [] : [{ symptom, month }];
  });
  const first = latest[0];
  if (first === undefined) {
    return {
      section: 'insights-symptoms',
      kind: 'waiting',
      text: `${t.stillNeeded} at least 7 daily ratings in a month for a monthly average.`,
    };
  }
  const averages = latest.map(
    ({ symptom, month }) => `${SYMPTOM_LABELS[symptom]} ${formatNumber(month.estimate ?? 0, locale)}`,
  );
  return {
    section: 'insights-symptoms',
    kind: 'finding',
    text: `Average out of 10 in ${formatMonth(first.month.detail.month, locale)}: ${averages.join(', ')}.`,
  };
}

/** The difference in each rating that could be compared, or what a comparison still needs. */
export function beforeAfterHeadline(comparisons: readonly BeforeAfterInsight[], locale: string): Headline {
  const compared = comparisons.filter(
    (comparison) => comparison.status === 'ok' && comparison.estimate !== null,
  );
  if (compared.length === 0) {
    const missing = comparisons.find((comparison) => comparison.missing !== undefined)?.missing;
    return {
      section: 'insights-before-after',
      kind: 'waiting',
      text: missing === undefined ? t.beforeAfterLead : missingLine(missing, locale),
    };
  }
  const differences = compared.map((comparison) => {
    const value = comparison.estimate ?? 0;
    const size = Math.round(Math.abs(value) * 10) / 10;
    const sign = value > 0 ? '+' : value < 0 ? '−' : '';
    const label = SYMPTOM_LABELS[comparison.subject as SymptomKey] ?? comparison.subject;
    return `${label} ${sign}${formatNumber(size, locale)} ${nounFor(size, ['point', 'points'], locale)}`;
  });
  return {
    section: 'insights-before-after',
    kind: 'finding',
    text: `After you started your regimen, against the 8 weeks before: ${differences.join(', ')}. This cannot say what made the difference.`,
  };
}

/** Whether a pattern stood out between dose-taking and a rating. */
export function associationsHeadline(associations: readonly AssociationInsight[]): Headline {
  const claims = associations.filter(
    (association) =>
      association.status === 'ok' && association.estimate !== null && association.detail.bestLagDays !== null,
  );
  if (claims.length > 0) {
    const names = claims.map((claim) => SYMPTOM_LABELS[claim.subject as SymptomKey] ?? claim.subject);
    return {
      section: 'insights-associations',
      kind: 'finding',
      text: `A pattern stood out between taking your doses and ${names.join(', ')}. A pattern is not proof of cause: see the details.`,
    };
  }
  return associations.some((association) => association.status === 'ok')
    ? { section: 'insights-associations', kind: 'finding', text: `${t.noPattern} ${t.noPatternDetail}` }
    : { section: 'insights-associations', kind: 'waiting', text: t.noPatternYet };
}

/** The flare-up count or rate in the engine's plain sentence. */
export function flareHeadline(rate: FlareRateInsight, locale: string): Headline {
  return {
    section: 'insights-flares',
    kind: rate.status === 'ok' ? 'finding' : 'waiting',
    text: capitalise(readableSentence(rate.sentence, locale)),
  };
}

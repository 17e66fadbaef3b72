import type { LabPoint } from '@sunlog/core/insights/input';
import type { LevelTrendInsight } from '@sunlog/core/insights/level-trend';
import type { SeasonInsight } from '@sunlog/core/insights/season';
import type { SteadyStateInsight } from '@sunlog/core/insights/steady-state';
import type { BloodUnit, IntakeUnit } from '@sunlog/core/records/profile';
import { convertIntake, formatQuantity, UNIT_LABELS } from '@sunlog/core/units';
import { useMemo } from 'react';
import { ChartFigure } from '../../charts/ChartFigure.tsx';
import { countOf } from '../../plural.ts';
import { type ExpectedBand, type LevelPoint, levelOptions } from './charts/plots.ts';
import { formatDate, formatLevel, levelIn } from './format.ts';
import { InsightDetails } from './InsightDetails.tsx';
import { InsightSection } from './InsightSection.tsx';
import { insightsStrings as t } from './strings.ts';

interface Units {
  blood: BloodUnit;
  intake: IntakeUnit;
  locale: string;
}

/** The expected range as a band over time, in ng/mL, or null when there is none. */
export function expectedBand(steady: SteadyStateInsight, today: string): ExpectedBand | null {
  const { uncertainty, detail } = steady;
  if (steady.status !== 'ok' || uncertainty === null || detail.settlesBy === null) return null;
  const from = detail.settlesBy.low;
  const to = detail.settlesBy.high > today ? detail.settlesBy.high : today;
  return { from, to, low: uncertainty.low, high: uncertainty.high };
}

/** Where a result sits against the band: only results drawn after the level should have settled. */
function againstBand(point: LabPoint, band: ExpectedBand | null): string {
  if (band === null) return '—';
  if (point.date < band.from) return t.beforeBand;
  if (point.ngPerMl < band.low) return t.belowBand;
  if (point.ngPerMl > band.high) return t.aboveBand;
  return t.inBand;
}

/** The steady-state sentence written in the person's units. */
function steadySentence(steady: SteadyStateInsight, units: Units): string | undefined {
  const { baseline, averageDailyIu } = steady.detail;
  if (steady.status !== 'ok' || steady.uncertainty === null || baseline === null || averageDailyIu === null) {
    return undefined;
  }
  const level = (value: number) => formatLevel(value, units.blood, units.locale);
  const dose = formatQuantity(
    convertIntake({ value: averageDailyIu, unit: 'IU' }, units.intake),
    units.locale,
  );
  return (
    `Starting from ${level(baseline.ngPerMl)} on ${formatDate(baseline.date, units.locale)} and an average of about ` +
    `${dose} a day, published averages put a settled level somewhere around ${level(steady.uncertainty.low)} to ` +
    `${level(steady.uncertainty.high)}, reached about 2 to 3 months after the dose became steady. This is a rough ` +
    'range from studies of many people (Ekwaru 2014, Jones 2014); your own lab result is the one that counts.'
  );
}

/** The trend sentence written in the person's unit. */
function trendSentence(trend: LevelTrendInsight, units: Units): string | undefined {
  const { first, last, results } = trend.detail;
  if (trend.status !== 'ok' || trend.estimate === null || trend.uncertainty === null || !first || !last) {
    return undefined;
  }
  const per = (value: number) => formatLevel(value, units.blood, units.locale);
  const direction = trend.estimate > 0 ? 'rose' : trend.estimate < 0 ? 'fell' : 'stayed level';
  return (
    `Across ${countOf(results, ['blood result', 'blood results'], units.locale)} from ${formatDate(first.date, units.locale)} to ${formatDate(last.date, units.locale)}, ` +
    `your level ${direction} by about ${per(Math.abs(trend.estimate))} every 30 days ` +
    `(likely between ${per(trend.uncertainty.low)} and ${per(trend.uncertainty.high)}).`
  );
}

function seasonSentence(season: SeasonInsight, units: Units): string | undefined {
  if (season.status !== 'ok' || season.estimate === null) return undefined;
  const count = season.detail.results;
  return `Your ${season.subject} results averaged ${formatLevel(season.estimate, units.blood, units.locale)} (${count} ${count === 1 ? 'result' : 'results'}).`;
}

/** 25(OH)D results beside the range expected at steady state, the trend, and results by season. */
export function LevelSection({
  labs,
  trend,
  steady,
  seasons,
  today,
  units,
}: {
  labs: readonly LabPoint[];
  trend: LevelTrendInsight;
  steady: SteadyStateInsight;
  seasons: readonly SeasonInsight[];
  today: string;
  units: Units;
}) {
  const band = expectedBand(steady, today);
  const level = (value: number) => formatLevel(value, units.blood, units.locale);
  const perMonth = (value: number) => `${level(value)} per 30 days`;
  const unitLabel = UNIT_LABELS[units.blood];
  const first = labs[0];
  const last = labs.at(-1);
  const bandText = band === null ? null : `${level(band.low)} to ${level(band.high)}`;
  const chartKey = JSON.stringify({
    points: labs.map((lab) => ({ date: lab.date, value: levelIn(lab.ngPerMl, units.blood) })),
    band:
      band === null
        ? null
        : { ...band, low: levelIn(band.low, units.blood), high: levelIn(band.high, units.blood) },
  });
  const yLabel = `25(OH)D (${unitLabel})`;
  const options = useMemo(() => {
    const { points, band: shown } = JSON.parse(chartKey) as {
      points: LevelPoint[];
      band: ExpectedBand | null;
    };
    return levelOptions(points, shown, yLabel, units.locale);
  }, [chartKey, yLabel, units.locale]);
  return (
    <InsightSection id="insights-level" heading={t.levelHeading}>
      <p className="muted">{t.levelLead}</p>
      {first === undefined || last === undefined ? (
        <div className="insight insight--waiting">
          <p className="insight__badge">{t.notEnoughData}</p>
          <p>{t.levelNoResults}</p>
        </div>
      ) : (
        <ChartFigure
          caption={band === null ? t.levelCaptionNoBand : t.levelCaption(steady.detail.source)}
          options={options}
          summary={t.levelSummary(
            labs.length,
            formatDate(first.date, units.locale),
            formatDate(last.date, units.locale),
            bandText,
          )}
          table={{
            columns: t.levelColumns,
            rows: labs.map((lab) => [
              formatDate(lab.date, units.locale),
              level(lab.ngPerMl),
              againstBand(lab, band),
            ]),
          }}
        />
      )}
      <div className="insight-list">
        <InsightDetails
          insight={steady}
          title={t.steadyTitle}
          format={level}
          locale={units.locale}
          {...optionalSentence(steadySentence(steady, units))}
        />
        <InsightDetails
          insight={trend}
          title={t.trendTitle}
          format={perMonth}
          locale={units.locale}
          {...optionalSentence(trendSentence(trend, units))}
        />
      </div>
      <h3>{t.seasonHeading}</h3>
      <p className="muted">{t.seasonLead}</p>
      <div className="insight-list insight-list--compact">
        {seasons.map((season) => (
          <InsightDetails
            key={season.subject}
            insight={season}
            title={capitalise(season.subject)}
            format={level}
            locale={units.locale}
            headingLevel={4}
            {...optionalSentence(seasonSentence(season, units))}
          />
        ))}
      </div>
    </InsightSection>
  );
}

/** Spreads `{ sentence }` only when there is one (exactOptionalPropertyTypes). */
export function optionalSentence(sentence: string | undefined): { sentence?: string } {
  return sentence === undefined ? {} : { sentence };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

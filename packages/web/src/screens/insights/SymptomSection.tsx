import { SYMPTOM_LABELS, SYMPTOMS, type SymptomKey } from '@sunlog/core/insights/input';
import type { SymptomMonthInsight } from '@sunlog/core/insights/symptom-trends';
import { SCALE_DIRECTION } from '@sunlog/core/records/symptom-scales';
import { useMemo } from 'react';
import { ChartFigure } from '../../charts/ChartFigure.tsx';
import { type MeanRow, meansOptions } from './charts/plots.ts';
import { formatMonth, formatNumber, formatShortMonth, onRatingScale } from './format.ts';
import { InsightDetails } from './InsightDetails.tsx';
import { InsightSection } from './InsightSection.tsx';
import { capitalise } from './LevelSection.tsx';
import { insightsStrings as t } from './strings.ts';

const MONTHS_SHOWN = 12;

/** Each rating's monthly averages with intervals: a chart per rating and its latest month in words. */
export function SymptomSection({
  trends,
  locale,
}: {
  trends: readonly SymptomMonthInsight[];
  locale: string;
}) {
  const bySymptom = new Map<SymptomKey, SymptomMonthInsight[]>();
  for (const trend of trends) {
    const list = bySymptom.get(trend.detail.symptom) ?? [];
    list.push(trend);
    bySymptom.set(trend.detail.symptom, list);
  }
  const rated = SYMPTOMS.filter((symptom) => bySymptom.has(symptom));
  const unrated = SYMPTOMS.filter((symptom) => !bySymptom.has(symptom));
  return (
    <InsightSection id="insights-symptoms" heading={t.symptomsHeading}>
      <p className="muted">{t.symptomsLead}</p>
      {rated.map((symptom) => (
        <SymptomTrend
          key={symptom}
          symptom={symptom}
          months={(bySymptom.get(symptom) ?? [])
            .sort((a, b) => (a.detail.month < b.detail.month ? -1 : 1))
            .slice(-MONTHS_SHOWN)}
          locale={locale}
        />
      ))}
      {unrated.length > 0 ? (
        <div className="insight insight--waiting">
          <p className="insight__badge">{t.notEnoughData}</p>
          <p>
            No ratings yet for {unrated.map((symptom) => SYMPTOM_LABELS[symptom]).join(', ')}. {t.stillNeeded}{' '}
            at least 7 daily ratings in a month for a monthly average.
          </p>
        </div>
      ) : null}
    </InsightSection>
  );
}

function SymptomTrend({
  symptom,
  months,
  locale,
}: {
  symptom: SymptomKey;
  months: readonly SymptomMonthInsight[];
  locale: string;
}) {
  const label = SYMPTOM_LABELS[symptom];
  const number = (value: number) => formatNumber(value, locale);
  const points = (value: number) => `${number(onRatingScale(value))} out of 10`;
  const ok = months.filter((month) => month.status === 'ok' && month.estimate !== null);
  const rows: MeanRow[] = ok.map((month) => ({
    label: formatShortMonth(month.detail.month, locale),
    mean: month.estimate ?? 0,
    low: month.uncertainty === null ? null : onRatingScale(month.uncertainty.low),
    high: month.uncertainty === null ? null : onRatingScale(month.uncertainty.high),
  }));
  // Keyed by the rows' text, so the chart is redrawn only when its numbers change.
  const rowsKey = JSON.stringify(rows);
  const yLabel = `${capitalise(label)} (0–10)`;
  const options = useMemo(() => meansOptions(JSON.parse(rowsKey) as MeanRow[], yLabel), [rowsKey, yLabel]);
  const latest = months.at(-1);
  const firstRow = rows[0];
  const lastRow = rows.at(-1);
  return (
    <div className="symptom-trend">
      <h3>{capitalise(label)}</h3>
      <p className="muted">{t.symptomDirection(label, SCALE_DIRECTION[symptom] === 'higher-is-better')}</p>
      {firstRow !== undefined && lastRow !== undefined ? (
        <ChartFigure
          caption={t.symptomCaption(label)}
          options={options}
          summary={t.symptomSummary(label, rows.length, number(firstRow.mean), number(lastRow.mean))}
          table={{
            columns: t.symptomColumns,
            rows: months.map((month) => [
              formatMonth(month.detail.month, locale),
              month.estimate === null ? t.notEnoughData : number(month.estimate),
              month.uncertainty === null
                ? '—'
                : `${number(onRatingScale(month.uncertainty.low))} to ${number(onRatingScale(month.uncertainty.high))}`,
              String(month.detail.days),
            ]),
          }}
        />
      ) : null}
      {latest === undefined ? null : (
        <InsightDetails
          insight={latest}
          title={`Latest month: ${formatMonth(latest.detail.month, locale)}`}
          format={points}
          locale={locale}
          headingLevel={4}
        />
      )}
    </div>
  );
}

import type { AdherenceMonthInsight } from '@sunlog/core/insights/adherence-by-month';
import { useMemo } from 'react';
import { ChartFigure } from '../../charts/ChartFigure.tsx';
import { monthlyShareOptions, type ShareRow } from './charts/plots.ts';
import { formatMonth, formatPercent, formatShortMonth } from './format.ts';
import { InsightDetails } from './InsightDetails.tsx';
import { InsightSection } from './InsightSection.tsx';
import { insightsStrings as t } from './strings.ts';

/** Months shown at most; older ones stay in the records and the report. */
const MONTHS_SHOWN = 12;

/** Adherence by month: a chart with intervals, then each month's finding. */
export function AdherenceSection({
  months,
  locale,
}: {
  months: readonly AdherenceMonthInsight[];
  locale: string;
}) {
  const shown = months.slice(-MONTHS_SHOWN);
  const ok = shown.filter((month) => month.status === 'ok');
  const rows: ShareRow[] = ok.map((month) => ({
    label: formatShortMonth(month.subject, locale),
    share: month.estimate ?? 0,
    low: month.uncertainty?.low ?? 0,
    high: month.uncertainty?.high ?? 0,
  }));
  // Keyed by the rows' text, so the chart is redrawn only when its numbers change.
  const rowsKey = JSON.stringify(rows);
  const options = useMemo(() => monthlyShareOptions(JSON.parse(rowsKey) as ShareRow[]), [rowsKey]);
  const percent = (value: number) => formatPercent(value, locale);
  const shares = ok.map((month) => month.estimate ?? 0);
  return (
    <InsightSection id="insights-adherence" heading={t.adherenceHeading}>
      <p className="muted">{t.adherenceLead}</p>
      {shown.length === 0 ? (
        <div className="insight insight--waiting">
          <p className="insight__badge">{t.notEnoughData}</p>
          <p>{t.adherenceNone}</p>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <ChartFigure
          caption={t.adherenceCaption}
          options={options}
          summary={t.adherenceSummary(
            rows.length,
            percent(Math.max(...shares)),
            percent(Math.min(...shares)),
          )}
          table={{
            columns: t.adherenceColumns,
            rows: ok.map((month) => [
              formatMonth(month.subject, locale),
              `${month.detail.taken} of ${month.detail.scheduled}`,
              percent(month.estimate ?? 0),
              `${percent(month.uncertainty?.low ?? 0)} to ${percent(month.uncertainty?.high ?? 0)}`,
            ]),
          }}
        />
      ) : null}
      {months.length > MONTHS_SHOWN ? <p className="muted">{t.lastMonthsNote(MONTHS_SHOWN)}</p> : null}
      <div className="insight-list">
        {[...shown].reverse().map((month) => (
          <InsightDetails
            key={month.subject}
            insight={month}
            title={formatMonth(month.subject, locale)}
            format={percent}
            locale={locale}
          />
        ))}
      </div>
    </InsightSection>
  );
}

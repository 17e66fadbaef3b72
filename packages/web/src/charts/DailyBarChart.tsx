import { axisY, type PlotOptions, rect, ruleY } from '@observablehq/plot';
import type { LocalDate } from '@sunlog/core/calendar';
import { useMemo } from 'react';
import { ChartFigure } from './ChartFigure.tsx';
import { axisTicks, CHART_MARGIN_RIGHT, dateOnAxis, endOfDateOnAxis } from './chart-dates.ts';

export interface DailyValue {
  date: LocalDate;
  /** The bar. */
  value: number;
  /** An optional comparison drawn as a dashed line across the day, e.g. the amount that was due. */
  reference?: number;
}

export interface DailyBarChartProps {
  caption: string;
  summary: string;
  start: LocalDate;
  end: LocalDate;
  /** Every day in the period (days with nothing have value 0). */
  days: readonly DailyValue[];
  /** What the bars are, e.g. "Taken (IU)". */
  valueLabel: string;
  /** What the dashed marks are, e.g. "Scheduled (IU)"; leave out when there are none. */
  referenceLabel?: string | undefined;
  /** The y axis title, with its unit. */
  axisLabel: string;
  formatValue: (value: number) => string;
  formatDate: (date: LocalDate) => string;
  locale: string;
}

/** A bar per day with an optional dashed reference mark per day; see ChartFigure for the text alternative. */
export function DailyBarChart({
  caption,
  summary,
  start,
  end,
  days,
  valueLabel,
  referenceLabel,
  axisLabel,
  formatValue,
  formatDate,
  locale,
}: DailyBarChartProps) {
  const hasData = days.some((day) => day.value > 0 || (day.reference ?? 0) > 0);
  const options = useMemo(() => {
    const x1 = dateOnAxis(start);
    const x2 = endOfDateOnAxis(end);
    const spanDays = (x2.getTime() - x1.getTime()) / 86_400_000;
    const top = Math.max(1, ...days.map((day) => Math.max(day.value, day.reference ?? 0))) * 1.15;
    // Gaps between bars only when there is room for them.
    const inset = spanDays > 62 ? 0 : spanDays > 10 ? 1 : 6;
    const withReference = days.filter((day) => day.reference !== undefined && day.reference > 0);
    const marginLeft = 64;
    return (width: number): PlotOptions => ({
      marginLeft,
      marginRight: CHART_MARGIN_RIGHT,
      marginBottom: 40,
      marginTop: 24,
      height: 240,
      x: {
        type: 'utc',
        domain: [x1, x2],
        ...axisTicks(start, end, locale, width - marginLeft - CHART_MARGIN_RIGHT),
      },
      y: { domain: [0, top], nice: true },
      marks: [
        axisY({ label: axisLabel, labelAnchor: 'top', labelArrow: 'none', tickFormat: formatValue }),
        rect(
          days.filter((day) => day.value > 0),
          {
            x1: (day: DailyValue) => dateOnAxis(day.date),
            x2: (day: DailyValue) => endOfDateOnAxis(day.date),
            y1: 0,
            y2: 'value',
            insetLeft: inset,
            insetRight: inset,
            fill: 'currentColor',
            className: 'chart-bar',
          },
        ),
        ruleY(withReference, {
          x1: (day: DailyValue) => new Date(dateOnAxis(day.date).getTime() + (spanDays > 62 ? 0 : 3_600_000)),
          x2: (day: DailyValue) =>
            new Date(endOfDateOnAxis(day.date).getTime() - (spanDays > 62 ? 0 : 3_600_000)),
          y: 'reference',
          stroke: 'currentColor',
          strokeWidth: 3,
          strokeDasharray: '6 3',
          className: 'chart-reference',
        }),
        ruleY([0], { className: 'chart-axis-rule' }),
      ],
    });
  }, [days, start, end, locale, axisLabel, formatValue]);

  const columns = referenceLabel === undefined ? ['Date', valueLabel] : ['Date', valueLabel, referenceLabel];
  const rows = days
    .filter((day) => day.value > 0 || (day.reference ?? 0) > 0)
    .map((day) =>
      referenceLabel === undefined
        ? [formatDate(day.date), formatValue(day.value)]
        : [formatDate(day.date), formatValue(day.value), formatValue(day.reference ?? 0)],
    );

  return (
    <ChartFigure
      caption={caption}
      summary={summary}
      table={{ columns, rows }}
      options={hasData ? options : null}
    >
      {hasData ? (
        <ul className="chart__key-list chart__key-list--inline">
          <li className="chart__key-item">
            <span className="chart__swatch chart__swatch--bar" aria-hidden="true" />
            {valueLabel}
          </li>
          {referenceLabel === undefined ? null : (
            <li className="chart__key-item">
              <span className="chart__swatch chart__swatch--reference" aria-hidden="true" />
              {referenceLabel}
            </li>
          )}
        </ul>
      ) : null}
    </ChartFigure>
  );
}

import { barX, type PlotOptions } from '@observablehq/plot';
import type { LocalDate } from '@sunlog/core/calendar';
import { useMemo } from 'react';
import { ChartFigure } from './ChartFigure.tsx';
import { axisTicks, CHART_MARGIN_RIGHT, dateOnAxis, endOfDateOnAxis } from './chart-dates.ts';

export interface Span {
  id: string;
  start: LocalDate;
  /** The last day, inclusive. */
  end: LocalDate;
  /** True when the span has not ended yet (drawn with a dashed edge). */
  isOngoing: boolean;
  /** The row's short name, e.g. "From 3 Nov". */
  label: string;
  /** A longer description for the table, e.g. "moderate; treated with steroids". */
  detail: string;
}

export interface SpanChartProps {
  caption: string;
  summary: string;
  start: LocalDate;
  end: LocalDate;
  spans: readonly Span[];
  formatDate: (date: LocalDate) => string;
  locale: string;
  /** Table column names: start, end, detail. */
  columns: readonly [string, string, string];
  ongoingText: string;
}

/** Intervals on a time axis, one row each; see ChartFigure for the text alternative. */
export function SpanChart({
  caption,
  summary,
  start,
  end,
  spans,
  formatDate,
  locale,
  columns,
  ongoingText,
}: SpanChartProps) {
  const options = useMemo(() => {
    const x1 = dateOnAxis(start);
    const x2 = endOfDateOnAxis(end);
    const clip = (date: Date) => new Date(Math.min(Math.max(date.getTime(), x1.getTime()), x2.getTime()));
    const bar = (className: string, shown: readonly Span[]) =>
      barX(shown, {
        x1: (span: Span) => clip(dateOnAxis(span.start)),
        x2: (span: Span) => clip(endOfDateOnAxis(span.end)),
        y: 'label',
        insetTop: 4,
        insetBottom: 4,
        fill: 'currentColor',
        stroke: 'currentColor',
        className,
      });
    const marginLeft = 110;
    return (width: number): PlotOptions => ({
      marginLeft,
      marginRight: CHART_MARGIN_RIGHT,
      marginBottom: 40,
      marginTop: 12,
      height: 40 + 48 * Math.max(1, spans.length),
      x: {
        type: 'utc',
        domain: [x1, x2],
        ...axisTicks(start, end, locale, width - marginLeft - CHART_MARGIN_RIGHT),
      },
      y: { label: null, domain: spans.map((span) => span.label) },
      marks: [
        bar(
          'chart-span',
          spans.filter((span) => !span.isOngoing),
        ),
        bar(
          'chart-span chart-span--ongoing',
          spans.filter((span) => span.isOngoing),
        ),
      ],
    });
  }, [spans, start, end, locale]);

  const rows = spans.map((span) => [
    formatDate(span.start),
    span.isOngoing ? ongoingText : formatDate(span.end),
    span.detail,
  ]);

  return (
    <ChartFigure
      caption={caption}
      summary={summary}
      table={{ columns, rows }}
      options={spans.length === 0 ? null : options}
    />
  );
}

import {
  axisY,
  dot,
  line,
  type Markish,
  type PlotOptions,
  rect,
  ruleX,
  ruleY,
  text,
} from '@observablehq/plot';
import type { LocalDate } from '@sunlog/core/calendar';
import { useMemo } from 'react';
import { ChartFigure } from './ChartFigure.tsx';
import { axisTicks, CHART_MARGIN_RIGHT, dateOnAxis, endOfDateOnAxis } from './chart-dates.ts';
import { summariseByWeek, type WeekSummary } from './weekly-summary.ts';

export interface TimePoint {
  date: LocalDate;
  value: number;
}

/**
 * The tints a band can have. Each is a distinct hue, opaque, with text-colour labels on it at 4.5:1 or
 * more and the boundary lines between bands at 3:1 or more against every tint and the card, in light
 * and dark (charts.css; checked on the rendered colours by the History browser test).
 */
export type BandTint = 'red' | 'amber' | 'green' | 'blue' | 'purple';

/** A tinted horizontal band, labelled inside the chart; an open side runs to the edge of the chart. */
export interface ValueBand {
  from?: number;
  to?: number;
  label: string;
  /** A short name written inside the band on the chart; the key below gives `label` in full. */
  shortLabel: string;
  tint: BandTint;
}

export interface TimeSeriesChartProps {
  caption: string;
  summary: string;
  /** The period shown, both dates included. */
  start: LocalDate;
  end: LocalDate;
  points: readonly TimePoint[];
  /** The value's name with its unit, e.g. "25(OH)D, ng/mL"; the y axis and the table use it. */
  valueLabel: string;
  formatValue: (value: number) => string;
  formatDate: (date: LocalDate) => string;
  locale: string;
  yDomain?: readonly [number, number];
  bands?: readonly ValueBand[];
  /** Join the points with a line (default) or show points alone. */
  connect?: boolean;
  /** What the key calls the bands, e.g. "IOM 2011 categories, for context". */
  bandsHeading?: string | undefined;
  formatBandRange?: (band: ValueBand) => string;
  /**
   * For daily values over a long period (more than LONG_SPAN_DAYS): draw each week's mean with its
   * lowest-to-highest range instead of one dot a day, which on a phone would merge into a blob.
   */
  summariseLongSpans?: boolean;
}

/** Periods longer than this many days are drawn as weekly summaries when asked to. */
export const LONG_SPAN_DAYS = 62;

const CHART_HEIGHT = 260;
const MARGIN_TOP = 24;
const MARGIN_BOTTOM = 40;
const MARGIN_LEFT = 56;
/** A band label is written only when the band is at least this tall on screen. */
const MIN_LABELLED_BAND_PX = 18;

export const weeklyStrings = {
  columns: ['Week starting', 'Average', 'Lowest', 'Highest', 'Days rated'] as const,
  key: 'Each dot is a week’s average; its line runs from the week’s lowest to its highest rating.',
  tableLabel: 'Show the weekly numbers',
};

/** A time-series line with points, optionally over tinted bands; see ChartFigure for the text alternative. */
export function TimeSeriesChart({
  caption,
  summary,
  start,
  end,
  points,
  valueLabel,
  formatValue,
  formatDate,
  locale,
  yDomain,
  bands = [],
  connect = true,
  bandsHeading,
  formatBandRange,
  summariseLongSpans = false,
}: TimeSeriesChartProps) {
  const spanDays = (endOfDateOnAxis(end).getTime() - dateOnAxis(start).getTime()) / 86_400_000;
  const weekly = summariseLongSpans && spanDays > LONG_SPAN_DAYS;
  const weeks = useMemo(() => (weekly ? summariseByWeek(points) : []), [weekly, points]);

  const options = useMemo(() => {
    const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
    const x1 = dateOnAxis(start);
    const x2 = endOfDateOnAxis(end);
    const top = yDomain?.[1] ?? Math.max(1, ...sorted.map((point) => point.value)) * 1.15;
    const bottom = yDomain?.[0] ?? 0;
    const plotHeight = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
    const shown = bands.map((band) => ({
      ...band,
      y1: Math.max(bottom, band.from ?? bottom),
      y2: Math.min(top, band.to ?? top),
    }));
    const bandMarks: Markish[] = [
      ...shown.map((band) =>
        rect([band], { x1, x2, y1: 'y1', y2: 'y2', className: `chart-band chart-band--${band.tint}` }),
      ),
      // The boundaries between bands (and at an open band's edge) as solid lines, so each band stands
      // apart from its neighbours by more than its tint (WCAG 1.4.11).
      ruleY(
        [...new Set(shown.flatMap((band) => [band.y1, band.y2]))].filter((y) => y > bottom && y < top),
        { className: 'chart-band-edge' },
      ),
      ...shown
        .filter((band) => ((band.y2 - band.y1) / (top - bottom)) * plotHeight >= MIN_LABELLED_BAND_PX)
        .map((band) =>
          text([band], {
            x: x1,
            y: (b: typeof band) => (b.y1 + b.y2) / 2,
            text: 'shortLabel',
            textAnchor: 'start',
            dx: 6,
            className: `chart-band-label chart-band-label--${band.tint}`,
          }),
        ),
    ];
    const at = (point: TimePoint) => new Date(dateOnAxis(point.date).getTime() + 43_200_000);
    const midWeek = (week: WeekSummary) => new Date(dateOnAxis(week.weekStart).getTime() + 3.5 * 86_400_000);
    const dataMarks: Markish[] = weekly
      ? [
          ruleX(weeks, { x: midWeek, y1: 'lowest', y2: 'highest', strokeWidth: 2, className: 'chart-range' }),
          dot(weeks, { x: midWeek, y: 'mean', r: 3.5, fill: 'currentColor', className: 'chart-dot' }),
        ]
      : [
          connect && sorted.length > 1 ? line(sorted, { x: at, y: 'value', className: 'chart-line' }) : null,
          dot(sorted, { x: at, y: 'value', r: 5, fill: 'currentColor', className: 'chart-dot' }),
        ];
    return (width: number): PlotOptions => ({
      marginLeft: MARGIN_LEFT,
      marginRight: CHART_MARGIN_RIGHT,
      marginBottom: MARGIN_BOTTOM,
      marginTop: MARGIN_TOP,
      height: CHART_HEIGHT,
      x: {
        type: 'utc',
        domain: [x1, x2],
        ...axisTicks(start, end, locale, width - MARGIN_LEFT - CHART_MARGIN_RIGHT),
      },
      y: { domain: [bottom, top], label: valueLabel, nice: yDomain === undefined },
      marks: [
        ...bandMarks,
        ruleY([bottom], { className: 'chart-axis-rule' }),
        axisY({ label: valueLabel, labelAnchor: 'top', labelArrow: 'none', tickFormat: formatValue }),
        ...dataMarks,
      ],
    });
  }, [points, weeks, weekly, start, end, locale, valueLabel, formatValue, yDomain, bands, connect]);

  const table = weekly
    ? {
        columns: weeklyStrings.columns,
        rows: weeks.map((week) => [
          formatDate(week.weekStart),
          new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(week.mean),
          formatValue(week.lowest),
          formatValue(week.highest),
          String(week.count),
        ]),
      }
    : {
        columns: ['Date', valueLabel],
        rows: [...points]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((point) => [formatDate(point.date), formatValue(point.value)]),
      };

  return (
    <ChartFigure
      caption={caption}
      summary={summary}
      table={table}
      {...(weekly ? { tableLabel: weeklyStrings.tableLabel } : {})}
      options={points.length === 0 ? null : options}
    >
      {weekly && points.length > 0 ? <p className="chart__note">{weeklyStrings.key}</p> : null}
      {bands.length === 0 ? null : (
        <div className="chart__key">
          {bandsHeading === undefined ? null : <p className="chart__key-heading">{bandsHeading}</p>}
          <ul className="chart__key-list">
            {bands.map((band) => (
              <li key={band.label} className="chart__key-item">
                <span className={`chart__swatch chart__swatch--${band.tint}`} aria-hidden="true" />
                <span>
                  <strong>{band.shortLabel}</strong>
                  {band.shortLabel === band.label ? null : `: ${band.label}`}
                  {formatBandRange === undefined ? null : (
                    <span className="muted"> ({formatBandRange(band)})</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </ChartFigure>
  );
}

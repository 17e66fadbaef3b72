import * as Plot from '@observablehq/plot';
import { addDays } from '@sunlog/core/calendar';
import {
  axisTicks,
  CHART_MARGIN_RIGHT,
  dateOnAxis,
  endOfDateOnAxis,
  LABEL_OVERHANG_PX,
} from '../../../charts/chart-dates.ts';
import { chooseBandLabels } from '../../../charts/chart-ticks.ts';

/**
 * Observable Plot options for the insights and check-in charts, drawn by the shared ChartFigure
 * (src/charts/), which measures the width and removes Plot's <style> (strict CSP). Colours are CSS
 * custom properties (insights.css), so charts follow the light and dark themes; text is currentColor.
 */

/** One month's share with its interval (0–1). */
export interface ShareRow {
  label: string;
  share: number;
  low: number;
  high: number;
}

/** The month labels of a band axis that fit the plot width (every month, or every 2nd, 3rd, …). */
function monthTicks(labels: readonly string[], width: number, marginLeft: number): string[] {
  return chooseBandLabels(labels, width - marginLeft - CHART_MARGIN_RIGHT, LABEL_OVERHANG_PX);
}

/**
 * Bars of the share of scheduled doses taken per month, with the 95% interval as a line; a function
 * of the chart's width, so the month labels are thinned to fit it.
 */
export function monthlyShareOptions(rows: readonly ShareRow[]): (width: number) => Plot.PlotOptions {
  const labels = rows.map((row) => row.label);
  return (width) => ({
    height: 260,
    marginLeft: 48,
    marginRight: CHART_MARGIN_RIGHT,
    marginBottom: 40,
    x: { type: 'band', domain: labels, label: null, padding: 0.3, ticks: monthTicks(labels, width, 48) },
    y: { domain: [0, 100], label: 'Doses taken (%)', grid: true, ticks: 5 },
    marks: [
      Plot.barY(rows, { x: 'label', y: (row: ShareRow) => row.share * 100, fill: 'var(--chart-primary)' }),
      Plot.ruleX(rows, {
        x: 'label',
        y1: (row: ShareRow) => row.low * 100,
        y2: (row: ShareRow) => row.high * 100,
        stroke: 'currentColor',
        strokeWidth: 2,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/** One month's mean rating with its interval. */
export interface MeanRow {
  label: string;
  mean: number;
  low: number | null;
  high: number | null;
}

/** Monthly means of a 0–10 rating as points, with 95% intervals as error bars; month labels fit the width. */
export function meansOptions(rows: readonly MeanRow[], yLabel: string): (width: number) => Plot.PlotOptions {
  const withInterval = rows.filter((row) => row.low !== null && row.high !== null);
  const labels = rows.map((row) => row.label);
  return (width) => ({
    height: 220,
    marginLeft: 48,
    marginRight: CHART_MARGIN_RIGHT,
    marginBottom: 40,
    x: { type: 'band', domain: labels, label: null, padding: 0.6, ticks: monthTicks(labels, width, 48) },
    y: { domain: [0, 10], label: yLabel, grid: true, ticks: 5 },
    marks: [
      Plot.ruleX(withInterval, {
        x: 'label',
        y1: 'low',
        y2: 'high',
        stroke: 'var(--chart-primary)',
        strokeWidth: 3,
      }),
      Plot.tickY(withInterval, { x: 'label', y: 'low', stroke: 'var(--chart-primary)', strokeWidth: 2 }),
      Plot.tickY(withInterval, { x: 'label', y: 'high', stroke: 'var(--chart-primary)', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'label', y: 'mean', r: 6, fill: 'currentColor' }),
    ],
  });
}

/** A measured blood level on a date, in the person's unit. */
export interface LevelPoint {
  date: string;
  value: number;
}

/** The expected range, in the person's unit, from the date the level should have settled. */
export interface ExpectedBand {
  from: string;
  to: string;
  low: number;
  high: number;
}

function day(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/**
 * Measured 25(OH)D results as points joined by a line, with the expected range shaded behind them; a
 * function of the chart's width, so the date labels are chosen to fit it (charts/chart-dates.ts).
 */
export function levelOptions(
  points: readonly LevelPoint[],
  band: ExpectedBand | null,
  yLabel: string,
  locale: string,
): (width: number) => Plot.PlotOptions {
  const bands = band === null ? [] : [band];
  const values = [...points.map((point) => point.value), ...bands.flatMap((b) => [b.low, b.high])];
  const top = Math.max(10, ...values) * 1.15;
  const dates = [...points.map((point) => point.date), ...bands.flatMap((b) => [b.from, b.to])].sort();
  // A week either side, so the first and last points do not sit on the chart's edges.
  const start = addDays(dates[0] ?? '2000-01-01', -7);
  const end = addDays(dates.at(-1) ?? '2000-01-01', 7);
  const marginLeft = 52;
  return (width) => ({
    height: 280,
    marginLeft,
    marginRight: CHART_MARGIN_RIGHT,
    marginBottom: 40,
    x: {
      type: 'utc',
      label: null,
      domain: [dateOnAxis(start), endOfDateOnAxis(end)],
      ...axisTicks(start, end, locale, width - marginLeft - CHART_MARGIN_RIGHT),
    },
    y: { domain: [0, top], label: yLabel, grid: true, ticks: 5 },
    marks: [
      Plot.rect(bands, {
        x1: (b: ExpectedBand) => day(b.from),
        x2: (b: ExpectedBand) => day(b.to),
        y1: 'low',
        y2: 'high',
        fill: 'var(--chart-band)',
        stroke: 'var(--chart-band-edge)',
        strokeDasharray: '6 4',
      }),
      Plot.line(points, {
        x: (p: LevelPoint) => day(p.date),
        y: 'value',
        stroke: 'var(--chart-primary)',
        strokeWidth: 2,
      }),
      Plot.dot(points, {
        x: (p: LevelPoint) => day(p.date),
        y: 'value',
        r: 6,
        fill: 'var(--chart-primary)',
        stroke: 'var(--color-surface)',
        strokeWidth: 2,
      }),
      Plot.ruleY([0]),
    ],
  });
}

export type DayStatus = 'taken' | 'skipped' | 'missed' | 'pending';

const STATUS_FILL: Record<DayStatus, string> = {
  taken: 'var(--chart-primary)',
  skipped: 'var(--chart-skipped)',
  missed: 'var(--chart-missed)',
  pending: 'var(--color-surface)',
};

/** A strip with one square per scheduled day of the month, shaded by what happened. */
export function dayStripOptions(
  days: readonly { day: number; status: DayStatus }[],
  daysInMonth: number,
): Plot.PlotOptions {
  const domain = Array.from({ length: daysInMonth }, (_, index) => index + 1);
  return {
    height: 76,
    marginLeft: 8,
    marginRight: 8,
    marginTop: 8,
    marginBottom: 28,
    x: {
      type: 'band',
      domain,
      label: null,
      padding: 0.15,
      tickFormat: (value: number) => (value === 1 || value % 5 === 0 ? String(value) : ''),
      tickSize: 0,
    },
    y: { axis: null },
    color: { type: 'identity' },
    marks: [
      Plot.cell(days, {
        x: 'day',
        fill: (d: { status: DayStatus }) => STATUS_FILL[d.status],
        stroke: 'var(--color-border)',
        strokeWidth: 1,
        rx: 3,
      }),
    ],
  };
}

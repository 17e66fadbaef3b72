import { axisY, dot, line, type Markish, type PlotOptions, rect, ruleY } from '@observablehq/plot';
import type { LocalDate } from '@sunlog/core/calendar';
import { useMemo } from 'react';
import { ChartFigure } from './ChartFigure.tsx';
import { axisTicks, dateOnAxis, endOfDateOnAxis } from './chart-dates.ts';

export interface TimePoint {
  date: LocalDate;
  value: number;
}

/** A shaded horizontal band; an open side runs to the edge of the chart. */
export interface ValueBand {
  from?: number;
  to?: number;
  label: string;
  /** 'target' is the person's own range; 'context' bands (alternating shades) only give background. */
  tone: 'target' | 'context';
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
}

/** A time-series line with points, optionally over shaded bands; see ChartFigure for the text alternative. */
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
}: TimeSeriesChartProps) {
  const options = useMemo<PlotOptions | null>(() => {
    const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
    const x1 = dateOnAxis(start);
    const x2 = endOfDateOnAxis(end);
    const top = yDomain?.[1] ?? Math.max(1, ...sorted.map((point) => point.value)) * 1.15;
    const bottom = yDomain?.[0] ?? 0;
    let contextIndex = 0;
    const bandMarks: Markish[] = bands.map((band) => {
      const shade = band.tone === 'target' ? 'target' : `context-${contextIndex++ % 2 === 0 ? 'a' : 'b'}`;
      return rect([band], {
        x1,
        x2,
        y1: Math.max(bottom, band.from ?? bottom),
        y2: Math.min(top, band.to ?? top),
        className: `chart-band chart-band--${shade}`,
      });
    });
    const at = (point: TimePoint) => new Date(dateOnAxis(point.date).getTime() + 43_200_000);
    return {
      marginLeft: 56,
      marginBottom: 40,
      marginTop: 24,
      height: 260,
      x: {
        type: 'utc',
        domain: [x1, x2],
        ...axisTicks(start, end, locale),
      },
      y: { domain: [bottom, top], label: valueLabel, nice: yDomain === undefined },
      marks: [
        ...bandMarks,
        ruleY([bottom], { className: 'chart-axis-rule' }),
        axisY({ label: valueLabel, labelAnchor: 'top', labelArrow: 'none', tickFormat: formatValue }),
        connect && sorted.length > 1 ? line(sorted, { x: at, y: 'value', className: 'chart-line' }) : null,
        dot(sorted, { x: at, y: 'value', r: 5, fill: 'currentColor', className: 'chart-dot' }),
      ],
    };
  }, [points, start, end, locale, valueLabel, formatValue, yDomain, bands, connect]);

  const table = {
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
      options={points.length === 0 ? null : options}
    >
      {bands.length === 0 ? null : (
        <div className="chart__key">
          {bandsHeading === undefined ? null : <p className="chart__key-heading">{bandsHeading}</p>}
          <ul className="chart__key-list">
            {bands.map((band, index) => (
              <li key={band.label} className="chart__key-item">
                <span
                  className={`chart__swatch chart__swatch--${
                    band.tone === 'target'
                      ? 'target'
                      : `context-${bands.slice(0, index).filter((b) => b.tone === 'context').length % 2 === 0 ? 'a' : 'b'}`
                  }`}
                  aria-hidden="true"
                />
                <span>
                  {band.label}
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

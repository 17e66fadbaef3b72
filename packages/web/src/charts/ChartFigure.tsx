import './charts.css';
import { type PlotOptions, plot } from '@observablehq/plot';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/** A table that carries the same numbers as a chart, for screen readers and anyone who prefers text. */
export interface ChartTable {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

export interface ChartFigureProps {
  /** The visible caption: what the chart shows. */
  caption: string;
  /** One or two plain sentences saying what the data shows; always visible under the chart. */
  summary: string;
  table: ChartTable;
  /** The label of the control that opens the table. */
  tableLabel?: string;
  /**
   * Plot options without width, or a function of the measured width (for axes that choose their ticks
   * to fit it, see chart-ticks.ts). Null draws nothing (no data).
   */
  options: ChartOptions | null;
  /** Extra context under the chart, such as a key to the colours. */
  children?: ReactNode;
  className?: string;
}

/** Plot options, or options made for the width the chart is drawn at (in CSS px). */
export type ChartOptions = PlotOptions | ((width: number) => PlotOptions);

/**
 * A chart as a <figure>: visible caption, the drawing (hidden from screen readers, which get the text
 * instead), a summary sentence and an expandable table with every number. Observable Plot adds a <style>
 * element to each chart; the strict CSP would refuse it, so it is removed before the chart enters the
 * page and charts.css carries the equivalent rules.
 */
export function ChartFigure({
  caption,
  summary,
  table,
  tableLabel = 'Show the numbers',
  options,
  children,
  className,
}: ChartFigureProps) {
  const id = useId();
  return (
    <figure
      className={className === undefined ? 'chart' : `chart ${className}`}
      aria-labelledby={`${id}-caption`}
    >
      <figcaption id={`${id}-caption`} className="chart__caption">
        {caption}
      </figcaption>
      {options === null ? null : <PlotCanvas options={options} />}
      <p className="chart__summary">{summary}</p>
      {children}
      {table.rows.length === 0 ? null : (
        <details className="chart__details">
          <summary className="chart__toggle">{tableLabel}</summary>
          <div className="chart__table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, index) => (
                  // Rows have no identity of their own; they are redrawn whole when the data changes.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <tr key={index}>
                    {row.map((cell, cellIndex) =>
                      cellIndex === 0 ? (
                        <th key={table.columns[cellIndex]} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={table.columns[cellIndex]}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}

/** Draws Plot options at the width of its container, redrawing when that width changes. */
function PlotCanvas({ options }: { options: ChartOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => setWidth(Math.floor(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = ref.current;
    if (element === null || width === 0) return;
    // Each chart is drawn in a task of its own, after the screen's text has painted: a screen with four
    // charts then never holds the main thread in one long task (Lighthouse's total blocking time). A
    // redrawn chart replaces the one before in the same step, so nothing flickers or jumps.
    const timer = window.setTimeout(() => {
      const chosen = typeof options === 'function' ? options(width) : options;
      const chart = plot({ ...chosen, width });
      for (const style of chart.querySelectorAll('style')) style.remove();
      chart.setAttribute('aria-hidden', 'true');
      element.replaceChildren(chart);
    });
    return () => window.clearTimeout(timer);
  }, [options, width]);

  return <div className="chart__canvas" ref={ref} />;
}

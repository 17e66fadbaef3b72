/**
 * Choosing axis ticks that fit the width a chart actually has. Every chart axis (time axes in History,
 * month bands in Insights and the check-in) picks its labels here, so no two labels ever overlap on a
 * phone and a wide screen still gets every label it has room for.
 */

/** The charts' tick label font is 13px (charts.css); this is a generous average glyph width for it. */
const GLYPH_WIDTH_PX = 7.6;

/** Space kept clear between two neighbouring labels. */
export const LABEL_GAP_PX = 10;

/** How wide a tick label will be, estimated from its length (digits and capitals included). */
export function estimateLabelWidth(text: string): number {
  return Math.ceil(text.length * GLYPH_WIDTH_PX) + 2;
}

/** A tick as placed on the axis: its centre in px from the left edge of the plot area, and its text. */
export interface PlacedTick {
  x: number;
  label: string;
}

/**
 * How far a label may run past the plot area's left and right ends, into the chart's margins. The
 * left one is small: the y axis's lowest label sits there, just above the x labels.
 */
export type Overhang = number | { left: number; right: number };

function sides(overhang: Overhang): { left: number; right: number } {
  return typeof overhang === 'number' ? { left: overhang, right: overhang } : overhang;
}

/** True when the tick's label stays within the plot area plus the overhang allowed. */
export function withinEnds(
  tick: PlacedTick,
  plotWidth: number,
  overhang: Overhang,
  measure: (label: string) => number = estimateLabelWidth,
): boolean {
  const { left, right } = sides(overhang);
  const half = measure(tick.label) / 2;
  return tick.x - half >= -left && tick.x + half <= plotWidth + right;
}

/**
 * True when every label fits: neighbours do not touch (with LABEL_GAP_PX between them) and no label
 * sticks out past the overhang allowed at either end of the plot area (into the chart's margins).
 */
export function ticksFit(
  ticks: readonly PlacedTick[],
  plotWidth: number,
  overhang: Overhang,
  measure: (label: string) => number = estimateLabelWidth,
): boolean {
  const widths = ticks.map((tick) => measure(tick.label));
  for (const [index, tick] of ticks.entries()) {
    const half = (widths[index] ?? 0) / 2;
    if (!withinEnds(tick, plotWidth, overhang, measure)) return false;
    const next = ticks[index + 1];
    if (next !== undefined && next.x - tick.x < half + (widths[index + 1] ?? 0) / 2 + LABEL_GAP_PX) {
      return false;
    }
  }
  return true;
}

/**
 * The first candidate set of ticks (finest first) whose labels fit the plot width; when none fits, the
 * coarsest candidate thinned (every 2nd, 3rd, … tick) until it does, down to a single tick.
 */
export function chooseTicks<T extends PlacedTick>(
  candidates: readonly (readonly T[])[],
  plotWidth: number,
  overhang: Overhang,
  measure: (label: string) => number = estimateLabelWidth,
): T[] {
  for (const candidate of candidates) {
    if (ticksFit(candidate, plotWidth, overhang, measure)) return [...candidate];
  }
  const coarsest = candidates.at(-1) ?? [];
  for (let stride = 2; stride <= coarsest.length; stride += 1) {
    const thinned = coarsest.filter((_tick, index) => index % stride === 0);
    if (ticksFit(thinned, plotWidth, overhang, measure)) return thinned;
  }
  return coarsest.slice(0, 1);
}

/**
 * Which labels of a band (category) axis to show: every `stride`-th one from the first, with the
 * smallest stride from `strides` whose labels fit. Bands are equally wide, so a label sits at the
 * centre of its band.
 */
export function chooseBandLabels(
  labels: readonly string[],
  plotWidth: number,
  overhang: Overhang,
  strides: readonly number[] = [1, 2, 3, 4, 6, 12],
  measure: (label: string) => number = estimateLabelWidth,
): string[] {
  const band = plotWidth / Math.max(1, labels.length);
  const placed = labels.map((label, index) => ({ x: band * (index + 0.5), label }));
  const candidates = strides.map((stride) => placed.filter((_tick, index) => index % stride === 0));
  return chooseTicks(candidates, plotWidth, overhang, measure).map((tick) => tick.label);
}

import type { LocalDate } from '@sunlog/core/calendar';
import { chooseTicks, withinEnds } from './chart-ticks.ts';

/**
 * Charts place zone-less local dates on a UTC time axis: "2026-11-20" becomes 2026-11-20T00:00Z and is
 * always formatted back in UTC, so the day shown is the day recorded whatever zone the browser is in.
 */
export function dateOnAxis(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The instant where a local date ends on the axis (the start of the next day). */
export function endOfDateOnAxis(date: LocalDate): Date {
  return new Date(dateOnAxis(date).getTime() + 86_400_000);
}

/** A formatter for axis dates in the person's locale, e.g. "20 Nov" or "Nov 20". */
export function axisDateFormatter(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): (date: Date) => string {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return (date) => format.format(date);
}

/**
 * How far a tick label may run past the plot area: well into the right margin, but only a little to
 * the left, where the y axis's lowest label sits just above the x labels.
 */
export const LABEL_OVERHANG_PX = { left: 6, right: 20 } as const;

/** The charts' margin right of the plot area; labels of the last tick may run into it. */
export const CHART_MARGIN_RIGHT = 24;

/**
 * Tick positions and labels for a period that fit `plotWidth` px: for up to about two months, a day's
 * noon (centred under its bar) every 1, 2, 3, 7 or 14 days; beyond that, the middle of every 1, 2, 3 or
 * 6 months, labelled with the month's name. The finest spacing whose labels do not touch wins (see
 * chart-ticks.ts).
 */
export function axisTicks(
  start: LocalDate,
  end: LocalDate,
  locale: string,
  plotWidth: number,
): { ticks: Date[]; tickFormat: (date: Date) => string } {
  const first = dateOnAxis(start).getTime();
  const last = endOfDateOnAxis(end).getTime();
  const days = Math.round((last - first) / 86_400_000);
  // Ticks whose label cannot fit at the ends (the 1st of the first month, under the y axis) are left out.
  const place = (instants: readonly number[], format: (date: Date) => string) =>
    instants
      .map((instant) => ({
        x: ((instant - first) / (last - first)) * plotWidth,
        label: format(new Date(instant)),
        instant,
      }))
      .filter((tick) => withinEnds(tick, plotWidth, LABEL_OVERHANG_PX));
  if (days > 62) {
    const tickFormat = axisDateFormatter(locale, { month: 'short' });
    // Each month's label sits under the middle of the month it names.
    const months: number[] = [];
    const cursor = new Date(first);
    cursor.setUTCDate(1);
    while (cursor.getTime() < last) {
      const monthStart = cursor.getTime();
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
      const middle = (monthStart + cursor.getTime()) / 2;
      if (middle >= first && middle < last) months.push(middle);
    }
    const placed = place(months, tickFormat);
    const candidates = [1, 2, 3, 6].map((stride) => placed.filter((_tick, index) => index % stride === 0));
    const chosen = chooseTicks(candidates, plotWidth, LABEL_OVERHANG_PX);
    return { ticks: chosen.map((tick) => new Date(tick.instant)), tickFormat };
  }
  const tickFormat = axisDateFormatter(locale, { day: 'numeric', month: 'short' });
  const noons = Array.from({ length: days }, (_, day) => first + day * 86_400_000 + 43_200_000);
  const placed = place(noons, tickFormat);
  const candidates = [1, 2, 3, 7, 14].map((stride) => placed.filter((_tick, index) => index % stride === 0));
  const chosen = chooseTicks(candidates, plotWidth, LABEL_OVERHANG_PX);
  return { ticks: chosen.map((tick) => new Date(tick.instant)), tickFormat };
}

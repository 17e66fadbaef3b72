import type { LocalDate } from '@sunlog/core/calendar';

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
 * Tick positions and labels for a period: each day's noon (centred under its bar) for up to two weeks,
 * every few days' noon up to about two months, and the first of each month beyond that.
 */
export function axisTicks(
  start: LocalDate,
  end: LocalDate,
  locale: string,
): { ticks: Date[]; tickFormat: (date: Date) => string } {
  const first = dateOnAxis(start).getTime();
  const last = endOfDateOnAxis(end).getTime();
  const days = Math.round((last - first) / 86_400_000);
  if (days > 62) {
    const ticks: Date[] = [];
    const cursor = new Date(first);
    cursor.setUTCDate(1);
    if (cursor.getTime() < first) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    while (cursor.getTime() < last) {
      ticks.push(new Date(cursor));
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    }
    return { ticks, tickFormat: axisDateFormatter(locale, { month: 'short' }) };
  }
  const step = days <= 14 ? 1 : days <= 31 ? 5 : 10;
  const ticks: Date[] = [];
  for (let day = 0; day < days; day += step) ticks.push(new Date(first + day * 86_400_000 + 43_200_000));
  return { ticks, tickFormat: axisDateFormatter(locale, { day: 'numeric', month: 'short' }) };
}

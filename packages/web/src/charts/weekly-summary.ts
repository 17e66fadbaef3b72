import { addDays, isoWeekday, type LocalDate } from '@sunlog/core/calendar';

/** One week of daily values: the mean and the range (lowest to highest), for long-span charts. */
export interface WeekSummary {
  /** The Monday the (ISO) week starts on. */
  weekStart: LocalDate;
  mean: number;
  /** The lowest and highest single value of the week (the range drawn, not an interval). */
  lowest: number;
  highest: number;
  /** How many values the week has. */
  count: number;
}

/** The Monday of the ISO week `date` falls in. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * Groups dated values by ISO week (Monday to Sunday) and gives each week with any value its mean and
 * its lowest and highest value, oldest week first. Weeks without a value are left out, not zero.
 */
export function summariseByWeek(points: readonly { date: LocalDate; value: number }[]): WeekSummary[] {
  const weeks = new Map<LocalDate, number[]>();
  for (const point of points) {
    const start = weekStartOf(point.date);
    const values = weeks.get(start) ?? [];
    values.push(point.value);
    weeks.set(start, values);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, values]) => ({
      weekStart,
      mean: values.reduce((sum, value) => sum + value, 0) / values.length,
      lowest: Math.min(...values),
      highest: Math.max(...values),
      count: values.length,
    }));
}

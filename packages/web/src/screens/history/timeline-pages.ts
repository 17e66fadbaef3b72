import type { TimelineDay } from './timeline-entries.ts';

/** How many entries History lists at first, and how many more each "Show more" adds. */
export const ENTRIES_PER_PAGE = 30;

/** How many entries the days hold in all. */
export function entryCount(days: readonly TimelineDay[]): number {
  return days.reduce((sum, day) => sum + day.entries.length, 0);
}

/**
 * The first `count` entries, still grouped by day (newest first, as given); the last day shown may be
 * cut part-way, and its remaining entries come with the next page under the same date heading.
 */
export function firstEntries(days: readonly TimelineDay[], count: number): TimelineDay[] {
  const shown: TimelineDay[] = [];
  let left = count;
  for (const day of days) {
    if (left <= 0) break;
    const entries = day.entries.slice(0, left);
    shown.push({ ...day, entries });
    left -= entries.length;
  }
  return shown;
}

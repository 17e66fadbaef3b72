import { describe, expect, test } from 'vitest';
import type { TimelineDay, TimelineEntry } from './timeline-entries.ts';
import { entryCount, firstEntries } from './timeline-pages.ts';

/** A day with `count` stand-in entries (paging only counts them). */
function day(date: string, count: number): TimelineDay {
  return {
    date,
    entries: Array.from({ length: count }, (_, order) => ({ order, date }) as unknown as TimelineEntry),
  };
}

describe('History list pages', () => {
  const days = [day('2026-11-29', 3), day('2026-11-28', 2), day('2026-11-27', 4)];

  test('counts every entry', () => {
    expect(entryCount(days)).toBe(9);
    expect(entryCount([])).toBe(0);
  });

  test('the first entries keep their days, cutting the last day part-way', () => {
    const page = firstEntries(days, 4);
    expect(page.map((shown) => [shown.date, shown.entries.length])).toEqual([
      ['2026-11-29', 3],
      ['2026-11-28', 1],
    ]);
  });

  test('asking for more than there are gives them all; none gives nothing', () => {
    expect(entryCount(firstEntries(days, 100))).toBe(9);
    expect(firstEntries(days, 0)).toEqual([]);
  });
});

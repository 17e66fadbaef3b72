import { describe, expect, test } from 'vitest';
import { summariseByWeek, weekStartOf } from './weekly-summary.ts';

describe('summariseByWeek', () => {
  test('weeks run Monday to Sunday', () => {
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2026-01-01')).toBe('2025-12-29'); // a Thursday: its week began in 2025
  });

  test('each week with values has its mean, lowest and highest; empty weeks are left out', () => {
    const points = [
      { date: '2026-11-24', value: 4 },
      { date: '2026-11-23', value: 2 },
      { date: '2026-11-29', value: 9 },
      { date: '2026-12-08', value: 5 },
    ];
    expect(summariseByWeek(points)).toEqual([
      { weekStart: '2026-11-23', mean: 5, lowest: 2, highest: 9, count: 3 },
      { weekStart: '2026-12-07', mean: 5, lowest: 5, highest: 5, count: 1 },
    ]);
  });

  test('a year of daily values becomes at most 53 weeks', () => {
    const points = Array.from({ length: 365 }, (_, day) => ({
      date: new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10),
      value: day % 11,
    }));
    const weeks = summariseByWeek(points);
    expect(weeks.length).toBeLessThanOrEqual(53);
    expect(weeks.reduce((sum, week) => sum + week.count, 0)).toBe(365);
  });

  test('nothing in, nothing out', () => {
    expect(summariseByWeek([])).toEqual([]);
  });
});

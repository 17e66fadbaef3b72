import { describe, expect, test } from 'vitest';
import {
  earliestLogDay,
  isLoggableDay,
  isPastOrToday,
  LOG_DAYS_BACK,
  logDayOrToday,
  stepLogDay,
} from './log-day.ts';

const TODAY = '2026-03-02';

describe('the day Today logs for', () => {
  test('reaches back a week, across a month end, and never past today', () => {
    expect(LOG_DAYS_BACK).toBe(7);
    expect(earliestLogDay(TODAY)).toBe('2026-02-23');
    expect(isLoggableDay('2026-03-01', TODAY)).toBe(true);
    expect(isLoggableDay('2026-02-23', TODAY)).toBe(true);
    expect(isLoggableDay(TODAY, TODAY)).toBe(true);
    expect(isLoggableDay('2026-02-22', TODAY)).toBe(false);
    expect(isLoggableDay('2026-03-03', TODAY)).toBe(false);
    expect(isLoggableDay('2026-02-30', TODAY)).toBe(false);
    expect(isLoggableDay('yesterday', TODAY)).toBe(false);
  });

  test('any past day can be opened (History sends older ones); a future or malformed one falls back to today', () => {
    expect(logDayOrToday('2026-02-28', TODAY)).toBe('2026-02-28');
    expect(logDayOrToday('2025-01-01', TODAY)).toBe('2025-01-01');
    expect(isPastOrToday('2025-01-01', TODAY)).toBe(true);
    expect(isPastOrToday('1899-12-31', TODAY)).toBe(false);
    expect(logDayOrToday('2026-03-03', TODAY)).toBe(TODAY);
    expect(logDayOrToday('2027-01-01', TODAY)).toBe(TODAY);
    expect(logDayOrToday('2026-02-30', TODAY)).toBe(TODAY);
    expect(logDayOrToday('1899-06-01', TODAY)).toBe(TODAY);
    expect(logDayOrToday(null, TODAY)).toBe(TODAY);
    expect(logDayOrToday(undefined, TODAY)).toBe(TODAY);
  });

  test('stepping stays inside the window', () => {
    expect(stepLogDay(TODAY, -1, TODAY)).toBe('2026-03-01');
    expect(stepLogDay('2026-03-01', 1, TODAY)).toBe(TODAY);
    expect(stepLogDay(TODAY, 1, TODAY)).toBe(TODAY);
    expect(stepLogDay('2026-02-23', -1, TODAY)).toBe('2026-02-23');
    // A day older than the window (opened from History) moves forward one day at a time.
    expect(stepLogDay('2025-06-30', 1, TODAY)).toBe('2025-07-01');
    expect(stepLogDay('2025-06-30', -1, TODAY)).toBe('2025-06-30');
  });
});

import { describe, expect, test } from 'vitest';
import { defaultShareFrom, monthsBefore, resolveShareRange } from './share-range.ts';

describe('the range a report or Bundle covers', () => {
  test('six months back by default, ending today', () => {
    expect(resolveShareRange({}, '2026-08-15')).toEqual({
      ok: true,
      value: { from: '2026-02-15', to: '2026-08-15' },
    });
  });

  test('a missing day moves to the end of the shorter month; years roll over', () => {
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-03-10', 6)).toBe('2025-09-10');
    expect(monthsBefore('2028-08-30', 6)).toBe('2028-02-29');
  });

  test('from defaults to six months before the given to', () => {
    expect(resolveShareRange({ to: '2026-01-31' }, '2026-08-15')).toEqual({
      ok: true,
      value: { from: '2025-07-31', to: '2026-01-31' },
    });
  });

  test('refuses a date that does not exist and a from after to', () => {
    expect(resolveShareRange({ from: '2026-02-30' }, '2026-08-15').ok).toBe(false);
    expect(resolveShareRange({ from: '2026-05-01', to: '2026-04-01' }, '2026-08-15').ok).toBe(false);
  });

  test('from the last appointment when the person set one', () => {
    expect(resolveShareRange({}, '2026-08-15', '2026-05-02')).toEqual({
      ok: true,
      value: { from: '2026-05-02', to: '2026-08-15' },
    });
    // A last appointment years ago is still where the range starts: it is what the person said.
    expect(defaultShareFrom('2026-08-15', '2024-01-10')).toBe('2024-01-10');
  });

  test('six months when the last appointment is not set, or lies after the last day asked for', () => {
    expect(defaultShareFrom('2026-08-15', null)).toBe('2026-02-15');
    expect(defaultShareFrom('2026-08-15', undefined)).toBe('2026-02-15');
    expect(resolveShareRange({ to: '2026-04-30' }, '2026-08-15', '2026-05-02')).toEqual({
      ok: true,
      value: { from: '2025-10-30', to: '2026-04-30' },
    });
  });

  test('a from the person asked for wins over the last appointment', () => {
    expect(resolveShareRange({ from: '2026-07-01' }, '2026-08-15', '2026-05-02')).toEqual({
      ok: true,
      value: { from: '2026-07-01', to: '2026-08-15' },
    });
  });
});

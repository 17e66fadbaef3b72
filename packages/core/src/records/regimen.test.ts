import { describe, expect, test } from 'vitest';
import { buildRegimen } from '../../test/factories.ts';
import { firstProblem } from '../../test/first-problem.ts';
import { RegimenCreateSchema, RegimenSchema, type Schedule } from './regimen.ts';

describe('regimen', () => {
  test('accepts daily, every-N-days and weekly schedules', () => {
    const schedules: Schedule[] = [
      { kind: 'daily' },
      { kind: 'every-n-days', everyDays: 14 },
      { kind: 'weekly', weekdays: [1, 4] },
    ];
    for (const schedule of schedules) {
      expect(RegimenSchema.safeParse(buildRegimen({ schedule })).success).toBe(true);
    }
  });

  test('rejects every 1 day, every 61 days, an empty or repeated weekday list and weekday 0', () => {
    const bad = [
      { kind: 'every-n-days', everyDays: 1 },
      { kind: 'every-n-days', everyDays: 61 },
      { kind: 'weekly', weekdays: [] },
      { kind: 'weekly', weekdays: [1, 1] },
      { kind: 'weekly', weekdays: [0] },
    ];
    for (const schedule of bad) {
      expect(firstProblem(RegimenSchema, { ...buildRegimen(), schedule }).path).toMatch(/^schedule\./);
    }
  });

  test('an end date before the start date is rejected at endDate; the same day is fine', () => {
    expect(
      firstProblem(RegimenSchema, buildRegimen({ startDate: '2026-02-01', endDate: '2026-01-31' })).path,
    ).toBe('endDate');
    expect(
      RegimenSchema.safeParse(buildRegimen({ startDate: '2026-02-01', endDate: '2026-02-01' })).success,
    ).toBe(true);
  });

  test('the create variant checks end dates too', () => {
    const {
      createdAt: _c,
      updatedAt: _u,
      ...input
    } = buildRegimen({ startDate: '2026-02-01', endDate: '2026-01-01' });
    expect(firstProblem(RegimenCreateSchema, input).path).toBe('endDate');
  });

  test('a high dose is accepted: cautions inform, they never block', () => {
    expect(
      RegimenSchema.safeParse(buildRegimen({ amountPerDose: { value: 100000, unit: 'IU' } })).success,
    ).toBe(true);
  });
});

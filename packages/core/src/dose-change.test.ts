import { describe, expect, test } from 'vitest';
import { buildRegimen } from '../test/factories.ts';
import { changeDose } from './dose-change.ts';
import { isActiveOn } from './regimen-schedule.ts';

const NEW_ID = '00000000-0000-4000-8000-0000000000aa';

describe('changeDose', () => {
  test('ends the current plan the day before and starts the new amount on the chosen day', () => {
    const current = buildRegimen({ startDate: '2026-01-01', note: 'with breakfast' });
    const result = changeDose(current, {
      newId: NEW_ID,
      amountPerDose: { value: 2000, unit: 'IU' },
      startDate: '2026-03-10',
    });
    if (!result.ok) throw new Error(result.problem);
    expect(result.ended).toMatchObject({ id: current.id, startDate: '2026-01-01', endDate: '2026-03-09' });
    expect(result.ended.amountPerDose).toEqual({ value: 1000, unit: 'IU' });
    expect(result.started).toEqual({
      id: NEW_ID,
      productName: current.productName,
      form: current.form,
      amountPerDose: { value: 2000, unit: 'IU' },
      schedule: current.schedule,
      startDate: '2026-03-10',
      reminderTimes: current.reminderTimes,
      note: 'with breakfast',
    });
  });

  test('no day has both plans active', () => {
    const current = buildRegimen({ startDate: '2026-01-01' });
    const result = changeDose(current, {
      newId: NEW_ID,
      amountPerDose: { value: 50, unit: 'ug' },
      startDate: '2026-02-01',
    });
    if (!result.ok) throw new Error(result.problem);
    for (const day of ['2026-01-31', '2026-02-01']) {
      const active = [result.ended, result.started].filter((plan) => isActiveOn(plan, day));
      expect(active).toHaveLength(1);
    }
    expect(isActiveOn(result.ended, '2026-01-31')).toBe(true);
    expect(isActiveOn(result.started, '2026-02-01')).toBe(true);
  });

  test('a plan with a last day passes it on to the new dose', () => {
    const current = buildRegimen({ startDate: '2026-01-01', endDate: '2026-06-30' });
    const result = changeDose(current, {
      newId: NEW_ID,
      amountPerDose: { value: 800, unit: 'IU' },
      startDate: '2026-04-01',
    });
    expect(result.ok && result.started.endDate).toBe('2026-06-30');
  });

  test('refuses a first day on or before the plan’s start, after its end, or the same amount', () => {
    const current = buildRegimen({ startDate: '2026-01-01', endDate: '2026-06-30' });
    const change = (startDate: string, value = 2000) =>
      changeDose(current, { newId: NEW_ID, amountPerDose: { value, unit: 'IU' }, startDate });
    expect(change('2026-01-01')).toEqual({ ok: false, problem: 'start-not-after-plan-start' });
    expect(change('2025-12-01')).toEqual({ ok: false, problem: 'start-not-after-plan-start' });
    expect(change('2026-07-01')).toEqual({ ok: false, problem: 'plan-already-ended' });
    expect(change('2026-03-01', 1000)).toEqual({ ok: false, problem: 'same-amount' });
  });
});

import { describe, expect, test } from 'vitest';
import { buildVitaminDResult, testId } from '../../test/factories.ts';
import { bloodLevelCautions } from '../cautions.ts';
import type { LabResult } from './lab-result.ts';
import {
  latestResult,
  latestVitaminDResult,
  newestResultFirst,
  oldestResultFirst,
} from './lab-result-order.ts';

function result(n: number, overrides: Partial<Extract<LabResult, { analyte: '25-hydroxyvitamin-d-total' }>>) {
  return buildVitaminDResult({ id: testId(n), ...overrides });
}

describe('which blood result is the latest', () => {
  const first = result(9, {
    level: { value: 32, unit: 'ng/mL' },
    sampleDate: '2026-03-10',
    createdAt: '2026-03-10T09:00:00+00:00',
  });
  // Entered later the same day, with an id that sorts before the first one's.
  const second = result(1, {
    level: { value: 500, unit: 'nmol/L' },
    sampleDate: '2026-03-10',
    createdAt: '2026-03-10T09:05:00+00:00',
  });

  test('two results on the same day: the one entered last is the latest, whatever order they arrive in', () => {
    expect(latestVitaminDResult([first, second])?.id).toBe(second.id);
    expect(latestVitaminDResult([second, first])?.id).toBe(second.id);
    // ...so the urgent caution for 500 nmol/L is the one a screen shows.
    const latest = latestVitaminDResult([first, second]);
    expect(latest?.level).toEqual({ value: 500, unit: 'nmol/L' });
    if (latest === null) throw new Error('expected a latest result');
    expect(bloodLevelCautions({ value: latest.level.value, unit: 'nmol/L' })[0]?.severity).toBe('urgent');
  });

  test('the day the blood was drawn wins over when it was entered', () => {
    const olderButTypedLater = result(3, {
      sampleDate: '2026-01-05',
      createdAt: '2026-04-01T10:00:00+00:00',
    });
    expect(latestVitaminDResult([second, olderButTypedLater])?.id).toBe(second.id);
    expect(latestVitaminDResult([olderButTypedLater, second])?.id).toBe(second.id);
  });

  test('entry times compare as instants, not as text with different offsets', () => {
    // 10:00+02:00 is 08:00 UTC: earlier than 09:00+00:00 even though its text sorts later.
    const a = result(4, { sampleDate: '2026-03-10', createdAt: '2026-03-10T10:00:00+02:00' });
    const b = result(5, { sampleDate: '2026-03-10', createdAt: '2026-03-10T09:00:00+00:00' });
    expect(latestResult([a, b])?.id).toBe(b.id);
    expect(latestResult([b, a])?.id).toBe(b.id);
  });

  test('same day and same entry time: the id decides, so the answer never depends on list order', () => {
    const stamp = '2026-03-10T09:00:00+00:00';
    const a = result(6, { sampleDate: '2026-03-10', createdAt: stamp });
    const b = result(7, { sampleDate: '2026-03-10', createdAt: stamp });
    expect(latestResult([a, b])?.id).toBe(latestResult([b, a])?.id);
    expect([a, b].sort(newestResultFirst).map((r) => r.id)).toEqual(
      [b, a].sort(newestResultFirst).map((r) => r.id),
    );
  });

  test('onOrBefore leaves out results drawn later; calcium is never a vitamin D result', () => {
    const future = result(8, { sampleDate: '2027-01-01', createdAt: '2026-03-11T09:00:00+00:00' });
    expect(latestVitaminDResult([first, future], { onOrBefore: '2026-03-31' })?.id).toBe(first.id);
    expect(latestVitaminDResult([first, future])?.id).toBe(future.id);
    const calcium = {
      ...first,
      id: testId(10),
      analyte: 'calcium',
      level: { value: 9.4, unit: 'mg/dL' },
      sampleDate: '2026-12-01',
      referenceRange: undefined,
    } as unknown as LabResult;
    expect(latestVitaminDResult([first, calcium])?.id).toBe(first.id);
    expect(latestVitaminDResult([])).toBeNull();
  });

  test('the comparators sort a list newest first and oldest first', () => {
    const old = result(11, { sampleDate: '2025-12-01', createdAt: '2025-12-02T09:00:00+00:00' });
    expect([first, old, second].sort(newestResultFirst).map((r) => r.id)).toEqual([
      second.id,
      first.id,
      old.id,
    ]);
    expect([second, first, old].sort(oldestResultFirst).map((r) => r.id)).toEqual([
      old.id,
      first.id,
      second.id,
    ]);
  });
});

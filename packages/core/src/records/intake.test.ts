import { describe, expect, test } from 'vitest';
import { buildIntake } from '../../test/factories.ts';
import { firstProblem } from '../../test/first-problem.ts';
import { IntakeSchema } from './intake.ts';

describe('intake', () => {
  test('takenAt must carry its UTC offset', () => {
    expect(IntakeSchema.safeParse(buildIntake({ takenAt: '2026-03-29T08:00:00+02:00' })).success).toBe(true);
    expect(IntakeSchema.safeParse(buildIntake({ takenAt: '2026-03-29T06:00:00Z' })).success).toBe(true);
    expect(firstProblem(IntakeSchema, buildIntake({ takenAt: '2026-03-29T08:00:00' })).path).toBe('takenAt');
  });

  test('an amount in mg is rejected at amount.unit', () => {
    const error = firstProblem(IntakeSchema, { ...buildIntake(), amount: { value: 1, unit: 'mg' } });
    expect(error.path).toBe('amount.unit');
    expect(error.code).toBe('invalid-record');
  });

  test('a zero or negative amount is rejected', () => {
    expect(firstProblem(IntakeSchema, buildIntake({ amount: { value: 0, unit: 'IU' } })).path).toBe(
      'amount.value',
    );
  });
});

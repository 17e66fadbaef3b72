import { describe, expect, test } from 'vitest';
import { buildIntake } from '../../test/factories.ts';
import { firstProblem } from '../../test/first-problem.ts';
import { IntakeSchema } from './intake.ts';

describe('intake', () => {
  test('takenAt must carry its UTC offset', () => {
    const localDate = '2026-03-29';
    expect(
      IntakeSchema.safeParse(buildIntake({ takenAt: '2026-03-29T08:00:00+02:00', localDate })).success,
    ).toBe(true);
    expect(IntakeSchema.safeParse(buildIntake({ takenAt: '2026-03-29T06:00:00Z', localDate })).success).toBe(
      true,
    );
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

  test('an amount is bounded by its unit, and the message names the range', () => {
    const tooMuchUg = firstProblem(IntakeSchema, buildIntake({ amount: { value: 10_000_000, unit: 'ug' } }));
    expect(tooMuchUg.path).toBe('amount.value');
    expect(tooMuchUg.message).toContain('Use a number from 0.025 to 25,000 µg');
    expect(IntakeSchema.safeParse(buildIntake({ amount: { value: 1_000_000, unit: 'IU' } })).success).toBe(
      true,
    );
    expect(IntakeSchema.safeParse(buildIntake({ amount: { value: 25_000, unit: 'ug' } })).success).toBe(true);
    expect(
      firstProblem(IntakeSchema, buildIntake({ amount: { value: 1_000_001, unit: 'IU' } })).message,
    ).toContain('Use a number from 1 to 1,000,000 IU');
    expect(firstProblem(IntakeSchema, buildIntake({ amount: { value: 5e-324, unit: 'IU' } })).path).toBe(
      'amount.value',
    );
    expect(IntakeSchema.safeParse(buildIntake({ amount: { value: 100, unit: 'ug' } })).success).toBe(true);
  });

  test('takenAt must fall within one day of the date the dose counts for', () => {
    expect(
      IntakeSchema.safeParse(buildIntake({ takenAt: '2026-01-02T00:30:00+01:00', localDate: '2026-01-01' }))
        .success,
    ).toBe(true);
    const far = firstProblem(
      IntakeSchema,
      buildIntake({ takenAt: '2053-01-01T08:00:00+01:00', localDate: '2026-01-01' }),
    );
    expect(far.path).toBe('takenAt');
    expect(far.message).toContain('within one day');
  });

  test('years before 1900 are refused', () => {
    expect(
      firstProblem(IntakeSchema, buildIntake({ takenAt: '0000-01-01T08:00:00Z', localDate: '0000-01-01' }))
        .message,
    ).toContain('Use a year from 1900 on');
  });
});

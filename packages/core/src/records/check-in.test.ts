import { describe, expect, test } from 'vitest';
import { buildCheckIn, testId } from '../../test/factories.ts';
import { firstProblem } from '../../test/first-problem.ts';
import { CheckInSchema } from './check-in.ts';

describe('check-in', () => {
  test('the month is YYYY-MM', () => {
    expect(firstProblem(CheckInSchema, buildCheckIn({ month: '2026-13' })).path).toBe('month');
    expect(firstProblem(CheckInSchema, buildCheckIn({ month: '2026-01-01' })).path).toBe('month');
  });

  test('an unknown answer key is rejected rather than silently dropped', () => {
    expect(firstProblem(CheckInSchema, { ...buildCheckIn(), answers: { mood: 'fine' } }).path).toBe(
      'answers',
    );
    expect(CheckInSchema.safeParse(buildCheckIn({ id: testId(9), answers: {} })).success).toBe(true);
  });
});

import { describe, expect, test } from 'vitest';
import { buildSymptomCheck } from '../../test/factories.ts';
import { firstProblem } from '../../test/first-problem.ts';
import { SymptomCheckSchema } from './symptom-check.ts';
import { SCALE_DIRECTION, SYMPTOM_SCALES } from './symptom-scales.ts';

describe('symptom check', () => {
  test('each built-in scale has a direction: fatigue and pain are worse when higher', () => {
    expect(Object.keys(SCALE_DIRECTION).sort()).toEqual([...SYMPTOM_SCALES].sort());
    expect(SCALE_DIRECTION.fatigue).toBe('higher-is-worse');
    expect(SCALE_DIRECTION.pain).toBe('higher-is-worse');
    expect(SCALE_DIRECTION.energy).toBe('higher-is-better');
    expect(SCALE_DIRECTION.overallWellness).toBe('higher-is-better');
  });

  test('needs at least one rating, built-in or custom', () => {
    expect(firstProblem(SymptomCheckSchema, buildSymptomCheck({ scores: {} })).message).toBe(
      'scores: Rate at least one thing',
    );
    expect(
      SymptomCheckSchema.safeParse(
        buildSymptomCheck({ scores: {}, custom: [{ name: 'Tingling', score: 3 }] }),
      ).success,
    ).toBe(true);
  });

  test('scores are whole numbers from 0 to 10', () => {
    expect(firstProblem(SymptomCheckSchema, buildSymptomCheck({ scores: { mood: 11 } })).path).toBe(
      'scores.mood',
    );
    expect(firstProblem(SymptomCheckSchema, buildSymptomCheck({ scores: { mood: 4.5 } })).path).toBe(
      'scores.mood',
    );
    expect(firstProblem(SymptomCheckSchema, { ...buildSymptomCheck(), scores: { stamina: 4 } }).path).toBe(
      'scores',
    );
  });

  test('custom rating names are unique regardless of case', () => {
    const custom = [
      { name: 'Tingling', score: 3 },
      { name: 'tingling', score: 4 },
    ];
    expect(firstProblem(SymptomCheckSchema, buildSymptomCheck({ custom })).path).toBe('custom');
  });
});

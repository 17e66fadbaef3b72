import { describe, expect, test } from 'vitest';
import {
  buildCheckIn,
  buildFlare,
  buildIntake,
  buildRegimen,
  buildSymptomCheck,
  buildVitaminDResult,
} from '../../test/factories.ts';
import { firstProblem } from '../../test/first-problem.ts';
import { CheckInSchema } from './check-in.ts';
import { LocalDateSchema } from './common.ts';
import { FlareSchema } from './flare.ts';
import { IntakeCreateSchema, IntakeSchema } from './intake.ts';
import { LabResultSchema } from './lab-result.ts';
import { RegimenSchema } from './regimen.ts';
import { SymptomCheckSchema } from './symptom-check.ts';

describe('shared fields', () => {
  test('a local date must be a real calendar date', () => {
    expect(LocalDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(LocalDateSchema.safeParse('2026-02-29').success).toBe(false);
    expect(LocalDateSchema.safeParse('2026-3-1').success).toBe(false);
  });

  test('each factory builds a record its schema accepts', () => {
    expect(RegimenSchema.parse(buildRegimen())).toEqual(buildRegimen());
    expect(IntakeSchema.parse(buildIntake())).toEqual(buildIntake());
    expect(LabResultSchema.parse(buildVitaminDResult())).toEqual(buildVitaminDResult());
    expect(SymptomCheckSchema.parse(buildSymptomCheck())).toEqual(buildSymptomCheck());
    expect(FlareSchema.parse(buildFlare())).toEqual(buildFlare());
    expect(CheckInSchema.parse(buildCheckIn())).toEqual(buildCheckIn());
  });

  test('a create input carries the client id but not the server timestamps', () => {
    const { createdAt: _c, updatedAt: _u, ...input } = buildIntake();
    expect(IntakeCreateSchema.safeParse(input).success).toBe(true);
    expect(IntakeCreateSchema.safeParse(buildIntake()).success).toBe(false);
    const { id: _id, ...withoutId } = input;
    expect(firstProblem(IntakeCreateSchema, withoutId).path).toBe('id');
  });
});

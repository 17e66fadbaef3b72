import type { CheckIn } from '../src/records/check-in.ts';
import type { Flare } from '../src/records/flare.ts';
import type { Intake } from '../src/records/intake.ts';
import type { LabResult } from '../src/records/lab-result.ts';
import type { Profile } from '../src/records/profile.ts';
import type { Regimen } from '../src/records/regimen.ts';
import type { SymptomCheck } from '../src/records/symptom-check.ts';

/** Test data builders: valid defaults, override what the test is about. */

/** A valid, readable v4 UUID for test number `n`: 00000000-0000-4000-8000-00000000000n. */
export function testId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

const STAMP = '2026-01-01T09:00:00+00:00';

export function buildProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    displayName: 'Ada',
    timeZone: 'Europe/Berlin',
    intakeUnit: 'IU',
    bloodUnit: 'ng/mL',
    locale: 'en-GB',
    reminders: { dailyDose: true, dailyDoseTimes: ['08:00'], monthlyCheckIn: true, labTestEveryWeeks: 12 },
    consentedAt: STAMP,
    ...overrides,
  };
}

export function buildRegimen(overrides: Partial<Regimen> = {}): Regimen {
  return {
    id: testId(1),
    productName: 'Vitamin D3 1000',
    form: 'D3',
    amountPerDose: { value: 1000, unit: 'IU' },
    schedule: { kind: 'daily' },
    startDate: '2026-01-01',
    reminderTimes: ['08:00'],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function buildIntake(overrides: Partial<Intake> = {}): Intake {
  return {
    id: testId(100),
    regimenId: testId(1),
    takenAt: '2026-01-01T08:05:00+01:00',
    localDate: '2026-01-01',
    amount: { value: 1000, unit: 'IU' },
    status: 'taken',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function buildVitaminDResult(
  overrides: Partial<Extract<LabResult, { analyte: '25-hydroxyvitamin-d-total' }>> = {},
): LabResult {
  return {
    id: testId(200),
    analyte: '25-hydroxyvitamin-d-total',
    level: { value: 32, unit: 'ng/mL' },
    referenceRange: { low: 30, high: 100, unit: 'ng/mL' },
    sampleDate: '2026-02-10',
    labName: 'City Lab',
    loincCode: '62292-8',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function buildSymptomCheck(overrides: Partial<SymptomCheck> = {}): SymptomCheck {
  return {
    id: testId(300),
    localDate: '2026-01-02',
    scores: { fatigue: 6, energy: 4 },
    custom: [],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function buildFlare(overrides: Partial<Flare> = {}): Flare {
  return {
    id: testId(400),
    startDate: '2026-01-10',
    endDate: '2026-01-20',
    symptoms: ['blurred vision'],
    severity: 'moderate',
    steroidTreatment: false,
    suspectedTrigger: 'none-known',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function buildCheckIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id: testId(500),
    month: '2026-01',
    answers: { intakeConsistency: 'Most days' },
    questionsForDoctor: ['Should I re-test in spring?'],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

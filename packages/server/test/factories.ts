import { randomBytes, randomUUID } from 'node:crypto';
import type { CheckInCreate } from '@sunlog/core/records/check-in';
import type { FlareCreate } from '@sunlog/core/records/flare';
import type { IntakeCreate } from '@sunlog/core/records/intake';
import type { LabResultCreate } from '@sunlog/core/records/lab-result';
import type { RegimenCreate } from '@sunlog/core/records/regimen';
import type { SymptomCheckCreate } from '@sunlog/core/records/symptom-check';

import type { RecordCollection, RecordCreateBase } from '../src/records/kinds.ts';

type VitaminDLabResultCreate = Extract<LabResultCreate, { analyte: '25-hydroxyvitamin-d-total' }>;

export interface RegisterBody {
  email: string;
  password: string;
  displayName?: string;
  timeZone?: string;
}

/** A valid registration body with a unique email; override any field. */
export function buildRegisterInput(overrides: Partial<RegisterBody> = {}): RegisterBody {
  return {
    email: `person-${randomBytes(5).toString('hex')}@example.org`,
    password: 'sunlight over the harbour 42',
    ...overrides,
  };
}

/** A valid profile patch; override any field. */
export function buildProfilePatch(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    displayName: 'Ada',
    timeZone: 'Europe/Berlin',
    bloodUnit: 'nmol/L',
    reminders: { dailyDose: true, dailyDoseTimes: ['08:30'], monthlyCheckIn: true, labTestEveryWeeks: 12 },
    ...overrides,
  };
}

/** A valid regimen create body with a fresh id; override any field. */
export function buildRegimen(overrides: Partial<RegimenCreate> = {}): RegimenCreate {
  return {
    id: randomUUID(),
    productName: 'Vitamin D3 drops',
    form: 'D3',
    amountPerDose: { value: 2000, unit: 'IU' },
    schedule: { kind: 'daily' },
    startDate: '2026-01-05',
    reminderTimes: ['08:30'],
    ...overrides,
  };
}

/** A valid intake create body with a fresh id; override any field. */
export function buildIntake(overrides: Partial<IntakeCreate> = {}): IntakeCreate {
  return {
    id: randomUUID(),
    takenAt: '2026-03-02T08:31:00+01:00',
    localDate: '2026-03-02',
    amount: { value: 2000, unit: 'IU' },
    status: 'taken',
    ...overrides,
  };
}

/** A valid 25-hydroxyvitamin D result create body with a fresh id; override any field. */
export function buildLabResult(overrides: Partial<VitaminDLabResultCreate> = {}): LabResultCreate {
  return {
    id: randomUUID(),
    analyte: '25-hydroxyvitamin-d-total',
    level: { value: 32, unit: 'ng/mL' },
    referenceRange: { low: 30, high: 100, unit: 'ng/mL' },
    sampleDate: '2026-02-20',
    labName: 'City Lab',
    ...overrides,
  };
}

/** A valid symptom check create body with a fresh id; override any field. */
export function buildSymptomCheck(overrides: Partial<SymptomCheckCreate> = {}): SymptomCheckCreate {
  return {
    id: randomUUID(),
    localDate: '2026-03-02',
    scores: { fatigue: 6, mood: 7, sleep: 5 },
    custom: [{ name: 'tingling', score: 3 }],
    ...overrides,
  };
}

/** A valid flare create body with a fresh id; override any field. */
export function buildFlare(overrides: Partial<FlareCreate> = {}): FlareCreate {
  return {
    id: randomUUID(),
    startDate: '2026-02-10',
    symptoms: ['blurred vision'],
    severity: 'moderate',
    steroidTreatment: false,
    suspectedTrigger: 'none-known',
    ...overrides,
  };
}

/** A valid monthly check-in create body with a fresh id; override any field. */
export function buildCheckIn(overrides: Partial<CheckInCreate> = {}): CheckInCreate {
  return {
    id: randomUUID(),
    month: '2026-02',
    answers: { intakeConsistency: 'Most days', freeText: 'A good month.' },
    questionsForDoctor: ['Should my dose change in summer?'],
    ...overrides,
  };
}

/** Each record kind's factory, by collection name, for tests generated over every kind. */
export const RECORD_FACTORIES: Readonly<Record<RecordCollection, () => RecordCreateBase>> = {
  regimens: buildRegimen,
  intakes: buildIntake,
  labResults: buildLabResult,
  symptomChecks: buildSymptomCheck,
  flares: buildFlare,
  checkIns: buildCheckIn,
};

/** The text of a small valid Sunlog export (version 2) holding one new intake; override the intake. */
export function buildExportText(intake: Partial<IntakeCreate> = {}): string {
  const stamp = '2026-03-02T09:00:00.000Z';
  return JSON.stringify({
    format: 'sunlog-export',
    version: 2,
    exportedAt: stamp,
    profile: {
      displayName: 'Ada',
      timeZone: 'Europe/Berlin',
      intakeUnit: 'IU',
      bloodUnit: 'ng/mL',
      locale: 'en',
      reminders: { dailyDose: false, dailyDoseTimes: [], monthlyCheckIn: false, labTestEveryWeeks: null },
      consentedAt: null,
    },
    regimens: [],
    intakes: [{ ...buildIntake(intake), createdAt: stamp, updatedAt: stamp }],
    labResults: [],
    symptomChecks: [],
    flares: [],
    checkIns: [],
  });
}

/** A file as the import routes take it: its bytes, base64-encoded. */
export function asUpload(text: string | Uint8Array): string {
  return Buffer.from(text).toString('base64');
}

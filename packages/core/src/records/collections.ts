import type { z } from 'zod';
import { CheckInCreateSchema, CheckInSchema } from './check-in.ts';
import type { LocalDate } from './common.ts';
import { FILED_ON } from './filed-on.ts';
import { FlareCreateSchema, FlareSchema } from './flare.ts';
import { IntakeCreateSchema, IntakeSchema } from './intake.ts';
import { LabResultCreateSchema, LabResultSchema } from './lab-result.ts';
import { RegimenCreateSchema, RegimenSchema } from './regimen.ts';
import { SymptomCheckCreateSchema, SymptomCheckSchema } from './symptom-check.ts';

/**
 * The six kinds of record, by the name of their list in an export document, in the order exports,
 * previews and the API list them.
 */
export const RECORD_COLLECTIONS = [
  'regimens',
  'intakes',
  'labResults',
  'symptomChecks',
  'flares',
  'checkIns',
] as const;
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

/**
 * Each collection's stored-record schema (with the server's timestamps). The ids name the schemas once
 * for every published document: the OpenAPI components and the export JSON Schema's `$defs` (zod's
 * registry refuses an id given twice, so nothing else names them).
 */
export const RECORD_SCHEMAS = {
  regimens: RegimenSchema.meta({ id: 'Regimen' }),
  intakes: IntakeSchema.meta({ id: 'Intake' }),
  labResults: LabResultSchema.meta({ id: 'LabResult' }),
  symptomChecks: SymptomCheckSchema.meta({ id: 'SymptomCheck' }),
  flares: FlareSchema.meta({ id: 'Flare' }),
  checkIns: CheckInSchema.meta({ id: 'CheckIn' }),
} as const satisfies Record<RecordCollection, z.ZodType>;

/** Each collection's create schema: the client's id and the content, no timestamps. */
export const RECORD_CREATE_SCHEMAS = {
  regimens: RegimenCreateSchema.meta({ id: 'RegimenCreate' }),
  intakes: IntakeCreateSchema.meta({ id: 'IntakeCreate' }),
  labResults: LabResultCreateSchema.meta({ id: 'LabResultCreate' }),
  symptomChecks: SymptomCheckCreateSchema.meta({ id: 'SymptomCheckCreate' }),
  flares: FlareCreateSchema.meta({ id: 'FlareCreate' }),
  checkIns: CheckInCreateSchema.meta({ id: 'CheckInCreate' }),
} as const satisfies Record<RecordCollection, z.ZodType>;

/** A stored record of a collection. */
export type StoredRecordOf<C extends RecordCollection> = z.output<(typeof RECORD_SCHEMAS)[C]>;

/** Any stored record, with the fields every kind has. */
export interface AnyStoredRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** The local date a record of `collection` is filed under (see filed-on.ts). */
export function filedOnOf(collection: RecordCollection, record: object): LocalDate {
  switch (collection) {
    case 'regimens':
      return FILED_ON.regimen(record as { startDate: LocalDate });
    case 'intakes':
      return FILED_ON.intake(record as { localDate: LocalDate });
    case 'labResults':
      return FILED_ON.labResult(record as { sampleDate: LocalDate });
    case 'symptomChecks':
      return FILED_ON.symptomCheck(record as { localDate: LocalDate });
    case 'flares':
      return FILED_ON.flare(record as { startDate: LocalDate });
    case 'checkIns':
      return FILED_ON.checkIn(record as { month: string });
    default: {
      const unknown: never = collection;
      throw new Error(`Unknown collection ${String(unknown)}`);
    }
  }
}

/** How each collection is named for people, in the plural ("3 blood results"). */
export const COLLECTION_LABELS: Readonly<Record<RecordCollection, string>> = {
  regimens: 'regimens',
  intakes: 'doses',
  labResults: 'blood results',
  symptomChecks: 'symptom checks',
  flares: 'flare-ups',
  checkIns: 'monthly check-ins',
};

/** A stored record without the server's timestamps: what two copies of a record are compared by. */
export function recordContent<R extends AnyStoredRecord>(record: R): Omit<R, 'createdAt' | 'updatedAt'> {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...content } = record;
  return content;
}

import { RECORD_CREATE_SCHEMAS, RECORD_SCHEMAS } from '@sunlog/core/records/collections';
import type { LocalDate } from '@sunlog/core/records/common';
import { FILED_ON } from '@sunlog/core/records/filed-on';
import type { z } from 'zod';
import type { RecordTableName } from '../db/tables.ts';

/** What every record's create body carries: the id the client made. */
export interface RecordCreateBase {
  id: string;
}

/** What every stored record carries: the create body plus the server's timestamps. */
export interface StoredRecordBase extends RecordCreateBase {
  createdAt: string;
  updatedAt: string;
}

/**
 * One kind of record, described once: where it lives in the API and the database, its core schemas,
 * and the date it is filed under. Routes, service and store are written once against this.
 */
export interface RecordKind<
  C extends RecordCreateBase = RecordCreateBase,
  R extends StoredRecordBase = StoredRecordBase,
> {
  /** Singular, kebab-case; names the kind in audit details: `lab-result`. */
  readonly name: string;
  /** The collection's URL segment: `/api/v1/{path}`. */
  readonly path: string;
  readonly table: RecordTableName;
  /** The stored record as the API answers it. */
  readonly schema: z.ZodType<R>;
  /** The body of a create or a replace, with the client's id and no timestamps. */
  readonly createSchema: z.ZodType<C>;
  /** The local date lists sort and filter the record by. */
  filedOn(record: NoInfer<C>): LocalDate;
}

function defineKind<C extends RecordCreateBase, R extends StoredRecordBase>(
  kind: RecordKind<C, R>,
): RecordKind<C, R> {
  return kind;
}

/**
 * Every record kind, keyed by its collection name in the export document. The schemas carry their
 * OpenAPI component ids from core (records/collections.ts).
 */
export const RECORD_KINDS = {
  regimens: defineKind({
    name: 'regimen',
    path: 'regimens',
    table: 'regimens',
    schema: RECORD_SCHEMAS.regimens,
    createSchema: RECORD_CREATE_SCHEMAS.regimens,
    filedOn: FILED_ON.regimen,
  }),
  intakes: defineKind({
    name: 'intake',
    path: 'intakes',
    table: 'intakes',
    schema: RECORD_SCHEMAS.intakes,
    createSchema: RECORD_CREATE_SCHEMAS.intakes,
    filedOn: FILED_ON.intake,
  }),
  labResults: defineKind({
    name: 'lab-result',
    path: 'lab-results',
    table: 'lab_results',
    schema: RECORD_SCHEMAS.labResults,
    createSchema: RECORD_CREATE_SCHEMAS.labResults,
    filedOn: FILED_ON.labResult,
  }),
  symptomChecks: defineKind({
    name: 'symptom-check',
    path: 'symptom-checks',
    table: 'symptom_checks',
    schema: RECORD_SCHEMAS.symptomChecks,
    createSchema: RECORD_CREATE_SCHEMAS.symptomChecks,
    filedOn: FILED_ON.symptomCheck,
  }),
  flares: defineKind({
    name: 'flare',
    path: 'flares',
    table: 'flares',
    schema: RECORD_SCHEMAS.flares,
    createSchema: RECORD_CREATE_SCHEMAS.flares,
    filedOn: FILED_ON.flare,
  }),
  checkIns: defineKind({
    name: 'check-in',
    path: 'check-ins',
    table: 'check_ins',
    schema: RECORD_SCHEMAS.checkIns,
    createSchema: RECORD_CREATE_SCHEMAS.checkIns,
    filedOn: FILED_ON.checkIn,
  }),
} as const;

/** A kind's key: its collection name in the export document (`labResults`). */
export type RecordCollection = keyof typeof RECORD_KINDS;

/** The kinds in the order the API documents them. */
export const RECORD_KIND_LIST: readonly RecordKind[] = Object.values(RECORD_KINDS);

/** Each kind's stored records by collection name: the records part of an export. */
export type RecordCollections = {
  [K in keyof typeof RECORD_KINDS]: z.output<(typeof RECORD_KINDS)[K]['schema']>[];
};

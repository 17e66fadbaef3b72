import { CheckInCreateSchema, CheckInSchema } from '@sunlog/core/records/check-in';
import { FlareCreateSchema, FlareSchema } from '@sunlog/core/records/flare';
import { IntakeCreateSchema, IntakeSchema } from '@sunlog/core/records/intake';
import { LabResultCreateSchema, LabResultSchema } from '@sunlog/core/records/lab-result';
import { RegimenCreateSchema, RegimenSchema } from '@sunlog/core/records/regimen';
import { SymptomCheckCreateSchema, SymptomCheckSchema } from '@sunlog/core/records/symptom-check';
import { z } from 'zod';
import { requestEmpty, requestJson } from './request.ts';

/** The six record kinds of the records API: where each lives and the core schemas that parse it. */
export const RECORD_KINDS = {
  regimens: { path: '/regimens', schema: RegimenSchema, createSchema: RegimenCreateSchema },
  intakes: { path: '/intakes', schema: IntakeSchema, createSchema: IntakeCreateSchema },
  'lab-results': { path: '/lab-results', schema: LabResultSchema, createSchema: LabResultCreateSchema },
  'symptom-checks': {
    path: '/symptom-checks',
    schema: SymptomCheckSchema,
    createSchema: SymptomCheckCreateSchema,
  },
  flares: { path: '/flares', schema: FlareSchema, createSchema: FlareCreateSchema },
  'check-ins': { path: '/check-ins', schema: CheckInSchema, createSchema: CheckInCreateSchema },
} as const;

export type RecordKind = keyof typeof RECORD_KINDS;
/** A stored record of a kind, as the server returns it (with createdAt and updatedAt). */
export type RecordOf<K extends RecordKind> = z.output<(typeof RECORD_KINDS)[K]['schema']>;
/** What a client sends to create or replace a record of a kind: its own id, no server timestamps. */
export type CreateOf<K extends RecordKind> = z.input<(typeof RECORD_KINDS)[K]['createSchema']>;

export interface ListQuery {
  /** Inclusive local dates (YYYY-MM-DD) on the date the record is filed under. */
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** The React Query key under which a kind's lists are cached; invalidate it after a write. */
export function recordsQueryKey(kind: RecordKind): readonly ['records', RecordKind] {
  return ['records', kind];
}

function pageSchema<K extends RecordKind>(kind: K) {
  return z.object({ items: z.array(RECORD_KINDS[kind].schema), nextCursor: z.string().nullable() });
}

function recordSchema<K extends RecordKind>(kind: K) {
  return z.object({ record: RECORD_KINDS[kind].schema });
}

/** One page of a kind's records, newest filed date first. */
export async function listRecords<K extends RecordKind>(
  kind: K,
  query: ListQuery = {},
): Promise<{ items: RecordOf<K>[]; nextCursor: string | null }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.size > 0 ? `?${params}` : '';
  const page = await requestJson('GET', `${RECORD_KINDS[kind].path}${search}`, pageSchema(kind));
  return page as { items: RecordOf<K>[]; nextCursor: string | null };
}

/** Every record of a kind in a date range, following the cursor across pages. */
export async function listAllRecords<K extends RecordKind>(
  kind: K,
  query: Omit<ListQuery, 'cursor' | 'limit'> = {},
): Promise<RecordOf<K>[]> {
  const all: RecordOf<K>[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecords(kind, {
      ...query,
      limit: 500,
      ...(cursor === undefined ? {} : { cursor }),
    });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}

/** One record by id; fails with code 'not-found' when it is not the person's or was deleted. */
export async function getRecord<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K>> {
  const answer = await requestJson('GET', `${RECORD_KINDS[kind].path}/${id}`, recordSchema(kind));
  return answer.record as RecordOf<K>;
}

/** Creates a record (idempotent: resending the same body with the same id returns the original). */
export async function createRecord<K extends RecordKind>(kind: K, body: CreateOf<K>): Promise<RecordOf<K>> {
  const answer = await requestJson('POST', RECORD_KINDS[kind].path, recordSchema(kind), body);
  return answer.record as RecordOf<K>;
}

/** Replaces a record; the server keeps the previous version as history. */
export async function updateRecord<K extends RecordKind>(kind: K, body: CreateOf<K>): Promise<RecordOf<K>> {
  const answer = await requestJson('PUT', `${RECORD_KINDS[kind].path}/${body.id}`, recordSchema(kind), body);
  return answer.record as RecordOf<K>;
}

/** Deletes a record; restoreRecord undoes it. */
export function deleteRecord(kind: RecordKind, id: string): Promise<void> {
  return requestEmpty('DELETE', `${RECORD_KINDS[kind].path}/${id}`);
}

/** Undoes a delete. */
export async function restoreRecord<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K>> {
  const answer = await requestJson('POST', `${RECORD_KINDS[kind].path}/${id}/restore`, recordSchema(kind));
  return answer.record as RecordOf<K>;
}

import { FILED_ON } from '@sunlog/core/records/filed-on';
import type { z } from 'zod';
import { loadOnce } from '../load-once.ts';
import type { OutboxEntry } from '../offline/database.ts';
import { outboxEntries } from '../offline/outbox.ts';
import { applyAccepted, mergePending, provisionalRecord } from '../offline/pending-records.ts';
import { readSnapshot, saveSnapshot, updateSnapshots } from '../offline/snapshots.ts';
import { outboxUser, submitWrite } from '../offline/sync.ts';
import { ApiError, isApiError } from './api-error.ts';
import type { RECORD_SCHEMAS } from './record-checks.ts';
import { requestJson } from './request.ts';
import { isObject, isRecordPage, isStoredRecord, type Parser, parserOf } from './shapes.ts';

/**
 * The typed client for the records API (its routes are described in /api/openapi.json).
 *
 * Every write (create, update, delete, restore) goes through the offline outbox: it is stored on the
 * device before it is first sent, retried until the server accepts it, and never duplicated (the
 * record's client-made id is its idempotency key). A write made offline resolves at once with a
 * provisional record, and lists include writes still waiting to sync.
 */

/**
 * The six record kinds of the records API: where each lives and the date it is filed under (lists are
 * filtered and sorted by it). Their core schemas are in record-checks.ts, loaded after the first paint.
 */
export const RECORD_KINDS = {
  regimens: { path: '/regimens', filedDate: FILED_ON.regimen },
  intakes: { path: '/intakes', filedDate: FILED_ON.intake },
  'lab-results': { path: '/lab-results', filedDate: FILED_ON.labResult },
  'symptom-checks': { path: '/symptom-checks', filedDate: FILED_ON.symptomCheck },
  flares: { path: '/flares', filedDate: FILED_ON.flare },
  'check-ins': { path: '/check-ins', filedDate: FILED_ON.checkIn },
} as const;

export type RecordKind = keyof typeof RECORD_KINDS;
/** A stored record of a kind, as the server returns it (with createdAt and updatedAt). */
export type RecordOf<K extends RecordKind> = z.output<(typeof RECORD_SCHEMAS)[K]['schema']>;
/** What a client sends to create or replace a record of a kind: its own id, no server timestamps. */
export type CreateOf<K extends RecordKind> = z.input<(typeof RECORD_SCHEMAS)[K]['createSchema']>;

function filedDateOf<K extends RecordKind>(kind: K): (record: RecordOf<K>) => string {
  return RECORD_KINDS[kind].filedDate as (record: RecordOf<K>) => string;
}

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

/** A stored record of `kind`, checked by hand (shapes.ts): lists are on Today's path. */
function isRecordOf(kind: RecordKind, value: unknown): boolean {
  return isStoredRecord(value, RECORD_KINDS[kind].filedDate);
}

function pageSchema<K extends RecordKind>(
  kind: K,
): Parser<{ items: RecordOf<K>[]; nextCursor: string | null }> {
  return parserOf((page) => isRecordPage(page, (item) => isRecordOf(kind, item)));
}

function recordSchema<K extends RecordKind>(kind: K): Parser<{ record: RecordOf<K> }> {
  return parserOf((answer) => isObject(answer) && isRecordOf(kind, answer.record));
}

/** Records seen in this page's lifetime, so an undo made offline can still show what it brings back. */
const lastSeen = new Map<string, unknown>();

function remember(records: readonly { id: string }[]): void {
  for (const record of records) lastSeen.set(record.id, record);
}

async function pendingEntries() {
  const userId = outboxUser();
  return userId === null ? [] : outboxEntries(userId);
}

/**
 * One page of a kind's records, newest filed date first, including writes still in the outbox. With
 * no network, the last copy of the same page saved on this device stands in for the server's answer.
 */
export async function listRecords<K extends RecordKind>(
  kind: K,
  query: ListQuery = {},
): Promise<{ items: RecordOf<K>[]; nextCursor: string | null }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.size > 0 ? `?${params}` : '';
  const userId = outboxUser();
  const snapshotKey = `list|${kind}|${search}`;
  let page: { items: RecordOf<K>[]; nextCursor: string | null };
  try {
    page = (await requestJson('GET', `${RECORD_KINDS[kind].path}${search}`, pageSchema(kind))) as typeof page;
    if (userId !== null) saveSnapshot(userId, snapshotKey, page).catch(() => undefined);
  } catch (error) {
    if (!(isApiError(error) && error.code === 'network') || userId === null) throw error;
    const saved = pageSchema(kind).safeParse(await readSnapshot(userId, snapshotKey));
    page = saved.success ? (saved.data as typeof page) : { items: [], nextCursor: null };
  }
  remember(page.items);
  const items = mergePending(
    kind,
    filedDateOf(kind),
    page.items,
    await pendingEntries(),
    query,
    query.cursor === undefined,
  );
  return { items, nextCursor: page.nextCursor };
}

/**
 * Applies a write the server accepted to every list of its kind saved on this device, before the write
 * leaves the outbox: a failed read (a dropped connection, an offline reload) then still shows it.
 */
export async function keepSavedListsInStep(entry: OutboxEntry, answer: unknown): Promise<void> {
  if (!isRecordKind(entry.kind)) return;
  const kind = entry.kind;
  const record: RecordOf<typeof kind> | undefined = isRecordOf(kind, answer)
    ? (answer as RecordOf<typeof kind>)
    : entry.operation === 'create' || entry.operation === 'update'
      ? provisionalRecord<RecordOf<typeof kind>>(entry)
      : undefined;
  const write = { operation: entry.operation, recordId: entry.recordId, record };
  await updateSnapshots(entry.userId, `list|${kind}|`, (search, value) => {
    const page = pageSchema(kind).safeParse(value);
    if (!page.success) return undefined;
    const params = new URLSearchParams(search);
    const range = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
    const items = applyAccepted(page.data.items, write, filedDateOf(kind), range, !params.has('cursor'));
    return { ...page.data, items };
  });
}

function isRecordKind(kind: string): kind is RecordKind {
  return Object.hasOwn(RECORD_KINDS, kind);
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

/** One record by id (a queued change wins); fails with code 'not-found' when it is not the person's or was deleted. */
export async function getRecord<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K>> {
  const pending = (await pendingEntries()).filter(
    (entry) => entry.kind === kind && entry.recordId === id && entry.state === 'pending',
  );
  const last = pending.at(-1);
  if (last?.operation === 'delete') throw new ApiError(404, 'not-found', 'That entry was deleted.');
  if (last?.operation === 'create' || last?.operation === 'update')
    return provisionalRecord<RecordOf<K>>(last);
  const answer = await requestJson('GET', `${RECORD_KINDS[kind].path}/${id}`, recordSchema(kind));
  remember([answer.record]);
  return answer.record as RecordOf<K>;
}

/**
 * Loads the core schemas that check writes (and zod with them). Today calls it once it has painted, so
 * the checks are in place before the first tap; a write made sooner waits for them. A failed load (the
 * connection dropped first) is tried again at the next write.
 */
export const loadRecordChecks = loadOnce(() => import('./record-checks.ts'));

/**
 * Checks a body in the browser first, with the same core schema the server uses, so a write that could
 * never be accepted is never queued. If the checks cannot load (offline before they arrived, with no
 * service worker yet), the write is queued unchecked: logging must never depend on the network, and
 * the server checks every write in full when it is sent (a refused one is kept and shown to fix).
 */
async function checked<K extends RecordKind>(kind: K, body: CreateOf<K>): Promise<CreateOf<K>> {
  let RECORD_SCHEMAS: typeof import('./record-checks.ts')['RECORD_SCHEMAS'];
  try {
    ({ RECORD_SCHEMAS } = await loadRecordChecks());
  } catch {
    return body;
  }
  const parsed = RECORD_SCHEMAS[kind].createSchema.safeParse(body);
  if (parsed.success) return body;
  const fields = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new ApiError(400, 'invalid-input', 'Please check the highlighted fields.', fields);
}

const WRITES = {
  create: { method: 'POST', suffix: '' },
  update: { method: 'PUT', suffix: '/:id' },
  delete: { method: 'DELETE', suffix: '/:id' },
  restore: { method: 'POST', suffix: '/:id/restore' },
} as const;

function queue(kind: RecordKind, recordId: string, operation: keyof typeof WRITES, body?: unknown) {
  const { method, suffix } = WRITES[operation];
  const path = `${RECORD_KINDS[kind].path}${suffix.replace(':id', encodeURIComponent(recordId))}`;
  return submitWrite({ kind, recordId, operation, method, path, ...(body === undefined ? {} : { body }) });
}

async function write<K extends RecordKind>(
  kind: K,
  recordId: string,
  operation: 'create' | 'update' | 'restore',
  body?: CreateOf<K>,
): Promise<RecordOf<K>> {
  const result = await queue(kind, recordId, operation, body);
  if (result.type === 'sent') {
    if (isRecordOf(kind, result.record)) {
      const record = result.record as RecordOf<K>;
      remember([record]);
      return record;
    }
  }
  if (body !== undefined) {
    // Waiting to sync: the server's timestamps are not known yet, so both read "when it was queued".
    const queuedAt = result.type === 'queued' ? result.entry.queuedAt : new Date().toISOString();
    return { ...body, createdAt: queuedAt, updatedAt: queuedAt } as RecordOf<K>;
  }
  const seen = lastSeen.get(recordId);
  if (seen !== undefined) return seen as RecordOf<K>;
  return getRecord(kind, recordId);
}

/**
 * Creates a record (idempotent: resending the same body with the same id returns the original).
 * Offline, resolves with a provisional record once the write is stored in the outbox.
 */
export async function createRecord<K extends RecordKind>(kind: K, body: CreateOf<K>): Promise<RecordOf<K>> {
  return write(kind, body.id, 'create', await checked(kind, body));
}

/** Replaces a record; the server keeps the previous version as history. */
export async function updateRecord<K extends RecordKind>(kind: K, body: CreateOf<K>): Promise<RecordOf<K>> {
  return write(kind, body.id, 'update', await checked(kind, body));
}

/** Deletes a record; restoreRecord undoes it. */
export async function deleteRecord(kind: RecordKind, id: string): Promise<void> {
  await queue(kind, id, 'delete');
}

/** Undoes a delete. */
export function restoreRecord<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K>> {
  return write(kind, id, 'restore');
}

import { randomUUID } from 'node:crypto';
import { canonicalJson } from '@sunlog/core/canonical-json';
import type { ExportDeleted, ExportHistory, ExportRevision } from '@sunlog/core/exchange/export-v2';
import { RECORD_COLLECTIONS, type RecordCollection } from '@sunlog/core/records/collections';
import { LocalDateSchema } from '@sunlog/core/records/common';
import { RETENTION_DAYS } from '@sunlog/core/records/retention';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { DatabaseConfig } from '../config.ts';
import {
  GROUP_COMMIT_LANES,
  type GroupCommitStats,
  GroupCommitter,
  type SharedStep,
} from '../db/group-commit.ts';
import type { Database, RecordTableName } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import { encodeCursor, readCursor } from '../page-cursor.ts';
import type { RequestMeta } from '../request-meta.ts';
import { bodyHash } from './canonical-json.ts';
import {
  RECORD_KIND_LIST,
  RECORD_KINDS,
  type RecordCollections,
  type RecordCreateBase,
  type RecordKind,
  type StoredRecordBase,
} from './kinds.ts';
import { type NewRecordRow, RecordStore } from './store.ts';

const DAY_MS = 24 * 60 * 60_000;

/** The person's records by kind, and their history when it was asked for. */
export interface AllRecords {
  records: RecordCollections;
  history?: ExportHistory;
}

/** Every record of a person by kind, live or deleted (`deletedAt` set). */
export type EveryRecord = Record<RecordCollection, { record: StoredRecordBase; deletedAt: string | null }[]>;

/** What one retention run removed. */
export interface RetentionReport {
  /** Deletions and edits at or before this instant were purged. */
  cutoff: string;
  deletedRecords: number;
  revisions: number;
}

/** What a create answers: the record, and whether this request made it (false for a replay). */
export interface Created<R> {
  record: R;
  created: boolean;
}

export interface ListQuery {
  /** Inclusive bounds on the filed date, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface Page<R> {
  items: R[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * A person's records of every kind: create (idempotent by the client's id), list, read, replace with
 * history, soft delete and restore. Every operation is scoped to `userId`; a record of someone else's
 * is indistinguishable from one that does not exist.
 */
export class RecordService {
  readonly #db: Kysely<Database>;
  readonly #store: RecordStore;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  /** Every record write from the API (create, edit, delete, restore) goes through group commit. */
  readonly #writes: GroupCommitter;
  readonly #insertSteps = new Map<RecordTableName, SharedStep<NewRecordRow<StoredRecordBase>, boolean>>();

  constructor(deps: {
    db: Kysely<Database>;
    engine: DatabaseConfig['engine'];
    clock: Clock;
    audit: AuditLog;
  }) {
    this.#db = deps.db;
    this.#writes = new GroupCommitter(deps.db, { lanes: GROUP_COMMIT_LANES[deps.engine] });
    this.#store = new RecordStore(deps.db);
    this.#clock = deps.clock;
    this.#audit = deps.audit;
  }

  /**
   * Stores a new record under the client's id. Replaying the same id with the same body (key order
   * aside) answers the stored record and creates nothing; the same id with another body is an
   * `idempotency-conflict`.
   */
  async create<C extends RecordCreateBase, R extends StoredRecordBase>(
    kind: RecordKind<C, R>,
    userId: string,
    body: C,
  ): Promise<Created<R>> {
    const row = this.#newRow(kind, userId, body);
    // Group commit: creates arriving together share one transaction and are answered once it has
    // committed (see db/group-commit.ts); the creates of one kind in a batch are one multi-row insert.
    // A create refuses (idempotency conflict) only when its row was not inserted, so it needs no
    // savepoint; after the insert it only reads, so a batch of creates needs no transaction either.
    return this.#writes.run((trx, inserted) => this.#settleCreate(trx, kind, row, inserted), {
      refusesBeforeWriting: true,
      onlyReadsAfterStep: true,
      shared: { step: this.#insertStep(kind) as SharedStep<NewRecordRow<R>, boolean>, input: row },
    });
  }

  /** Commits and writes of the grouped record writes (creates, edits, deletes, restores) so far. */
  get commitStats(): GroupCommitStats {
    return this.#writes.stats;
  }

  /** The same as `commitStats`; the name from when only creates were grouped. */
  get createCommitStats(): GroupCommitStats {
    return this.#writes.stats;
  }

  /** `create` inside the caller's transaction (an import writes all its records in one). */
  async createIn<C extends RecordCreateBase, R extends StoredRecordBase>(
    trx: Kysely<Database>,
    kind: RecordKind<C, R>,
    userId: string,
    body: C,
  ): Promise<Created<R>> {
    const row = this.#newRow(kind, userId, body);
    const inserted = await this.#store.insertIfAbsent(trx, kind, userId, row);
    return this.#settleCreate(trx, kind, row, inserted);
  }

  /** The row a create stores, after the checks that refuse it outright. */
  #newRow<C extends RecordCreateBase, R extends StoredRecordBase>(
    kind: RecordKind<C, R>,
    userId: string,
    body: C,
  ): NewRecordRow<R> {
    const hash = bodyHash(body);
    refuseImplausibleDates(body, this.#clock());
    const now = this.#clock().toISOString();
    const record = kind.schema.parse({ ...body, createdAt: now, updatedAt: now });
    return { userId, record, filedOn: kind.filedOn(body), bodyHash: hash };
  }

  /** What a create answers once its insert ran: made, a replay of the stored record, or a conflict. */
  async #settleCreate<C extends RecordCreateBase, R extends StoredRecordBase>(
    trx: Kysely<Database>,
    kind: RecordKind<C, R>,
    row: NewRecordRow<R>,
    inserted: boolean,
  ): Promise<Created<R>> {
    if (inserted) return { record: row.record, created: true };
    const existing = await this.#store.find(trx, kind, row.userId, row.record.id);
    if (existing === undefined)
      throw new Error(`${kind.name} ${row.record.id} conflicted on insert but is gone`);
    if (existing.bodyHash !== row.bodyHash) {
      throw new SunlogError(
        'idempotency-conflict',
        'A different record was already saved with this id. Make a new id for a new record.',
        { fields: [{ path: 'id', message: 'This id is already used by a different record.' }] },
      );
    }
    return { record: existing.record, created: false };
  }

  /** The batch step that inserts the grouped creates of one kind in one statement. */
  #insertStep(kind: RecordKind): SharedStep<NewRecordRow<StoredRecordBase>, boolean> {
    let step = this.#insertSteps.get(kind.table);
    if (step === undefined) {
      step = { run: (trx, rows) => this.#store.insertManyIfAbsent(trx, kind, rows) };
      this.#insertSteps.set(kind.table, step);
    }
    return step;
  }

  /** One page of the person's live records, newest filed date first. */
  async list<C extends RecordCreateBase, R extends StoredRecordBase>(
    kind: RecordKind<C, R>,
    userId: string,
    query: ListQuery,
  ): Promise<Page<R>> {
    const after = readCursor(query.cursor, (key) => LocalDateSchema.safeParse(key).success);
    // One more than asked tells whether another page follows, without a count query.
    const rows = await this.#store.listPage(kind, userId, {
      from: query.from,
      to: query.to,
      after,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > query.limit && last !== undefined
        ? encodeCursor({ key: last.filedOn, id: last.record.id })
        : null;
    return { items: page.map((row) => row.record), nextCursor };
  }

  /** The person's live record, or `not-found`. */
  async get<C extends RecordCreateBase, R extends StoredRecordBase>(
    kind: RecordKind<C, R>,
    userId: string,
    id: string,
  ): Promise<R> {
    const found = await this.#store.find(this.#db, kind, userId, id);
    if (found === undefined || found.deletedAt !== null) throw notFound(kind);
    return found.record;
  }

  /**
   * Replaces the person's live record with `body`, keeping the previous version in the history.
   * Sending the same body again changes nothing (no new version, same `updatedAt`).
   */
  async replace<C extends RecordCreateBase, R extends StoredRecordBase>(
    kind: RecordKind<C, R>,
    userId: string,
    id: string,
    body: C,
  ): Promise<R> {
    if (body.id !== id) {
      throw new SunlogError('invalid-input', 'The id in the body must be the id in the address.', {
        fields: [{ path: 'id', message: 'Must equal the id in the address.' }],
      });
    }
    // Grouped with other writes. It refuses (not found, implausible date) before it writes the old
    // version and the new record, so it needs no savepoint.
    return this.#writes.run((trx) => this.replaceIn(trx, kind, userId, body), { refusesBeforeWriting: true });
  }

  /** `replace` inside the caller's transaction; the record is the one `body.id` names. */
  async replaceIn<C extends RecordCreateBase, R extends StoredRecordBase>(
    trx: Kysely<Database>,
    kind: RecordKind<C, R>,
    userId: string,
    body: C,
  ): Promise<R> {
    const { id } = body;
    refuseImplausibleDates(body, this.#clock());
    if (!(await this.#store.lockLive(trx, kind, userId, id))) throw notFound(kind);
    const current = await this.#store.find(trx, kind, userId, id);
    if (current === undefined) throw notFound(kind);
    const { createdAt, updatedAt: _updatedAt, ...currentBody } = current.record;
    if (canonicalJson(currentBody) === canonicalJson(body)) return current.record;

    const now = this.#clock().toISOString();
    const record = kind.schema.parse({ ...body, createdAt, updatedAt: now });
    await this.#store.insertRevision(trx, {
      id: randomUUID(),
      userId,
      kind,
      recordId: id,
      revisedAt: now,
      body: current.body,
    });
    await this.#store.replace(trx, kind, userId, record, kind.filedOn(body));
    return record;
  }

  /** Soft-deletes the person's record so it can be restored; deleting it again is harmless. */
  async remove(kind: RecordKind, userId: string, id: string, meta: RequestMeta): Promise<void> {
    const now = this.#clock().toISOString();
    // Grouped with other writes; the delete and its audit event commit together or not at all. It
    // refuses (not found) only when it marked nothing, so it needs no savepoint.
    await this.#writes.run(
      async (trx) => {
        if (await this.#store.markDeleted(trx, kind, userId, id, now)) {
          await this.#audit.record(trx, {
            action: 'record.delete',
            outcome: 'success',
            userId,
            requestId: meta.requestId,
            // Kind and id only: no health values in the audit trail.
            detail: { kind: kind.name, id },
          });
          return;
        }
        if ((await this.#store.find(trx, kind, userId, id)) === undefined) throw notFound(kind);
      },
      { refusesBeforeWriting: true },
    );
  }

  /** Undoes a delete and answers the record; restoring a record that is not deleted is harmless. */
  async restore<C extends RecordCreateBase, R extends StoredRecordBase>(
    kind: RecordKind<C, R>,
    userId: string,
    id: string,
    meta: RequestMeta,
  ): Promise<R> {
    // Grouped with other writes; refuses (not found) only when it cleared nothing.
    return this.#writes.run((trx) => this.restoreIn(trx, kind, userId, id, meta), {
      refusesBeforeWriting: true,
    });
  }

  /** `restore` inside the caller's transaction. */
  async restoreIn<C extends RecordCreateBase, R extends StoredRecordBase>(
    trx: Kysely<Database>,
    kind: RecordKind<C, R>,
    userId: string,
    id: string,
    meta: RequestMeta,
  ): Promise<R> {
    const restored = await this.#store.clearDeleted(trx, kind, userId, id);
    const found = await this.#store.find(trx, kind, userId, id);
    if (found === undefined) throw notFound(kind);
    if (restored) {
      await this.#audit.record(trx, {
        action: 'record.restore',
        outcome: 'success',
        userId,
        requestId: meta.requestId,
        detail: { kind: kind.name, id },
      });
    }
    return found.record;
  }

  /**
   * Every live record of the person, by kind, and with `history` their kept versions and deleted records
   * too, read in one transaction so the set is consistent (repeatable read on PostgreSQL; a SQLite
   * transaction reads one snapshot anyway).
   */
  async readAll(userId: string, options: { history?: boolean } = {}): Promise<AllRecords> {
    return this.#db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const records = {} as Record<RecordCollection, StoredRecordBase[]>;
        const history: ExportHistory = { revisions: [], deleted: [] };
        for (const collection of RECORD_COLLECTIONS) {
          const kind: RecordKind = RECORD_KINDS[collection];
          records[collection] = await this.#store.listAll(trx, kind, userId);
          if (options.history !== true) continue;
          for (const { record, revisedAt } of await this.#store.listRevisions(trx, kind, userId)) {
            history.revisions.push({ collection, revisedAt, record } as ExportRevision);
          }
          for (const { record, deletedAt } of await this.#store.listDeleted(trx, kind, userId)) {
            history.deleted.push({ collection, deletedAt, record } as ExportDeleted);
          }
        }
        return {
          records: records as RecordCollections,
          ...(options.history === true ? { history } : {}),
        };
      });
  }

  /** Every record of the person of every kind, live or deleted, read inside the caller's transaction. */
  async readEveryIn(trx: Kysely<Database>, userId: string): Promise<EveryRecord> {
    const every = {} as EveryRecord;
    for (const collection of RECORD_COLLECTIONS) {
      const kind: RecordKind = RECORD_KINDS[collection];
      every[collection] = await this.#store.listEvery(trx, kind, userId);
    }
    return every;
  }

  /** Marks the person's live record deleted at `at` inside the caller's transaction (an imported deletion). */
  async markDeletedIn(trx: Kysely<Database>, kind: RecordKind, userId: string, id: string, at: string) {
    await this.#store.markDeleted(trx, kind, userId, id, at);
  }

  /**
   * Adds a kept version of a record unless the same version (same edit time, same content) is already
   * there; answers whether it added one. Imports bring the edit history in through it.
   */
  async addRevisionIn<C extends RecordCreateBase, R extends StoredRecordBase>(
    trx: Kysely<Database>,
    kind: RecordKind<C, R>,
    userId: string,
    revision: { revisedAt: string; record: R },
  ): Promise<boolean> {
    const wanted = canonicalJson(revision.record);
    const present = await this.#store.revisionBodies(
      trx,
      kind,
      userId,
      revision.record.id,
      revision.revisedAt,
    );
    if (present.some((body) => canonicalJson(JSON.parse(body)) === wanted)) return false;
    await this.#store.insertRevision(trx, {
      id: randomUUID(),
      userId,
      kind,
      recordId: revision.record.id,
      revisedAt: revision.revisedAt,
      body: JSON.stringify(revision.record),
    });
    return true;
  }

  /**
   * Retention, for everyone: removes records deleted more than `RETENTION_DAYS` before `now` (with their
   * kept versions) and versions replaced more than that long ago. Until then a deletion can be undone and
   * an earlier version read. Run daily by the job runner; safe to run at any time and more than once.
   */
  async runRetention(now: Date): Promise<RetentionReport> {
    const cutoff = new Date(now.getTime() - RETENTION_DAYS * DAY_MS).toISOString();
    return this.#db.transaction().execute(async (trx) => {
      let records = 0;
      for (const kind of RECORD_KIND_LIST) records += await this.#store.purgeDeleted(trx, kind, cutoff);
      const revisions = await this.#store.purgeRevisions(trx, cutoff);
      return { cutoff, deletedRecords: records, revisions };
    });
  }
}

function notFound(kind: RecordKind): SunlogError {
  return new SunlogError('not-found', `No such ${kind.name.replace('-', ' ')}.`);
}

/** The record fields that hold a date, a month or a date and time. */
const DATE_FIELDS = ['localDate', 'takenAt', 'sampleDate', 'startDate', 'endDate', 'month'] as const;

/**
 * Dates past next year are typing slips (core refuses years before 1900; the upper bound needs the
 * clock, which core never reads). A blood sample cannot have been drawn in the future at all: the date
 * is local to the person, so one day of slack over the server's clock lets every time zone enter
 * today's result.
 */
function refuseImplausibleDates(body: object, now: Date): void {
  const fields: { path: string; message: string }[] = [];
  const latestYear = now.getUTCFullYear() + 1;
  const values = body as Record<string, unknown>;
  for (const key of DATE_FIELDS) {
    const value = values[key];
    if (typeof value !== 'string') continue;
    if (Number(value.slice(0, 4)) > latestYear) {
      fields.push({ path: key, message: `Use a year from 1900 to ${latestYear}` });
    }
  }
  const sampleDate = values.sampleDate;
  if (typeof sampleDate === 'string' && fields.length === 0) {
    const latest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    if (sampleDate > latest)
      fields.push({ path: 'sampleDate', message: `The sample date cannot be after ${latest}` });
  }
  if (fields.length > 0) throw new SunlogError('invalid-input', 'Some fields are not valid.', { fields });
}

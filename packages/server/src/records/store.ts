import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { PagePosition } from '../page-cursor.ts';
import type { RecordCreateBase, RecordKind, StoredRecordBase } from './kinds.ts';

/** A record with what the store knows about it beyond the record itself. */
export interface StoredRow<R> {
  record: R;
  filedOn: string;
  /** Hash of the first create body; see `bodyHash`. */
  bodyHash: string;
  deletedAt: string | null;
  /** The stored JSON text, kept as is for the revision history. */
  body: string;
}

/** A new record's row, as a create writes it. */
export interface NewRecordRow<R> {
  userId: string;
  record: R;
  filedOn: string;
  /** Hash of the create body; see `bodyHash`. */
  bodyHash: string;
}

export interface PageQuery {
  from?: string | undefined;
  to?: string | undefined;
  /** Start after this position (exclusive). */
  after?: PagePosition | undefined;
  limit: number;
}

/**
 * Reads and writes records of every kind; every query is scoped by `userId`. The tables share one
 * shape, so one store serves all six. Row ↔ record mapping happens here and only here: a row's body is
 * parsed with the kind's core schema on the way out.
 */
export class RecordStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Inserts a new record; false (and nothing written) when the person already has one with this id. */
  async insertIfAbsent<C extends RecordCreateBase, R extends StoredRecordBase>(
    executor: Kysely<Database>,
    kind: RecordKind<C, R>,
    userId: string,
    entry: { record: R; filedOn: string; bodyHash: string },
  ): Promise<boolean> {
    const [inserted] = await this.insertManyIfAbsent(executor, kind, [{ userId, ...entry }]);
    return inserted === true;
  }

  /**
   * Inserts new records in one statement; answers, entry by entry, whether that entry's row was
   * inserted. An id the person already has is left alone (false); an id given twice is inserted for
   * its first entry only.
   */
  async insertManyIfAbsent<C extends RecordCreateBase, R extends StoredRecordBase>(
    executor: Kysely<Database>,
    kind: RecordKind<C, R>,
    entries: readonly NewRecordRow<R>[],
  ): Promise<boolean[]> {
    const keyOf = (userId: string, id: string) => `${userId}\n${id}`;
    const firsts = new Map<string, NewRecordRow<R>>();
    for (const entry of entries) {
      const key = keyOf(entry.userId, entry.record.id);
      if (!firsts.has(key)) firsts.set(key, entry);
    }
    const rows = await executor
      .insertInto(kind.table)
      .values(
        [...firsts.values()].map((entry) => ({
          user_id: entry.userId,
          id: entry.record.id,
          filed_on: entry.filedOn,
          body: JSON.stringify(entry.record),
          body_hash: entry.bodyHash,
          created_at: entry.record.createdAt,
          updated_at: entry.record.updatedAt,
          deleted_at: null,
        })),
      )
      // A concurrent create of the same id waits for the other to commit and then inserts nothing;
      // the caller re-reads the winner's row and compares bodies, instead of failing on the unique key.
      .onConflict((conflict) => conflict.columns(['user_id', 'id']).doNothing())
      .returning(['user_id', 'id'])
      .execute();
    const inserted = new Set(rows.map((row) => keyOf(row.user_id, row.id)));
    return entries.map((entry) => {
      const key = keyOf(entry.userId, entry.record.id);
      return inserted.has(key) && firsts.get(key) === entry;
    });
  }

  /** The person's record with this id, deleted or not. */
  async find<C extends RecordCreateBase, R extends StoredRecordBase>(
    executor: Kysely<Database>,
    kind: RecordKind<C, R>,
    userId: string,
    id: string,
  ): Promise<StoredRow<R> | undefined> {
    const row = await executor
      .selectFrom(kind.table)
      .select(['body', 'body_hash', 'filed_on', 'deleted_at'])
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      record: parseBody(kind, row.body),
      filedOn: row.filed_on,
      bodyHash: row.body_hash,
      deletedAt: row.deleted_at,
      body: row.body,
    };
  }

  /**
   * Takes the write lock on the person's live record before it is read for a change, so two concurrent
   * edits run one after the other (each keeps the other's version in the history). A no-op update is the
   * portable way: PostgreSQL locks the row, SQLite the database. False when there is no live record.
   */
  async lockLive(executor: Kysely<Database>, kind: RecordKind, userId: string, id: string): Promise<boolean> {
    const result = await executor
      .updateTable(kind.table)
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** One page of the person's live records, newest filed date first, ties by id (descending). */
  async listPage<C extends RecordCreateBase, R extends StoredRecordBase>(
    kind: RecordKind<C, R>,
    userId: string,
    query: PageQuery,
  ): Promise<{ record: R; filedOn: string }[]> {
    let select = this.#db
      .selectFrom(kind.table)
      .select(['body', 'filed_on'])
      .where('user_id', '=', userId)
      .where('deleted_at', 'is', null);
    if (query.from !== undefined) select = select.where('filed_on', '>=', query.from);
    if (query.to !== undefined) select = select.where('filed_on', '<=', query.to);
    const after = query.after;
    if (after !== undefined) {
      select = select.where((eb) =>
        eb.or([
          eb('filed_on', '<', after.key),
          eb.and([eb('filed_on', '=', after.key), eb('id', '<', after.id)]),
        ]),
      );
    }
    const rows = await select.orderBy('filed_on', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map((row) => ({ record: parseBody(kind, row.body), filedOn: row.filed_on }));
  }

  /** Every live record of the person, in list order (for the export). */
  async listAll<C extends RecordCreateBase, R extends StoredRecordBase>(
    executor: Kysely<Database>,
    kind: RecordKind<C, R>,
    userId: string,
  ): Promise<R[]> {
    const rows = await executor
      .selectFrom(kind.table)
      .select('body')
      .where('user_id', '=', userId)
      .where('deleted_at', 'is', null)
      .orderBy('filed_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((row) => parseBody(kind, row.body));
  }

  /** Replaces the record's body and filed date; the create hash stays, so a late create replay still matches. */
  async replace<R extends StoredRecordBase>(
    executor: Kysely<Database>,
    kind: RecordKind,
    userId: string,
    record: R,
    filedOn: string,
  ): Promise<void> {
    await executor
      .updateTable(kind.table)
      .set({ body: JSON.stringify(record), filed_on: filedOn, updated_at: record.updatedAt })
      .where('user_id', '=', userId)
      .where('id', '=', record.id)
      .execute();
  }

  /** Keeps a version that an edit replaced. */
  async insertRevision(
    executor: Kysely<Database>,
    revision: {
      id: string;
      userId: string;
      kind: RecordKind;
      recordId: string;
      revisedAt: string;
      body: string;
    },
  ): Promise<void> {
    await executor
      .insertInto('record_revisions')
      .values({
        id: revision.id,
        user_id: revision.userId,
        kind: revision.kind.table,
        record_id: revision.recordId,
        revised_at: revision.revisedAt,
        body: revision.body,
      })
      .execute();
  }

  /** Every deleted record of the person that retention has not purged yet, in list order (for the export). */
  async listDeleted<C extends RecordCreateBase, R extends StoredRecordBase>(
    executor: Kysely<Database>,
    kind: RecordKind<C, R>,
    userId: string,
  ): Promise<{ record: R; deletedAt: string }[]> {
    const rows = await executor
      .selectFrom(kind.table)
      .select(['body', 'deleted_at'])
      .where('user_id', '=', userId)
      .where('deleted_at', 'is not', null)
      .orderBy('filed_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((row) => ({ record: parseBody(kind, row.body), deletedAt: row.deleted_at ?? '' }));
  }

  /** Every record of the person, live or deleted, with its deletion time (what an import compares against). */
  async listEvery<C extends RecordCreateBase, R extends StoredRecordBase>(
    executor: Kysely<Database>,
    kind: RecordKind<C, R>,
    userId: string,
  ): Promise<{ record: R; deletedAt: string | null }[]> {
    const rows = await executor
      .selectFrom(kind.table)
      .select(['body', 'deleted_at'])
      .where('user_id', '=', userId)
      .execute();
    return rows.map((row) => ({ record: parseBody(kind, row.body), deletedAt: row.deleted_at }));
  }

  /** The person's kept versions of one kind, oldest edit first within each record. */
  async listRevisions<C extends RecordCreateBase, R extends StoredRecordBase>(
    executor: Kysely<Database>,
    kind: RecordKind<C, R>,
    userId: string,
  ): Promise<{ record: R; revisedAt: string }[]> {
    const rows = await executor
      .selectFrom('record_revisions')
      .select(['body', 'revised_at'])
      .where('user_id', '=', userId)
      .where('kind', '=', kind.table)
      .orderBy('record_id')
      .orderBy('revised_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ record: parseBody(kind, row.body), revisedAt: row.revised_at }));
  }

  /** The stored texts of the kept versions of one record at one edit time (an import checks for its own). */
  async revisionBodies(
    executor: Kysely<Database>,
    kind: RecordKind,
    userId: string,
    recordId: string,
    revisedAt: string,
  ): Promise<string[]> {
    const rows = await executor
      .selectFrom('record_revisions')
      .select('body')
      .where('user_id', '=', userId)
      .where('kind', '=', kind.table)
      .where('record_id', '=', recordId)
      .where('revised_at', '=', revisedAt)
      .execute();
    return rows.map((row) => row.body);
  }

  /** Removes, for everyone, records deleted at or before `cutoff` and their kept versions; answers how many records. */
  async purgeDeleted(executor: Kysely<Database>, kind: RecordKind, cutoff: string): Promise<number> {
    await executor
      .deleteFrom('record_revisions')
      .where('kind', '=', kind.table)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom(kind.table)
            .select('id')
            .whereRef(`${kind.table}.user_id`, '=', 'record_revisions.user_id')
            .whereRef(`${kind.table}.id`, '=', 'record_revisions.record_id')
            .where(`${kind.table}.deleted_at`, '<=', cutoff),
        ),
      )
      .execute();
    const result = await executor.deleteFrom(kind.table).where('deleted_at', '<=', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Removes, for everyone, kept versions replaced at or before `cutoff`; answers how many. */
  async purgeRevisions(executor: Kysely<Database>, cutoff: string): Promise<number> {
    const result = await executor
      .deleteFrom('record_revisions')
      .where('revised_at', '<=', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Marks the person's live record deleted; false when there was none (absent or already deleted). */
  async markDeleted(
    executor: Kysely<Database>,
    kind: RecordKind,
    userId: string,
    id: string,
    at: string,
  ): Promise<boolean> {
    const result = await executor
      .updateTable(kind.table)
      .set({ deleted_at: at })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Clears a deletion mark; false when the person has no deleted record with this id. */
  async clearDeleted(
    executor: Kysely<Database>,
    kind: RecordKind,
    userId: string,
    id: string,
  ): Promise<boolean> {
    const result = await executor
      .updateTable(kind.table)
      .set({ deleted_at: null })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

function parseBody<C extends RecordCreateBase, R extends StoredRecordBase>(
  kind: RecordKind<C, R>,
  body: string,
): R {
  return kind.schema.parse(JSON.parse(body));
}

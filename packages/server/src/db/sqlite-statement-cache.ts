import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/** How many distinct SQL texts keep their prepared statement. Sunlog's queries are a few dozen shapes. */
export const STATEMENT_CACHE_SIZE = 200;

/**
 * The better-sqlite3 database as Kysely's SqliteDialect sees it, with `prepare` answering a cached
 * statement for SQL text it has seen: Kysely's driver prepares every query on every call, which under
 * load costs more than running it. The cache is a bounded LRU (a Map kept in use order).
 *
 * Safe because Kysely's SQLite driver runs one query at a time on its single connection (a mutex), and
 * `all`/`run` step a statement to the end and reset it before they return. Only `iterate` (Kysely's
 * `stream()`) leaves a statement busy between calls; Sunlog never streams, and a busy statement is not
 * reused here (a fresh one is prepared instead). SQLite re-prepares a statement by itself after a schema
 * change (sqlite3_prepare_v2), so migrations need no flush.
 */
export class StatementCachingDatabase implements KyselySqliteDatabase {
  readonly #database: SqliteDatabase.Database;
  readonly #capacity: number;
  readonly #statements = new Map<string, SqliteDatabase.Statement>();

  readonly #onClose: (() => void) | undefined;
  #wrote = false;

  /** `onClose` runs just before the connection closes (it stops the background checkpointer). */
  constructor(database: SqliteDatabase.Database, options: { capacity?: number; onClose?: () => void } = {}) {
    this.#database = database;
    this.#capacity = options.capacity ?? STATEMENT_CACHE_SIZE;
    this.#onClose = options.onClose;
  }

  /** Whether a transaction is open on the connection. */
  get inTransaction(): boolean {
    return this.#database.inTransaction;
  }

  /**
   * Whether a statement that may write (anything but a read: SQLite's `sqlite3_stmt_readonly`) was
   * prepared since the last call; clears the mark. Kysely prepares every statement it runs, so a write
   * is never missed; `insert … returning`, which answers rows, still counts as a write.
   */
  takeWrites(): boolean {
    const wrote = this.#wrote;
    this.#wrote = false;
    return wrote;
  }

  /** The statements held now (at most the capacity). */
  get size(): number {
    return this.#statements.size;
  }

  prepare(sql: string): SqliteStatement {
    const cached = this.#statements.get(sql);
    if (cached !== undefined && !cached.busy) {
      if (!cached.readonly) this.#wrote = true;
      // Move to the most recently used end.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached as unknown as SqliteStatement;
    }
    const statement = this.#database.prepare(sql);
    if (!statement.readonly) this.#wrote = true;
    this.#statements.delete(sql);
    this.#statements.set(sql, statement);
    if (this.#statements.size > this.#capacity) {
      const oldest = this.#statements.keys().next();
      if (oldest.done !== true) this.#statements.delete(oldest.value);
    }
    return statement as unknown as SqliteStatement;
  }

  close(): void {
    this.#onClose?.();
    this.#statements.clear();
    this.#database.close();
  }
}

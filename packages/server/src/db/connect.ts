import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { type OutageReason, outageReason } from './availability.ts';
import { SchemaScopedPostgresDialect } from './postgres-introspector.ts';
import { startSqliteCheckpointer } from './sqlite-checkpointer.ts';
import { DurableSqliteDialect } from './sqlite-durable-dialect.ts';
import { StatementCachingDatabase } from './sqlite-statement-cache.ts';
import { WalSync } from './sqlite-wal-sync.ts';
import type { Database } from './tables.ts';

/** How long a SQLite statement waits for a lock held by another connection before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the database Sunlog is configured for: the embedded SQLite file, or a PostgreSQL pool.
 * On SQLite the durability pragmas are set and then read back; a mismatch stops the start.
 */
export function connectDatabase(config: DatabaseConfig): Kysely<Database> {
  switch (config.engine) {
    case 'sqlite': {
      // Prepared statements are reused (see sqlite-statement-cache.ts); checkpoints are taken by a
      // thread of their own, off the event loop (see sqlite-checkpointer.ts).
      const database = openSqlite(config.file);
      const checkpointer = startSqliteCheckpointer(database);
      // Every write is answered only once the log holding it is on the disk (see sqlite-wal-sync.ts).
      const walSync = new WalSync(`${config.file}-wal`);
      const caching = new StatementCachingDatabase(database, { onClose: () => void checkpointer.stop() });
      return new Kysely<Database>({ dialect: new DurableSqliteDialect(caching, walSync) });
    }
    case 'postgres':
      return new Kysely<Database>({
        dialect: new SchemaScopedPostgresDialect({ pool: openPostgresPool(config) }, config.schema),
      });
    default: {
      const unknown: never = config;
      throw new Error(`Unknown database engine: ${JSON.stringify(unknown)}`);
    }
  }
}

/** Whether the database answers a trivial query, and if not, why. */
export async function pingDatabase(
  db: Kysely<Database>,
): Promise<{ ok: true } | { ok: false; reason: OutageReason | 'database-error' }> {
  try {
    await sql`select 1`.execute(db);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: outageReason(error) ?? 'database-error' };
  }
}

function openSqlite(file: string): SqliteDatabase.Database {
  // Health records: the folder and the file are for the account Sunlog runs as, and no one else.
  // SQLite gives its -wal and -shm files the database file's permissions.
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(dirname(file), 0o700);
  const database = new SqliteDatabase(file);
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
  try {
    // WAL lets readers proceed during a write. Under NORMAL a commit writes the log without syncing it,
    // which alone could lose acknowledged commits on power loss; Sunlog syncs the log itself, off the event
    // loop, before any write is answered (sqlite-wal-sync.ts), which is what FULL would do on the loop.
    // See: https://www.sqlite.org/pragma.html#pragma_synchronous and https://www.sqlite.org/wal.html
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // Deleted content is overwritten with zeros rather than left in free pages, so an erased account
    // cannot be read back from the file. It costs writes only when something is deleted, which in Sunlog
    // is retention and account deletion. See: https://www.sqlite.org/pragma.html#pragma_secure_delete
    database.pragma('secure_delete = ON');
    assertPragma(database, 'journal_mode', 'wal');
    assertPragma(database, 'synchronous', 1);
    assertPragma(database, 'foreign_keys', 1);
    assertPragma(database, 'busy_timeout', SQLITE_BUSY_TIMEOUT_MS);
    assertPragma(database, 'secure_delete', 1);
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}

function assertPragma(database: SqliteDatabase.Database, name: string, expected: string | number): void {
  const actual: unknown = database.pragma(name, { simple: true });
  if (actual !== expected) {
    throw new Error(
      `SQLite refused PRAGMA ${name} = ${expected} (it is ${String(actual)}); Sunlog will not start.`,
    );
  }
}

/**
 * PostgreSQL time limits, so a silent or cut-off database turns into an error (503 to clients, a line at
 * start-up) instead of requests that hang: `connectMs` to open a connection (TCP and start-up handshake),
 * `statementMs` for the server to run one statement, `idleInTransactionMs` before the server ends a
 * transaction left open, and `queryMs` on our side for an answer that never arrives over a cut network.
 */
export const POSTGRES_TIMEOUTS = {
  connectMs: 5_000,
  statementMs: 15_000,
  idleInTransactionMs: 30_000,
  queryMs: 20_000,
} as const;

function openPostgresPool(config: Extract<DatabaseConfig, { engine: 'postgres' }>): pg.Pool {
  // The schema name is validated in config.ts (lower-case identifier), so it is safe in a startup option.
  const pool = new pg.Pool({
    connectionString: config.url,
    options: `-c search_path=${config.schema}`,
    connectionTimeoutMillis: POSTGRES_TIMEOUTS.connectMs,
    statement_timeout: POSTGRES_TIMEOUTS.statementMs,
    idle_in_transaction_session_timeout: POSTGRES_TIMEOUTS.idleInTransactionMs,
    query_timeout: POSTGRES_TIMEOUTS.queryMs,
    keepAlive: true,
  });
  // An idle connection dropped by the server (restart, failover) is an 'error' event; unhandled, it would
  // end the process. The pool discards that client and the next query opens a new one; /healthz reports
  // an outage that lasts.
  pool.on('error', () => {});
  return pool;
}

import { type Driver, SqliteDialect, SqliteDriver } from 'kysely';
import type { StatementCachingDatabase } from './sqlite-statement-cache.ts';
import type { WalSync } from './sqlite-wal-sync.ts';

/**
 * Kysely's SQLite dialect, with every write answered only once the log holding it is on the disk (see
 * sqlite-wal-sync.ts). When a query or transaction gives the single connection back and it wrote
 * something that is now committed, the connection is released first (so the next batch of writes and
 * every read go on while the disk works) and the caller's promise settles after the log's fdatasync.
 */
export class DurableSqliteDialect extends SqliteDialect {
  readonly #database: StatementCachingDatabase;
  readonly #walSync: WalSync;

  constructor(database: StatementCachingDatabase, walSync: WalSync) {
    super({ database });
    this.#database = database;
    this.#walSync = walSync;
  }

  override createDriver(): Driver {
    return new DurableSqliteDriver(this.#database, this.#walSync);
  }
}

class DurableSqliteDriver extends SqliteDriver {
  readonly #database: StatementCachingDatabase;
  readonly #walSync: WalSync;

  constructor(database: StatementCachingDatabase, walSync: WalSync) {
    super({ database });
    this.#database = database;
    this.#walSync = walSync;
  }

  override async releaseConnection(): Promise<void> {
    // Inside a transaction nothing is committed yet: the sync waits for the release after its commit.
    const mustSync = !this.#database.inTransaction && this.#database.takeWrites();
    await super.releaseConnection();
    if (mustSync) await this.#walSync.sync();
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    this.#walSync.close();
  }
}

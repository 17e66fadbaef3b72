import { type Kysely, sql } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import { type Person, type PersonalRows, personalTables } from '../db/personal-data.ts';
import type { Database } from '../db/tables.ts';

/** Counts and erases one person's rows in every table, as db/personal-data.ts says they are found. */
export class AccountDeletionStore {
  readonly #db: Kysely<Database>;
  readonly #engine: DatabaseConfig['engine'];

  constructor(db: Kysely<Database>, engine: DatabaseConfig['engine']) {
    this.#db = db;
    this.#engine = engine;
  }

  /** How many rows about the person each table holds. */
  async countRows(executor: Kysely<Database>, person: Person): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [table, rows] of personalTables()) {
      const where = matching(rows, person);
      if (where === undefined) continue;
      const result = await sql<{
        n: number | string;
      }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(executor);
      counts[table] = Number(result.rows[0]?.n ?? 0);
    }
    return counts;
  }

  /** Deletes every row about the person, table by table (the account last); answers the rows deleted per table. */
  async deleteRows(executor: Kysely<Database>, person: Person): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const [table, rows] of personalTables()) {
      const where = matching(rows, person);
      if (where === undefined) continue;
      const result = await sql`delete from ${sql.table(table)} where ${where}`.execute(executor);
      deleted[table] = Number(result.numAffectedRows ?? 0n);
    }
    return deleted;
  }

  /**
   * Makes sure the deleted rows cannot be read back from the files. SQLite runs with `secure_delete`
   * (connect.ts), which overwrites freed content with zeros; the old page versions still in the
   * write-ahead log are removed by checkpointing it and truncating the log file. PostgreSQL reuses the
   * space of deleted rows after (auto)vacuum; see docs/data-portability.md.
   */
  async scrubFreedSpace(): Promise<void> {
    if (this.#engine === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(this.#db);
  }
}

function matching(rows: PersonalRows, person: Person) {
  switch (rows.by) {
    case 'column':
      return sql`${sql.ref(rows.column)} = ${person.id}`;
    case 'prefix': {
      const tests = rows
        .prefixes(person)
        .map((prefix) => sql`substr(${sql.ref(rows.column)}, 1, ${prefix.length}) = ${prefix}`);
      return tests.length === 0 ? undefined : sql.join(tests, sql` or `);
    }
    case 'nothing':
      return undefined;
    default: {
      const unknown: never = rows;
      throw new Error(`Unknown personal rows ${JSON.stringify(unknown)}`);
    }
  }
}

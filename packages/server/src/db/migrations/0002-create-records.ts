import type { Kysely, Migration } from 'kysely';

/**
 * The six record kinds, one table each, all of one shape; and the edit history. Listed here rather than
 * read from records/kinds.ts: a migration must keep doing what it did after the code moves on.
 */
const RECORD_TABLES = ['regimens', 'intakes', 'lab_results', 'symptom_checks', 'flares', 'check_ins'];

/** People's records (regimens, intakes, lab results, symptom checks, flares, check-ins) and revisions. */
export const createRecords: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    for (const table of RECORD_TABLES) {
      await db.schema
        .createTable(table)
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('filed_on', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        // Keyed by person and client id: one person's id can never collide with another's record.
        .addPrimaryKeyConstraint(`${table}_pkey`, ['user_id', 'id'])
        .addForeignKeyConstraint(`${table}_user_id_fkey`, ['user_id'], 'users', ['id'], (fk) =>
          fk.onDelete('cascade'),
        )
        .execute();
      // Lists read one person's records newest filed date first, a page at a time.
      await db.schema
        .createIndex(`${table}_user_id_filed_on_id`)
        .on(table)
        .columns(['user_id', 'filed_on', 'id'])
        .execute();
    }

    await db.schema
      .createTable('record_revisions')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('revised_at', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('record_revisions_user_id_kind_record_id')
      .on('record_revisions')
      .columns(['user_id', 'kind', 'record_id', 'revised_at'])
      .execute();
  },
};

import type { Kysely, Migration } from 'kysely';

/** The record tables as they were when this migration was written (it must keep doing what it did). */
const RECORD_TABLES = ['regimens', 'intakes', 'lab_results', 'symptom_checks', 'flares', 'check_ins'];

/**
 * Retention looks for deleted records and old versions across everyone; these indexes let it find them
 * without reading every table whole. The record tables' index is partial: only deleted rows, a few.
 */
export const addRetentionIndexes: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    for (const table of RECORD_TABLES) {
      await db.schema
        .createIndex(`${table}_deleted_at`)
        .on(table)
        .column('deleted_at')
        .where('deleted_at', 'is not', null)
        .execute();
    }
    await db.schema
      .createIndex('record_revisions_revised_at')
      .on('record_revisions')
      .column('revised_at')
      .execute();
  },
};

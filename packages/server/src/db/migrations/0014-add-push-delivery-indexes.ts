import type { Kysely, Migration } from 'kysely';

/** The job looks for pending deliveries whose next attempt is due; Today and tests read by person. */
export const addPushDeliveryIndexes: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('push_deliveries_status_next_attempt_at')
      .on('push_deliveries')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createIndex('push_deliveries_user_id_due_at')
      .on('push_deliveries')
      .columns(['user_id', 'due_at'])
      .execute();
  },
};

import type { Kysely, Migration } from 'kysely';

/**
 * The devices each person has signed in from, so a sign-in from a new one can be told apart (it appears
 * in the account activity). A device is the random id in its long-lived device cookie; only a SHA-256 of
 * the person's id with it is kept, so the rows of two accounts used in one browser cannot be linked.
 */
export const createKnownDevices: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('known_devices')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('device_hash', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('known_devices_pk', ['user_id', 'device_hash'])
      .execute();
  },
};

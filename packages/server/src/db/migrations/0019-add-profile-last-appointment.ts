import type { Kysely, Migration } from 'kysely';

/**
 * The day of the person's last appointment with their clinician ("YYYY-MM-DD"), or null when not set.
 * Reports and share links start there by default.
 */
export const addProfileLastAppointment: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('profiles').addColumn('last_appointment', 'text').execute();
  },
};

import type { Kysely, Migration } from 'kysely';

/**
 * The personal 25(OH)D target a person agreed with their clinician (JSON text of `BloodTarget`), or
 * null for none. The profile API accepted it before but had nowhere to keep it.
 */
export const addProfileBloodTarget: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('profiles').addColumn('blood_target', 'text').execute();
  },
};

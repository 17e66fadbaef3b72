import type { Kysely, Migration } from 'kysely';

/**
 * The ratings a person chose to see first on Today (JSON text of `TrackedRatings`, an array of scale
 * names), or null for the default set.
 */
export const addProfileTrackedRatings: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('profiles').addColumn('tracked_ratings', 'text').execute();
  },
};

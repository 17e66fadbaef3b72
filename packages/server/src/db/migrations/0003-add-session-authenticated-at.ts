import type { Kysely, Migration } from 'kysely';

/**
 * When each session last proved who is using it (a sign-in, registration or re-entered password).
 * Sensitive operations ask for this to be recent. Null for sessions from before this column: they must
 * prove it again.
 */
export const addSessionAuthenticatedAt: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sessions').addColumn('authenticated_at', 'text').execute();
  },
};

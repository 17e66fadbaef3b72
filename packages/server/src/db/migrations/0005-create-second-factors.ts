import type { Kysely, Migration } from 'kysely';

/**
 * A person's second factor for password sign-in (TOTP, RFC 6238): the secret encrypted with a server key
 * (see accounts/second-factor-secret.ts), whether it is confirmed (on) or only being set up, and the last
 * time step a code was accepted for, so no code is accepted twice.
 */
export const createSecondFactors: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('second_factors')
      .addColumn('user_id', 'text', (c) =>
        c.primaryKey().notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('totp_secret', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('last_time_step', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};

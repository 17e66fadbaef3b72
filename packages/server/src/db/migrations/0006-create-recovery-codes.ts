import type { Kysely, Migration } from 'kysely';

/**
 * One-time recovery codes for the second factor: only a SHA-256 of each is kept; `used_at` is set when
 * one is used, and a used code is never accepted again.
 */
export const createRecoveryCodes: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('recovery_codes')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
      .execute();
  },
};

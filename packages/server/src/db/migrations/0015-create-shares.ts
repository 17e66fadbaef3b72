import type { Kysely, Migration } from 'kysely';

/**
 * SMART Health Links a person made: the encrypted FHIR Bundle (a compact JWE; the key is only in the link
 * the person was given, never here), the link's scope and life, and the SHA-256 of its manifest id (the
 * id itself is never stored, so this table alone cannot rebuild a link's address).
 */
export const createShares: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('shares')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('manifest_id_hash', 'text', (c) => c.notNull().unique())
      .addColumn('label', 'text')
      .addColumn('range_from', 'text', (c) => c.notNull())
      .addColumn('range_to', 'text', (c) => c.notNull())
      .addColumn('passcode_hash', 'text')
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('access_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ciphertext', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('disabled_at', 'text')
      .execute();
    await db.schema.createIndex('shares_user_id').on('shares').column('user_id').execute();
  },
};

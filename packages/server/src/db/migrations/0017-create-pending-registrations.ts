import type { Kysely, Migration } from 'kysely';

/**
 * Sign-ups waiting for their address to be confirmed by mail (only when mail is set up). No account
 * exists for them yet; a row lives a day and goes when its link is used. The link's token is kept only
 * as its SHA-256.
 */
export const createPendingRegistrations: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pending_registrations')
      .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text')
      .addColumn('time_zone', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('pending_registrations_email')
      .on('pending_registrations')
      .column('email')
      .execute();
  },
};

import type { Kysely, Migration } from 'kysely';

/** Keys the server makes once and keeps, by name (the VAPID key pair for Web Push). Nothing about people. */
export const createServerKeys: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('server_keys')
      .addColumn('name', 'text', (c) => c.primaryKey().notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};

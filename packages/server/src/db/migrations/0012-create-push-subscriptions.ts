import type { Kysely, Migration } from 'kysely';

/**
 * Web Push subscriptions: one row per browser (endpoint) that agreed to notifications, with the keys
 * the payload is encrypted to. An endpoint belongs to one person at a time.
 */
export const createPushSubscriptions: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('push_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('endpoint', 'text', (c) => c.notNull().unique())
      .addColumn('p256dh', 'text', (c) => c.notNull())
      .addColumn('auth', 'text', (c) => c.notNull())
      .addColumn('expiration_time', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('push_subscriptions_user_id')
      .on('push_subscriptions')
      .column('user_id')
      .execute();
  },
};

import type { Kysely, Migration } from 'kysely';

/**
 * Each person's private calendar feed: one per person. Only a SHA-256 hash of the URL's secret is kept;
 * the secret is derived from `feed_id` with a key kept outside the database (see reminders/calendar.ts).
 */
export const createCalendarFeeds: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('calendar_feeds')
      .addColumn('user_id', 'text', (c) =>
        c.primaryKey().notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('feed_id', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};

import type { Kysely, Migration } from 'kysely';

/**
 * The delivery job's durable state: one row per (person, reminder, due instant), so each is sent at
 * most once and what happened to it is recorded. `claimed_until`/`claimed_by` are the lease a runner
 * holds while it sends; `snoozed_from` points a snoozed repeat at the delivery it repeats (unique: a
 * delivery is snoozed at most once).
 */
export const createPushDeliveries: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('push_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('reminder_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('regimen_id', 'text')
      .addColumn('local_date', 'text', (c) => c.notNull())
      .addColumn('local_time', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claimed_until', 'text')
      .addColumn('claimed_by', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('snoozed_from', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('push_deliveries_user_reminder_due', ['user_id', 'reminder_key', 'due_at'])
      .execute();
  },
};

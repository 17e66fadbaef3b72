import type { Kysely, Migration } from 'kysely';

/**
 * The short-lived file addresses a successful manifest request hands out: only the SHA-256 of each
 * address's random file id is kept, with when it stops working.
 */
export const createShareFiles: Migration = {
  // Typed against `unknown` on purpose: it must keep working after tables.ts changes.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('share_files')
      .addColumn('file_id_hash', 'text', (c) => c.primaryKey().notNull())
      .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('share_files_share_id').on('share_files').column('share_id').execute();
  },
};

import type { Kysely } from 'kysely';
import type { Database } from './tables.ts';

/**
 * A key the server makes once and keeps in the database (`server_keys`), so every process and every
 * restart uses the same one and no process needs a shared folder. When several processes start at
 * once, the first insert wins and all read it back. `make` draws a new value; the stored text is
 * returned as it is, for the caller to check.
 */
export async function loadServerKey(
  db: Kysely<Database>,
  name: string,
  make: () => string,
  now: Date,
): Promise<string> {
  const stored = await db
    .selectFrom('server_keys')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  if (stored !== undefined) return stored.value;
  await db
    .insertInto('server_keys')
    .values({ name, value: make(), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return loadServerKey(db, name, make, now);
}

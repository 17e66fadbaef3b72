import type { Kysely } from 'kysely';
import webpush from 'web-push';
import { z } from 'zod';
import type { Database } from '../db/tables.ts';

/** The VAPID key pair (RFC 8292) Web Push identifies this server with; base64url, as web-push makes them. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const KEY_NAME = 'vapid';
const VapidKeysSchema = z.object({
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{87}$/),
  privateKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

/**
 * The server's VAPID keys, made on first start and kept in the database, so every process and every
 * restart signs with the same pair (a new pair would orphan every subscription). When several processes
 * start at once, the first insert wins and all read it back.
 */
export async function loadVapidKeys(db: Kysely<Database>, now: Date): Promise<VapidKeys> {
  const stored = await db
    .selectFrom('server_keys')
    .select('value')
    .where('name', '=', KEY_NAME)
    .executeTakeFirst();
  if (stored !== undefined) return VapidKeysSchema.parse(JSON.parse(stored.value));
  const made = webpush.generateVAPIDKeys();
  await db
    .insertInto('server_keys')
    .values({ name: KEY_NAME, value: JSON.stringify(made), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return loadVapidKeys(db, now);
}

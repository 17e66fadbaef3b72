import type { Kysely } from 'kysely';
import webpush from 'web-push';
import { z } from 'zod';
import { loadServerKey } from '../db/server-keys.ts';
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
  const stored = await loadServerKey(db, KEY_NAME, () => JSON.stringify(webpush.generateVAPIDKeys()), now);
  return VapidKeysSchema.parse(JSON.parse(stored));
}

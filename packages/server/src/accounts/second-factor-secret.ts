import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { loadServerKey } from '../db/server-keys.ts';
import type { Database } from '../db/tables.ts';

/**
 * TOTP secrets at rest are encrypted with AES-256-GCM under a server key (`server_keys`, name
 * `second-factor`), with the person's id as additional data, so a secret copied to another person's row
 * does not open. The key lives in another table than the secrets: a leaked `second_factors` table, an
 * export or a log line holds nothing usable on its own. A copy of the whole database holds the key too;
 * that is what the backup advice in the README is for.
 */
const KEY_NAME = 'second-factor';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const VERSION = 'v1';

export async function loadSecondFactorKey(db: Kysely<Database>, now: Date): Promise<Buffer> {
  const stored = await loadServerKey(db, KEY_NAME, () => randomBytes(KEY_BYTES).toString('base64url'), now);
  const key = Buffer.from(stored, 'base64url');
  if (key.length !== KEY_BYTES) throw new Error(`server key ${KEY_NAME} is not an AES-256 key`);
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
export function sealSecret(key: Buffer, userId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(userId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The secret `sealSecret` sealed for this person; throws when it was changed or belongs to another. */
export function openSecret(key: Buffer, userId: string, sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined)
    throw new Error('not a sealed second-factor secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}

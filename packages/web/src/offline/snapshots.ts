import { database } from './database.ts';

/**
 * Last-known server answers kept on this device (the signed-in person, and record lists), so Sunlog
 * still opens and shows the day after a reload with no network. They are deleted at sign-out.
 */

const ME_KEY = 'me';

export async function saveSnapshot(userId: string, key: string, value: unknown): Promise<void> {
  const db = await database();
  await db.put('snapshots', { key: `${userId}|${key}`, userId, value, savedAt: new Date().toISOString() });
}

export async function readSnapshot(userId: string, key: string): Promise<unknown> {
  const db = await database();
  return (await db.get('snapshots', `${userId}|${key}`))?.value;
}

/** The signed-in person as last seen from the server; the key is not per person (we do not know who yet). */
export async function saveMeSnapshot(me: { user: { id: string } }): Promise<void> {
  const db = await database();
  await db.put('snapshots', {
    key: ME_KEY,
    userId: me.user.id,
    value: me,
    savedAt: new Date().toISOString(),
  });
}

export async function readMeSnapshot(): Promise<unknown> {
  const db = await database();
  return (await db.get('snapshots', ME_KEY))?.value;
}

/** Forgets every snapshot (at sign-out). The outbox is kept: its writes still belong to their owner. */
export async function clearSnapshots(): Promise<void> {
  const db = await database();
  await db.clear('snapshots');
}

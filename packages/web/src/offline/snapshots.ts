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

/**
 * Rewrites, in one transaction, every snapshot of the person whose key starts with `prefix`: `update`
 * gets the rest of the key and the saved value, and answers the new value (or undefined to leave it).
 */
export async function updateSnapshots(
  userId: string,
  prefix: string,
  update: (rest: string, value: unknown) => unknown,
): Promise<void> {
  const db = await database();
  const start = `${userId}|${prefix}`;
  const transaction = db.transaction('snapshots', 'readwrite');
  for (const snapshot of await transaction.store.getAll(IDBKeyRange.bound(start, `${start}\uffff`))) {
    const value = update(snapshot.key.slice(start.length), snapshot.value);
    if (value !== undefined) await transaction.store.put({ ...snapshot, value });
  }
  await transaction.done;
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

import { database, type OutboxEntry } from './database.ts';

/**
 * The outbox: every record write is stored here (in IndexedDB) before it is first sent, and leaves only
 * when the server has accepted it. See sync.ts for sending, and docs/reliability.md
 * ("Offline and retries") for why.
 */

export type { OutboxEntry } from './database.ts';

const listeners = new Set<() => void>();
const CHANNEL_NAME = 'sunlog-outbox';
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL_NAME);
channel?.addEventListener('message', () => {
  for (const listener of listeners) listener();
});

/** Tells this tab's listeners, and other open tabs, that the outbox changed. */
function changed(): void {
  for (const listener of listeners) listener();
  channel?.postMessage('changed');
}

/** Calls `listener` after every change to the outbox (in this tab or another); returns an unsubscribe. */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Stores a write, durably, and returns it with its place in the queue. */
export async function addToOutbox(entry: Omit<OutboxEntry, 'seq'>): Promise<OutboxEntry & { seq: number }> {
  const db = await database();
  const seq = await db.add('outbox', entry);
  changed();
  return { ...entry, seq };
}

/**
 * Stores a write unless one already in the outbox is the same (`isSame`), checked and added in one
 * IndexedDB transaction, so two callers racing (a notification action tapped twice) store it once.
 * Answers the stored entry, or undefined when an equal one was already waiting.
 */
export async function addToOutboxOnce(
  entry: Omit<OutboxEntry, 'seq'>,
  isSame: (waiting: OutboxEntry) => boolean,
): Promise<(OutboxEntry & { seq: number }) | undefined> {
  const db = await database();
  const tx = db.transaction('outbox', 'readwrite');
  const waiting = await tx.store.index('byUser').getAll(entry.userId);
  if (waiting.some(isSame)) {
    await tx.done;
    return undefined;
  }
  const seq = await tx.store.add(entry);
  await tx.done;
  changed();
  return { ...entry, seq };
}

/** The person's entries, oldest first: pending ones and those needing attention. */
export async function outboxEntries(userId: string): Promise<(OutboxEntry & { seq: number })[]> {
  const db = await database();
  const entries = await db.getAllFromIndex('outbox', 'byUser', userId);
  return entries
    .filter((entry): entry is OutboxEntry & { seq: number } => entry.seq !== undefined)
    .sort((a, b) => a.seq - b.seq);
}

/** Counts a send attempt before it happens, so a crash mid-send still shows the server may have it. */
export async function recordAttempt(seq: number): Promise<void> {
  const db = await database();
  const tx = db.transaction('outbox', 'readwrite');
  const entry = await tx.store.get(seq);
  if (entry !== undefined) await tx.store.put({ ...entry, attempts: entry.attempts + 1 });
  await tx.done;
}

/** Keeps a refused write for the person to see, with the server's reason. */
export async function markNeedsAttention(seq: number, problem: string): Promise<void> {
  const db = await database();
  const tx = db.transaction('outbox', 'readwrite');
  const entry = await tx.store.get(seq);
  if (entry !== undefined) await tx.store.put({ ...entry, state: 'needs-attention', problem });
  await tx.done;
  changed();
}

/** Puts a refused write back in the queue, to be tried again. */
export async function retryEntry(seq: number): Promise<void> {
  const db = await database();
  const tx = db.transaction('outbox', 'readwrite');
  const entry = await tx.store.get(seq);
  if (entry !== undefined) {
    const { problem: _problem, ...rest } = entry;
    await tx.store.put({ ...rest, state: 'pending' });
  }
  await tx.done;
  changed();
}

/** Removes an entry: after the server accepted it, or when the person chose to discard a refused one. */
export async function removeEntry(seq: number): Promise<void> {
  const db = await database();
  await db.delete('outbox', seq);
  changed();
}

import { ApiError, isApiError } from '../api/api-error.ts';
import { requestEmpty, requestJson } from '../api/request.ts';
import { isObject, parserOf } from '../api/shapes.ts';
import type { OutboxEntry } from './database.ts';
import { addToOutbox, markNeedsAttention, outboxEntries, recordAttempt, removeEntry } from './outbox.ts';

/**
 * Sends the outbox to the server, oldest first, one entry at a time.
 *
 * - A 2xx removes the entry. Creates carry the record's client-made id, and the server answers a
 *   replayed id with the original record, so a retry after a lost answer never duplicates.
 * - No network, a 5xx, 408, 409 (the same id still in flight) or 429: stop, and try again later with
 *   backoff (and at once when the browser comes back online).
 * - 401: stop; everything waits until the person signs in again. Nothing is dropped.
 * - Any other 4xx can never succeed as it is: the entry is kept as "needs attention" for the person to
 *   see, and the queue moves on.
 */

type Entry = OutboxEntry & { seq: number };

/** What happened to one entry in the last sync run. */
export type SendOutcome =
  | { type: 'sent'; record: unknown }
  | { type: 'refused'; error: ApiError }
  | { type: 'unauthenticated'; error: ApiError };

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 60_000;
const SYNC_INTERVAL_MS = 30_000;

let currentUserId: string | null = null;
let consecutiveFailures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
const outcomes = new Map<number, SendOutcome>();
const sentListeners = new Set<(kinds: ReadonlySet<string>) => void>();
const signedOutListeners = new Set<() => void>();

/** Whose entries may be sent: the signed-in person, or nobody. Set by the app as the session changes. */
export function setOutboxUser(userId: string | null): void {
  const changedUser = userId !== currentUserId;
  currentUserId = userId;
  if (changedUser && userId !== null) void syncOutbox();
}

export function outboxUser(): string | null {
  return currentUserId;
}

/** Brings what the device shows in line with a write the server accepted (its answer, if any). */
type AcceptedHandler = (entry: OutboxEntry, answer: unknown) => Promise<void>;
let acceptedHandler: AcceptedHandler | undefined;

/**
 * Sets what runs for each accepted write before it leaves the outbox (api/records.ts updates the
 * lists saved on this device), so a record never vanishes from the device between leaving the outbox
 * and the next successful read from the server.
 */
export function onWriteAccepted(handler: AcceptedHandler): void {
  acceptedHandler = handler;
}

/** Runs the accepted-write handler; a failure there must not hold up the queue (the server has it). */
async function accepted(entry: Entry, answer: unknown): Promise<void> {
  try {
    await acceptedHandler?.(entry, answer);
  } catch {
    // The next successful read from the server corrects the saved lists.
  }
}

/** Calls `listener` with the record kinds the server accepted after each run that sent something. */
export function onEntriesSent(listener: (kinds: ReadonlySet<string>) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

/** The server's answer to a create, update or restore: the stored record (parsed by the caller). */
const RecordAnswerSchema = parserOf<{ record: { id: string } }>(
  (answer) => isObject(answer) && isObject(answer.record) && typeof answer.record.id === 'string',
);

/** Calls `listener` when a send finds the session has ended (the entries stay for the next sign-in). */
export function onSessionEnded(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

async function sendEntry(entry: Entry): Promise<unknown> {
  if (entry.method === 'DELETE') {
    await requestEmpty('DELETE', entry.path);
    return undefined;
  }
  return (await requestJson(entry.method, entry.path, RecordAnswerSchema, entry.body)).record;
}

function isRetryable(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500 || [408, 409, 429].includes(error.status);
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

async function runOnce(): Promise<void> {
  const userId = currentUserId;
  if (userId === null || isOffline()) return;
  const entries = (await outboxEntries(userId)).filter((entry) => entry.state === 'pending');
  const sentKinds = new Set<string>();
  for (const entry of entries) {
    await recordAttempt(entry.seq);
    try {
      const record = await sendEntry(entry);
      await accepted(entry, record);
      await removeEntry(entry.seq);
      outcomes.set(entry.seq, { type: 'sent', record });
      sentKinds.add(entry.kind);
      consecutiveFailures = 0;
    } catch (caught) {
      const error = isApiError(caught) ? caught : new ApiError(0, 'network', String(caught));
      if (error.status >= 200 && error.status < 300) {
        // Accepted, but the answer did not parse: the server has it, so it leaves the outbox.
        await accepted(entry, undefined);
        await removeEntry(entry.seq);
        outcomes.set(entry.seq, { type: 'sent', record: undefined });
        sentKinds.add(entry.kind);
        continue;
      }
      if (entry.operation === 'delete' && error.status === 404) {
        // Deleting something the server does not have: what the person wanted is already true.
        await accepted(entry, undefined);
        await removeEntry(entry.seq);
        outcomes.set(entry.seq, { type: 'sent', record: undefined });
        continue;
      }
      if (error.status === 401) {
        outcomes.set(entry.seq, { type: 'unauthenticated', error });
        for (const listener of signedOutListeners) listener();
        break;
      }
      if (isRetryable(error)) {
        scheduleRetry();
        break;
      }
      await markNeedsAttention(entry.seq, error.message);
      outcomes.set(entry.seq, { type: 'refused', error });
    }
  }
  if (sentKinds.size > 0) for (const listener of sentListeners) listener(sentKinds);
}

function scheduleRetry(): void {
  consecutiveFailures += 1;
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (consecutiveFailures - 1));
  // Jitter, so many devices coming back after an outage do not all retry at the same moment.
  const delay = ceiling / 2 + Math.random() * (ceiling / 2);
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void syncOutbox(), delay);
}

/** Runs `task` holding a lock shared by every Sunlog tab, so two tabs never send the same entry at once. */
async function withTabLock(task: () => Promise<void>): Promise<void> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks === undefined) return task();
  await locks.request('sunlog-outbox', task);
}

let running: Promise<void> | undefined;
let queued: Promise<void> | undefined;

function start(): Promise<void> {
  const run = withTabLock(runOnce).finally(() => {
    if (running === run) running = undefined;
  });
  running = run;
  return run;
}

/**
 * Sends what is waiting. A call during a run queues one more run (which sees entries added meanwhile);
 * further calls share that queued run.
 */
export function syncOutbox(): Promise<void> {
  if (queued !== undefined) return queued;
  if (running === undefined) return start();
  const next = running
    .catch(() => undefined)
    .then(() => {
      queued = undefined;
      return start();
    });
  queued = next;
  return next;
}

/** How a write ended, as far as the person who just made it is concerned. */
export type WriteResult =
  | { type: 'sent'; record: unknown }
  /** Stored on this device and waiting to sync (offline, or the server is unreachable). */
  | { type: 'queued'; entry: Entry };

/**
 * Stores a write in the outbox, then tries to send it (after anything queued before it).
 * Resolves 'sent' with the server's record, or 'queued' when it is safely waiting on this device.
 * Throws the server's ApiError when the server refused it outright, so the form that made it can show
 * why (the entry is then removed: the person has seen the refusal, so nothing is dropped silently);
 * throws a 401 ApiError when the session has ended (the entry is kept until they sign in again).
 */
export async function submitWrite(
  write: Pick<OutboxEntry, 'kind' | 'recordId' | 'operation' | 'method' | 'path' | 'body'>,
): Promise<WriteResult> {
  const userId = currentUserId;
  if (userId === null) throw new ApiError(401, 'unauthenticated', 'Please sign in again.');
  const entry = await addToOutbox({
    ...write,
    userId,
    queuedAt: new Date().toISOString(),
    attempts: 0,
    state: 'pending',
  });
  await syncOutbox();
  const outcome = outcomes.get(entry.seq);
  outcomes.delete(entry.seq);
  if (outcome === undefined) return { type: 'queued', entry };
  switch (outcome.type) {
    case 'sent':
      return { type: 'sent', record: outcome.record };
    case 'refused':
      await removeEntry(entry.seq);
      throw outcome.error;
    case 'unauthenticated':
      throw outcome.error;
    default: {
      const unknown: never = outcome;
      return unknown;
    }
  }
}

let started = false;

/** Syncs now, whenever the browser comes back online, and every 30 seconds while anything waits. */
export function startOutboxSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => {
    consecutiveFailures = 0;
    clearTimeout(retryTimer);
    void syncOutbox();
  });
  setInterval(() => void syncOutbox(), SYNC_INTERVAL_MS);
  void syncOutbox();
}

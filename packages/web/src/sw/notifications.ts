/// <reference lib="webworker" />
import { outboxEntries } from '../offline/outbox.ts';
import { setOutboxUser, syncOutbox } from '../offline/sync.ts';
import { type DoseTakenOutcome, recordDoseTaken, savedPerson } from './dose-taken.ts';
import { ACTION_SNOOZE, ACTION_TAKEN, notificationFor } from './notification-view.ts';
import { parsePayload, type ReminderPayload, safePath } from './payload.ts';

/**
 * What the service worker does with reminder notifications: show them, and act on a tap (Taken,
 * Snooze 1 hour, or the body). Each handler takes the worker's scope, so the browser tests can run
 * them in the real registered worker (automation cannot tap a notification).
 */

/** The tag Background Sync runs the outbox under, when the browser offers it. */
export const OUTBOX_SYNC_TAG = 'sunlog-outbox';

/** The Background Sync API (Chromium only, so not in TypeScript's lib). */
interface BackgroundSync {
  register(tag: string): Promise<void>;
}

/** Messages to the open app (offline/service-worker.ts listens). */
export type WorkerMessage = { type: 'sunlog:records-changed' } | { type: 'sunlog:open'; url: string };

/** A push arrived: show it (a push that shows nothing is not allowed by browsers). */
export async function showPush(scope: ServiceWorkerGlobalScope, data: unknown): Promise<void> {
  const { title, options } = notificationFor(parsePayload(data));
  await scope.registration.showNotification(title, options);
}

/** Reads a push message's JSON; anything unreadable shows the plain fallback. */
export function pushData(event: PushEvent): unknown {
  try {
    return event.data?.json();
  } catch {
    return undefined;
  }
}

/** Sends what waits in the outbox for the person signed in here; if that cannot happen now, asks for a Background Sync. */
export async function syncSavedOutbox(scope: ServiceWorkerGlobalScope): Promise<void> {
  const me = await savedPerson();
  if (me === undefined) return;
  setOutboxUser(me.user.id);
  await syncOutbox();
  const waiting = (await outboxEntries(me.user.id)).some((entry) => entry.state === 'pending');
  const sync = (scope.registration as ServiceWorkerRegistration & { sync?: BackgroundSync }).sync;
  if (waiting && sync !== undefined) await sync.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}

/** Taken: record the dose through the outbox, tell any open Sunlog window, and try to send it. */
export async function takenFromNotification(
  scope: ServiceWorkerGlobalScope,
  payload: ReminderPayload,
): Promise<DoseTakenOutcome> {
  if (payload.dose === undefined) return 'not-recordable';
  const outcome = await recordDoseTaken(payload.dose);
  if (outcome === 'recorded') {
    await tellWindows(scope, { type: 'sunlog:records-changed' });
    await syncSavedOutbox(scope);
    await tellWindows(scope, { type: 'sunlog:records-changed' });
  }
  return outcome;
}

/** Snooze 1 hour: the server sends this reminder once more an hour from now. Quiet either way. */
export async function snoozeFromNotification(deliveryId: string): Promise<number> {
  try {
    const response = await fetch(`/api/v1/push/deliveries/${encodeURIComponent(deliveryId)}/snooze`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    return response.status;
  } catch {
    return 0;
  }
}

/** The body was tapped: bring an open Sunlog window forward and show the screen there, or open one. */
export async function openFromNotification(scope: ServiceWorkerGlobalScope, url: string): Promise<void> {
  const path = safePath(url);
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === scope.location.origin);
  if (open !== undefined) {
    const focused = await open.focus().catch(() => open);
    focused.postMessage({ type: 'sunlog:open', url: path } satisfies WorkerMessage);
    return;
  }
  await scope.clients.openWindow(path);
}

/** A tap on a notification or one of its actions. */
export async function handleNotificationClick(
  scope: ServiceWorkerGlobalScope,
  action: string,
  data: unknown,
): Promise<void> {
  const payload = parsePayload(data);
  if (action === ACTION_TAKEN) {
    const outcome = await takenFromNotification(scope, payload);
    if (outcome === 'recorded' || outcome === 'already-logged') return;
    // Not signed in here, or too late to record from a notification: let the person see Today.
  } else if (action === ACTION_SNOOZE && payload.deliveryId !== null) {
    await snoozeFromNotification(payload.deliveryId);
    return;
  }
  await openFromNotification(scope, payload.url);
}

async function tellWindows(scope: ServiceWorkerGlobalScope, message: WorkerMessage): Promise<void> {
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) client.postMessage(message);
}

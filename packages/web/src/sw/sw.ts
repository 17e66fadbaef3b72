/// <reference lib="webworker" />
import './zod-jitless.ts';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { keepSavedListsInStep } from '../api/records.ts';
import { onWriteAccepted } from '../offline/sync.ts';
import {
  handleNotificationClick,
  OUTBOX_SYNC_TAG,
  pushData,
  showPush,
  snoozeFromNotification,
  syncSavedOutbox,
  takenFromNotification,
} from './notifications.ts';
import { parsePayload } from './payload.ts';

/**
 * Sunlog's service worker (built by vite-plugin-pwa injectManifest; see vite.config.ts).
 *
 * 1. The app shell is precached so Sunlog opens with no network. Nothing under /api is ever cached:
 *    health data lives only in the server and, while offline, in the outbox (src/offline/).
 * 2. Reminder notifications: shown on `push`; Taken, Snooze 1 hour and a tap on the body handled on
 *    `notificationclick` (notifications.ts).
 */

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0] };

self.skipWaiting();
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Navigations get the cached shell, except what the server itself answers: the API, the health check,
// the metrics, calendar feeds and SMART Health Link endpoints (opening one of those in this browser
// must reach the server, not show the app).
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/(api|healthz|metrics|calendar|shl)(\/|$)/],
  }),
);

// A dose the worker sends joins the lists saved on this device, as the app's own writes do, so Today
// still shows it when opened offline after the entry has left the outbox.
onWriteAccepted(keepSavedListsInStep);

self.addEventListener('push', (event) => {
  event.waitUntil(showPush(self, pushData(event)));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(handleNotificationClick(self, event.action, event.notification.data));
});

// Background Sync, where the browser has it: a Taken recorded offline is sent when the network returns.
self.addEventListener('sync', (event) => {
  const sync = event as ExtendableEvent & { tag?: string };
  if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(syncSavedOutbox(self));
});

/**
 * The same handlers, reachable from the browser tests through the real registered worker: automation
 * cannot tap a notification. They do only what a tap does, for a page on Sunlog's own origin.
 */
Object.assign(self, {
  sunlogNotifications: {
    show: (data: unknown) => showPush(self, data),
    click: (action: string, data: unknown) => handleNotificationClick(self, action, data),
    taken: (data: unknown) => takenFromNotification(self, parsePayload(data)),
    snooze: (deliveryId: string) => snoozeFromNotification(deliveryId),
  },
});

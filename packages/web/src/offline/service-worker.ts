/// <reference types="vite-plugin-pwa/vanillajs" />
import { whenIdle } from '../idle.ts';

/**
 * Registers Sunlog's service worker (src/sw/sw.ts, built to dist/sw.js, scope "/"), which precaches the
 * app shell so Sunlog opens with no network, and shows reminder notifications. It never caches /api
 * (see vite.config.ts). Registered once the page has loaded and gone idle: installing the worker
 * downloads the whole precache, which must not compete with Today's first paint and first reads.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  whenIdle(() => {
    void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
  });
}

/** What the worker tells open windows (see src/sw/notifications.ts). */
export interface WorkerMessageHandlers {
  /** A notification's Taken added to (or sent from) the outbox: lists should read it again. */
  onRecordsChanged: () => void;
  /** A notification was tapped while Sunlog was open: show this same-origin path. */
  onOpen: (path: string) => void;
}

/** Listens to the service worker's messages; returns a function that stops listening. */
export function listenToServiceWorker(handlers: WorkerMessageHandlers): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  const onMessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    const message = data as { type?: unknown; url?: unknown };
    if (message.type === 'sunlog:records-changed') handlers.onRecordsChanged();
    if (
      message.type === 'sunlog:open' &&
      typeof message.url === 'string' &&
      /^\/(?![/\\])/.test(message.url)
    ) {
      handlers.onOpen(message.url);
    }
  };
  navigator.serviceWorker.addEventListener('message', onMessage);
  return () => navigator.serviceWorker.removeEventListener('message', onMessage);
}

import { createECDH, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';

/**
 * What the browser tests put in place of the browser's push service.
 *
 * `PushManager.subscribe` makes Chromium register with its vendor's push service over the internet
 * (Firebase Cloud Messaging); this machine has no internet, so in the test browser it never answers.
 * The stand-in replaces ONLY that: `subscribe`, `getSubscription` and `unsubscribe` return a
 * subscription with a real P-256 key and auth secret for an https endpoint. Everything else is real:
 * the permission (granted or not by the test), the registered service worker, the app's code and the
 * server that stores the subscription.
 */
export interface StandInSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export function newStandInSubscription(): StandInSubscription {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://push.example.test/sunlog-e2e/${randomBytes(12).toString('hex')}`,
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

/** Installs the stand-in in every page of the context (before any page script runs). */
export async function usePushServiceStandIn(page: Page, subscription: StandInSubscription): Promise<void> {
  await page.context().addInitScript((sub: StandInSubscription) => {
    const STORED = 'sunlog-e2e-push-subscription';
    const bytes = (key: unknown): ArrayBuffer => {
      if (typeof key !== 'string') return new Uint8Array(key as ArrayBuffer).slice().buffer;
      const base64 = key.replaceAll('-', '+').replaceAll('_', '/');
      const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
      return Uint8Array.from(binary, (char) => char.charCodeAt(0)).buffer;
    };
    const made = (serverKey: ArrayBuffer) => ({
      endpoint: sub.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: serverKey },
      getKey: () => null,
      toJSON: () => ({
        endpoint: sub.endpoint,
        expirationTime: null,
        keys: { p256dh: sub.p256dh, auth: sub.auth },
      }),
      unsubscribe: async () => {
        localStorage.removeItem(STORED);
        return true;
      },
    });
    const stored = () => {
      const key = localStorage.getItem(STORED);
      return key === null ? null : made(bytes(key));
    };
    PushManager.prototype.subscribe = async function subscribe(options?: PushSubscriptionOptionsInit) {
      const key = options?.applicationServerKey;
      if (typeof key !== 'string') throw new Error('the stand-in expects the key as base64url text');
      localStorage.setItem(STORED, key);
      return stored() as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function getSubscription() {
      return stored() as unknown as PushSubscription | null;
    };
  }, subscription);
}

/** Counts (without changing) every permission request and push subscription a page makes. */
export async function countPermissionAsks(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const counts = { permission: 0, subscribe: 0 };
    Object.assign(window, { sunlogE2eAsks: counts });
    const request = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = (...args: Parameters<typeof Notification.requestPermission>) => {
      counts.permission += 1;
      return request(...args);
    };
    if (!('PushManager' in window)) return;
    const subscribe = PushManager.prototype.subscribe;
    PushManager.prototype.subscribe = function counted(this: PushManager, ...args) {
      counts.subscribe += 1;
      return subscribe.apply(this, args);
    };
  });
}

export function permissionAsks(page: Page): Promise<{ permission: number; subscribe: number }> {
  return page.evaluate(
    () => (window as unknown as { sunlogE2eAsks: { permission: number; subscribe: number } }).sunlogE2eAsks,
  );
}

/** The person's push subscriptions as the server holds them (read through the API, never the UI). */
export async function subscriptionsOnServer(page: Page): Promise<{ id: string }[]> {
  const response = await page.request.get('/api/v1/push/subscriptions');
  if (!response.ok()) throw new Error(`GET subscriptions answered ${response.status()}`);
  return ((await response.json()) as { subscriptions: { id: string }[] }).subscriptions;
}

import { z } from 'zod';
import { requestEmpty, requestJson } from './request.ts';

/**
 * Web Push on this device: the server's routes (public key, subscriptions, test notification) and the
 * browser's side (permission, PushManager). Permission is asked for only from a person's own action
 * (turning a reminder on, or "Send a test notification"), never on load.
 */

const PublicKeySchema = z.object({ publicKey: z.string().min(1) });
const SubscriptionCreatedSchema = z.object({ id: z.string() });
const TestSentSchema = z.object({ sent: z.number().int().nonnegative() });
const SubscriptionListSchema = z.object({
  subscriptions: z.array(
    z.object({ id: z.string(), createdAt: z.string(), userAgent: z.string().optional() }),
  ),
});

export function getPushPublicKey(): Promise<string> {
  return requestJson('GET', '/push/public-key', PublicKeySchema).then((answer) => answer.publicKey);
}

export interface SubscriptionBody {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  expirationTime?: number | null;
}

export function saveSubscription(subscription: SubscriptionBody): Promise<{ id: string }> {
  return requestJson('POST', '/push/subscriptions', SubscriptionCreatedSchema, subscription);
}

export function deleteSubscription(endpoint: string): Promise<void> {
  return requestEmpty('DELETE', '/push/subscriptions', { endpoint });
}

export function listSubscriptions() {
  return requestJson('GET', '/push/subscriptions', SubscriptionListSchema).then(
    (answer) => answer.subscriptions,
  );
}

/** Asks the server to send a test notification to each of the person's devices; answers how many. */
export function sendTestNotification(): Promise<number> {
  return requestJson('POST', '/push/test', TestSentSchema).then((answer) => answer.sent);
}

/** Notifications on this device: on, blocked in the browser's settings, not asked (or dismissed), or impossible here. */
export type DevicePushState = 'on' | 'off' | 'blocked' | 'unsupported';

export function isPushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  return navigator.serviceWorker.getRegistration('/');
}

/** What this device does now, without asking anything. */
export async function devicePushState(): Promise<DevicePushState> {
  if (!isPushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  if (Notification.permission !== 'granted') return 'off';
  const subscription = await (await registration())?.pushManager.getSubscription();
  return subscription === null || subscription === undefined ? 'off' : 'on';
}

/** The browser's push service did not answer (it needs the internet); see turnOnDevicePush. */
export class PushServiceUnreachable extends Error {
  override readonly name = 'PushServiceUnreachable';
}

const SUBSCRIBE_TIMEOUT_MS = 20_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PushServiceUnreachable('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function base64UrlBytes(text: string): Uint8Array {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function sameKey(subscription: PushSubscription, publicKey: string): boolean {
  const current = subscription.options.applicationServerKey;
  if (current === null) return false;
  const a = new Uint8Array(current);
  const b = base64UrlBytes(publicKey);
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function subscriptionBody(subscription: PushSubscription): SubscriptionBody {
  const json = subscription.toJSON();
  const keys = json.keys ?? {};
  return {
    endpoint: subscription.endpoint,
    keys: { p256dh: keys.p256dh ?? '', auth: keys.auth ?? '' },
    expirationTime: subscription.expirationTime,
  };
}

/**
 * Turns notifications on for this device: asks the browser's permission if it has not been given (so
 * call this only from the person's own action), subscribes with the server's key and saves the
 * subscription on the server. Saving again is harmless: the server keeps one row per endpoint.
 */
export async function turnOnDevicePush(): Promise<DevicePushState> {
  if (!isPushSupported()) return 'unsupported';
  const permission =
    Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  if (permission === 'denied') return 'blocked';
  if (permission !== 'granted') return 'off';
  const worker = await withTimeout(navigator.serviceWorker.ready, SUBSCRIBE_TIMEOUT_MS);
  const publicKey = await getPushPublicKey();
  let subscription = await worker.pushManager.getSubscription();
  if (subscription !== null && !sameKey(subscription, publicKey)) {
    // Made with another server key (a different server, or keys made anew): it can never be used.
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await withTimeout(
    worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey }),
    SUBSCRIBE_TIMEOUT_MS,
  );
  await saveSubscription(subscriptionBody(subscription));
  return 'on';
}

/**
 * Turns notifications off for this device: the server forgets the subscription, then the browser
 * drops it. Permission stays as the person set it (only they can change it, in the browser).
 */
export async function turnOffDevicePush(): Promise<DevicePushState> {
  if (!isPushSupported()) return 'unsupported';
  const subscription = await (await registration())?.pushManager.getSubscription();
  if (subscription !== null && subscription !== undefined) {
    try {
      await deleteSubscription(subscription.endpoint);
    } finally {
      // Even when the server could not be told (offline): once the browser drops it, the push service
      // answers the server "gone" and the server removes it then.
      await subscription.unsubscribe();
    }
  }
  return Notification.permission === 'denied' ? 'blocked' : 'off';
}

/**
 * At sign-out: this device stops receiving the person's reminders, and the ones still shown are closed,
 * so a Taken tapped later cannot be recorded for whoever signs in next.
 */
export async function forgetDevicePush(): Promise<void> {
  if (!isPushSupported()) return;
  const shown = (await (await registration())?.getNotifications()) ?? [];
  for (const notification of shown) notification.close();
  await turnOffDevicePush();
}

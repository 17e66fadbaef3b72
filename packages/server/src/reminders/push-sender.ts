import type { Agent } from 'node:https';
import type { ReminderNotification } from '@sunlog/core/reminders/notification';
import webpush from 'web-push';
import type { VapidKeys } from './vapid.ts';

/** Where and to whom one notification goes. */
export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** What the push service said: delivered, gone for good (404/410: forget the subscription), or failed. */
export type PushOutcome = { ok: true } | { ok: false; gone: boolean; reason: string };

export type PushSender = (target: PushTarget, notification: ReminderNotification) => Promise<PushOutcome>;

/** How long one request to a push service may take before it counts as failed. */
export const PUSH_TIMEOUT_MS = 10_000;
/** How long the push service keeps a notification for a device that is offline: a reminder is stale after an hour. */
export const PUSH_TTL_SECONDS = 3_600;

export interface WebPushSenderOptions {
  vapid: VapidKeys;
  /** The VAPID `sub` claim: an https: URL or mailto: address the push service can reach the operator at. */
  subject: string;
  timeoutMs?: number;
  ttlSeconds?: number;
  /** The https agent for push service requests (tests pass one that trusts their receiver's certificate). */
  agent?: Agent;
}

/**
 * Sends with `web-push`: it signs the VAPID JWT (RFC 8292) and encrypts the JSON payload (RFC 8291,
 * aes128gcm). A request that takes longer than the timeout is abandoned and counts as failed.
 */
export function webPushSender(options: WebPushSenderOptions): PushSender {
  const authorization = vapidAuthorizationCache(options);
  return async (target, notification) => {
    try {
      await webpush.sendNotification(
        { endpoint: target.endpoint, keys: target.keys },
        JSON.stringify(notification),
        {
          // No vapidDetails: the header is signed once per push service and reused (see below).
          headers: { Authorization: authorization(new URL(target.endpoint).origin) },
          TTL: options.ttlSeconds ?? PUSH_TTL_SECONDS,
          timeout: options.timeoutMs ?? PUSH_TIMEOUT_MS,
          urgency: 'high',
          ...(options.agent === undefined ? {} : { agent: options.agent }),
        },
      );
      return { ok: true };
    } catch (error) {
      if (error instanceof webpush.WebPushError) {
        const gone = error.statusCode === 404 || error.statusCode === 410;
        return { ok: false, gone, reason: `push service answered ${error.statusCode}` };
      }
      return { ok: false, gone: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** How long a signed VAPID JWT is valid (RFC 8292 allows up to 24 hours), and how long it is reused. */
const VAPID_JWT_LIFETIME_SECONDS = 12 * 60 * 60;
const VAPID_JWT_REUSE_MS = 60 * 60_000;

/**
 * The `Authorization: vapid t=…, k=…` header per push service origin (the JWT's `aud`), signed by
 * web-push and reused for an hour: signing ES256 for every notification is most of a send's CPU time.
 */
function vapidAuthorizationCache(options: WebPushSenderOptions): (audience: string) => string {
  const cache = new Map<string, { header: string; renewAt: number }>();
  return (audience) => {
    const nowMs = Date.now();
    const cached = cache.get(audience);
    if (cached !== undefined && cached.renewAt > nowMs) return cached.header;
    const headers = webpush.getVapidHeaders(
      audience,
      options.subject,
      options.vapid.publicKey,
      options.vapid.privateKey,
      'aes128gcm',
      Math.floor(nowMs / 1000) + VAPID_JWT_LIFETIME_SECONDS,
    );
    cache.set(audience, { header: headers.Authorization, renewAt: nowMs + VAPID_JWT_REUSE_MS });
    return headers.Authorization;
  };
}

/**
 * The VAPID subject: PUBLIC_URL when it is https and not localhost (push services want a way to reach
 * the operator), otherwise a mailto: address at a reserved domain, which web-push accepts.
 */
export function vapidSubject(publicUrl: string): string {
  const url = new URL(publicUrl);
  if (url.protocol === 'https:' && url.hostname !== 'localhost') return url.origin;
  return 'mailto:operator@sunlog.invalid';
}

import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import type { RequestMeta } from '../request-meta.ts';

/** A device id: 256 random bits, base64url (what the device cookie holds). */
const DEVICE_ID_BYTES = 32;
const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The devices a person has signed in from, so that a sign-in from a new one shows in their account
 * activity (`account.sign-in-new-device`): someone who learned the password and signs in elsewhere leaves
 * a visible trace. A device is a browser profile, known by a random id in a long-lived HttpOnly cookie
 * (see http/device-cookie.ts), not by its user agent or address, which change with every update and
 * network and are shared by many people. Clearing cookies makes a known device new again, which errs
 * on the side of telling.
 */
export class KnownDevices {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  readonly #onNewDevice: ((userId: string, at: Date) => Promise<void>) | undefined;

  /** `onNewDevice`: told after a sign-in from a new device (a notice by mail, when mail is set up). */
  constructor(deps: {
    db: Kysely<Database>;
    clock: Clock;
    audit: AuditLog;
    onNewDevice?: (userId: string, at: Date) => Promise<void>;
  }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#onNewDevice = deps.onNewDevice;
  }

  /** Remembers the device a person registered on (no notice: it is their first). Answers its id. */
  async rememberFirst(userId: string, cookieValue: string | undefined): Promise<string> {
    const deviceId = validDeviceId(cookieValue) ?? newDeviceId();
    await this.#insert(userId, deviceId);
    return deviceId;
  }

  /**
   * After a successful sign-in: a device this person has not signed in from before is remembered and the
   * sign-in is recorded as `account.sign-in-new-device`. Answers the device's id, for the cookie.
   */
  async noteSignIn(userId: string, cookieValue: string | undefined, meta: RequestMeta): Promise<string> {
    const deviceId = validDeviceId(cookieValue) ?? newDeviceId();
    if (await this.#insert(userId, deviceId)) {
      await this.#audit.record(this.#db, {
        action: 'account.sign-in-new-device',
        outcome: 'success',
        userId,
        requestId: meta.requestId,
        detail: { address: meta.address },
      });
      await this.#onNewDevice?.(userId, this.#clock());
    }
    return deviceId;
  }

  /** True when the device was new to this person (a row was added). */
  async #insert(userId: string, deviceId: string): Promise<boolean> {
    const rows = await this.#db
      .insertInto('known_devices')
      .values({
        user_id: userId,
        device_hash: deviceHash(userId, deviceId),
        first_seen_at: this.#clock().toISOString(),
      })
      .onConflict((oc) => oc.columns(['user_id', 'device_hash']).doNothing())
      .returning('device_hash')
      .execute();
    return rows.length > 0;
  }
}

/** Keyed by the person too, so one browser used by two accounts leaves no common value in the table. */
function deviceHash(userId: string, deviceId: string): string {
  return createHash('sha256').update(`${userId}:${deviceId}`).digest('hex');
}

function validDeviceId(value: string | undefined): string | undefined {
  return value !== undefined && DEVICE_ID_PATTERN.test(value) ? value : undefined;
}

function newDeviceId(): string {
  return randomBytes(DEVICE_ID_BYTES).toString('base64url');
}

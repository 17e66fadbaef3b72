import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts/service.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import { loadServerKey } from '../db/server-keys.ts';
import type { Database } from '../db/tables.ts';
import type { RecordService } from '../records/service.ts';
import type { RequestMeta } from '../request-meta.ts';
import { calendarFeed } from './ical.ts';

/**
 * Private calendar feeds. The feed URL holds a 256-bit secret. The database keeps its SHA-256 hash (to
 * find the feed) and a random feed id; the secret is HMAC-SHA256(key, feed id) with a server key kept in
 * `server_keys`, so Settings can show the same URL again and every server process derives the same one.
 * Rotating draws a new feed id: the old URL answers 404 at once.
 */

const KEY_NAME = 'calendar-feed';
const KEY_BYTES = 32;
/** What a feed secret looks like in a URL: 43 base64url characters (256 bits). */
export const FEED_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The calendar key, made on first use and kept in the database. */
export async function loadCalendarKey(db: Kysely<Database>, now: Date): Promise<Buffer> {
  const stored = await loadServerKey(db, KEY_NAME, () => randomBytes(KEY_BYTES).toString('base64url'), now);
  const key = Buffer.from(stored, 'base64url');
  if (key.length !== KEY_BYTES) throw new Error(`server key ${KEY_NAME} is not a calendar key`);
  return key;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export class CalendarService {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  readonly #accounts: AccountService;
  readonly #records: RecordService;
  /** Read (or made) on first use. */
  #key: Promise<Buffer> | undefined;

  constructor(deps: {
    db: Kysely<Database>;
    clock: Clock;
    audit: AuditLog;
    accounts: AccountService;
    records: RecordService;
  }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#accounts = deps.accounts;
    this.#records = deps.records;
  }

  async #secretOf(feedId: string): Promise<string> {
    this.#key ??= loadCalendarKey(this.#db, this.#clock());
    const key = await this.#key.catch((error: unknown) => {
      this.#key = undefined; // try again next time rather than remember a failure
      throw error;
    });
    return createHmac('sha256', key).update(feedId).digest('base64url');
  }

  /** The person's feed secret, creating the feed on first call. */
  async secretFor(userId: string): Promise<string> {
    const existing = await this.#db
      .selectFrom('calendar_feeds')
      .select('feed_id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (existing !== undefined) return this.#secretOf(existing.feed_id);
    const feedId = randomBytes(16).toString('base64url');
    const secret = await this.#secretOf(feedId);
    // Two first calls at once: one insert wins, both read the winner.
    await this.#db
      .insertInto('calendar_feeds')
      .values({ user_id: userId, feed_id: feedId, secret_hash: hashOf(secret), created_at: this.#now() })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    return this.secretFor(userId);
  }

  /** A new secret for the person; the old one stops working at once. Recorded in the account activity. */
  async rotate(userId: string, meta: RequestMeta): Promise<string> {
    const feedId = randomBytes(16).toString('base64url');
    const secret = await this.#secretOf(feedId);
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('calendar_feeds')
        .values({ user_id: userId, feed_id: feedId, secret_hash: hashOf(secret), created_at: this.#now() })
        .onConflict((oc) =>
          oc
            .column('user_id')
            .doUpdateSet({ feed_id: feedId, secret_hash: hashOf(secret), created_at: this.#now() }),
        )
        .execute();
      await this.#audit.record(trx, {
        action: 'calendar.rotate',
        outcome: 'success',
        userId,
        requestId: meta.requestId,
      });
    });
    return secret;
  }

  /** The feed for a secret, or undefined for one that is wrong or was replaced. */
  async feedFor(secret: string): Promise<string | undefined> {
    if (!FEED_SECRET_PATTERN.test(secret)) return undefined;
    const row = await this.#db
      .selectFrom('calendar_feeds')
      .select(['user_id', 'feed_id'])
      .where('secret_hash', '=', hashOf(secret))
      .executeTakeFirst();
    if (row === undefined) return undefined;
    // The hash matched; confirm against the derived secret too, in constant time.
    const expected = Buffer.from(await this.#secretOf(row.feed_id));
    const given = Buffer.from(secret);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;

    const profile = await this.#accounts.getProfileIn(this.#db, row.user_id);
    const { records } = await this.#records.readAll(row.user_id);
    const lastBloodTestDate =
      records.labResults
        .filter((result) => result.analyte === '25-hydroxyvitamin-d-total')
        .map((result) => result.sampleDate)
        .sort()
        .at(-1) ?? null;
    return calendarFeed({
      preferences: profile.reminders,
      regimens: records.regimens,
      timeZone: profile.timeZone,
      intakeUnit: profile.intakeUnit,
      locale: profile.locale,
      intakes: records.intakes,
      lastBloodTestDate,
      now: this.#clock().getTime(),
    });
  }

  #now(): string {
    return this.#clock().toISOString();
  }
}

import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';

/** How long sign-in attempts are remembered, counted from the first attempt in a window. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/**
 * Failed sign-ins allowed per (account, address) pair in a window. Keyed by the pair, not the account
 * alone, so someone guessing from elsewhere cannot lock the person out of their own journal.
 * See: OWASP Authentication Cheat Sheet, "Protect against automated attacks".
 */
export const SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS = 5;

/**
 * Failed sign-ins allowed for one account from all addresses together in a window, so guessing from
 * many addresses is bounded too (ten addresses would otherwise get 50 guesses). The owner sees it trip
 * in their account activity.
 */
export const SIGN_IN_LIMIT_PER_ACCOUNT = 20;

/** Failed sign-ins allowed from one address across all accounts in a window (password spraying). */
export const SIGN_IN_LIMIT_PER_ADDRESS = 30;

/**
 * Limits sign-in attempts with counters in the database, so several server instances share them.
 * Every attempt is counted up front in one atomic upsert (no check-then-act race between parallel
 * guesses); a successful sign-in gives its attempt back, so in effect only failures count.
 */
export class SignInLimiter {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #registrationsPerAddress: number;

  /**
   * `registrationsPerAddress`: new accounts allowed from one address (IPv6: one /64) per window. An MS
   * journal is itself health information, so trying address after address to learn who has an account
   * must be slow. See: OWASP Authentication Cheat Sheet, "Account enumeration".
   */
  constructor(db: Kysely<Database>, clock: Clock, registrationsPerAddress: number) {
    this.#db = db;
    this.#clock = clock;
    this.#registrationsPerAddress = registrationsPerAddress;
  }

  /** Counts an attempt for this email from this address; throws `rate-limited` when over a limit. */
  async admit(email: string, rawAddress: string): Promise<void> {
    const address = addressBucket(rawAddress);
    const now = this.#clock();
    const cutoff = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
    await this.#db.deleteFrom('rate_limits').where('window_start', '<=', cutoff).execute();

    const checks = [
      { key: pairKey(email, address), limit: SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS },
      { key: addressKey(address), limit: SIGN_IN_LIMIT_PER_ADDRESS },
      { key: accountKey(email), limit: SIGN_IN_LIMIT_PER_ACCOUNT },
    ];
    let retryAfterMs = 0;
    let accountWide = false;
    for (const { key, limit } of checks) {
      const counter = await this.#count(key, now, cutoff);
      if (counter.count > limit) {
        const windowEnds = Date.parse(counter.window_start) + SIGN_IN_WINDOW_MS;
        retryAfterMs = Math.max(retryAfterMs, windowEnds - now.getTime());
        if (key === accountKey(email)) accountWide = true;
      }
    }
    if (retryAfterMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw new SignInRateLimited(
        `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
        retryAfterSeconds,
        accountWide,
      );
    }
  }

  /** Counts a registration from this address; throws `rate-limited` over the limit (every attempt counts). */
  async admitRegistration(rawAddress: string): Promise<void> {
    const now = this.#clock();
    const cutoff = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
    await this.#db.deleteFrom('rate_limits').where('window_start', '<=', cutoff).execute();
    const counter = await this.#count(`register:address:${addressBucket(rawAddress)}`, now, cutoff);
    if (counter.count <= this.#registrationsPerAddress) return;
    const retryAfterMs = Date.parse(counter.window_start) + SIGN_IN_WINDOW_MS - now.getTime();
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new SunlogError(
      'rate-limited',
      `Too many new accounts from this network. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
      { retryAfterSeconds },
    );
  }

  /**
   * Counts a passkey sign-in attempt from this address (IPv6: its /64); throws `rate-limited` over the
   * per-address sign-in limit. A passkey cannot be guessed, but each attempt costs a signature check.
   */
  async admitPasskey(rawAddress: string): Promise<void> {
    const now = this.#clock();
    const cutoff = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
    await this.#db.deleteFrom('rate_limits').where('window_start', '<=', cutoff).execute();
    const counter = await this.#count(`passkey:address:${addressBucket(rawAddress)}`, now, cutoff);
    if (counter.count <= SIGN_IN_LIMIT_PER_ADDRESS) return;
    const retryAfterMs = Date.parse(counter.window_start) + SIGN_IN_WINDOW_MS - now.getTime();
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new SunlogError(
      'rate-limited',
      `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
      { retryAfterSeconds },
    );
  }

  /**
   * Gives back what a successful passkey sign-in counted (asking for options, then answering), so only
   * failed or abandoned attempts use up the address's allowance.
   */
  async passkeySucceeded(rawAddress: string): Promise<void> {
    await this.#db
      .updateTable('rate_limits')
      .set({ count: sql<number>`case when count > 2 then count - 2 else 0 end` })
      .where('key', '=', `passkey:address:${addressBucket(rawAddress)}`)
      .execute();
  }

  /** Forgets the pair's failures and gives back the address's attempt after a successful sign-in. */
  async succeeded(email: string, rawAddress: string): Promise<void> {
    const address = addressBucket(rawAddress);
    await this.#db
      .deleteFrom('rate_limits')
      .where('key', 'in', [pairKey(email, address), accountKey(email)])
      .execute();
    await this.#db
      .updateTable('rate_limits')
      .set({ count: sql<number>`count - 1` })
      .where('key', '=', addressKey(address))
      .where('count', '>', 0)
      .execute();
  }

  async #count(key: string, now: Date, cutoff: string): Promise<{ count: number; window_start: string }> {
    return countInWindow(this.#db, key, now, cutoff);
  }
}

/**
 * Counts one attempt under `key` in one atomic upsert and answers the count and when its window began.
 * A counter whose window began at or before `cutoff` starts again at 1 from now. Shared by every limit
 * kept in `rate_limits` (sign-ins here, shared-link manifests in shares/access-limit.ts).
 */
export async function countInWindow(
  db: Kysely<Database>,
  key: string,
  now: Date,
  cutoff: string,
): Promise<{ count: number; window_start: string }> {
  const nowIso = now.toISOString();
  return db
    .insertInto('rate_limits')
    .values({ key, window_start: nowIso, count: 1 })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start > ${cutoff} then rate_limits.count + 1 else 1 end`,
        window_start: sql<string>`case when rate_limits.window_start > ${cutoff} then rate_limits.window_start else ${nowIso} end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
}

/** Emails are hashed so the counters table holds no email address. */
function pairKey(email: string, address: string): string {
  return `${pairKeyPrefix(email)}${address}`;
}

/**
 * The start of every counter key derived from this email: how account deletion finds the person's
 * counters (see db/personal-data.ts).
 */
export function pairKeyPrefix(email: string): string {
  const emailHash = createHash('sha256').update(email).digest('hex');
  return `sign-in:pair:${emailHash}:`;
}

/** Counts every address of the account together; starts with `pairKeyPrefix` so deletion erases it. */
function accountKey(email: string): string {
  return `${pairKeyPrefix(email)}all-addresses`;
}

/**
 * The address as the limits count it: IPv4 as it is (an IPv4-mapped IPv6 address as its IPv4), IPv6 by
 * its /64, the block one subscriber usually gets, so stepping through the block does not reset a limit.
 */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = address.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = address.includes('::')
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Too many sign-ins; `accountWide` when the account's own limit (across addresses) was passed. */
export class SignInRateLimited extends SunlogError {
  readonly accountWide: boolean;

  constructor(message: string, retryAfterSeconds: number, accountWide: boolean) {
    super('rate-limited', message, { retryAfterSeconds });
    this.accountWide = accountWide;
  }
}

function addressKey(address: string): string {
  return `sign-in:address:${address}`;
}

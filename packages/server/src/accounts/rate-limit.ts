import { createHash } from 'node:crypto';
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

  constructor(db: Kysely<Database>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Counts an attempt for this email from this address; throws `rate-limited` when over a limit. */
  async admit(email: string, address: string): Promise<void> {
    const now = this.#clock();
    const cutoff = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
    await this.#db.deleteFrom('rate_limits').where('window_start', '<=', cutoff).execute();

    const checks = [
      { key: pairKey(email, address), limit: SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS },
      { key: addressKey(address), limit: SIGN_IN_LIMIT_PER_ADDRESS },
    ];
    let retryAfterMs = 0;
    for (const { key, limit } of checks) {
      const counter = await this.#count(key, now, cutoff);
      if (counter.count > limit) {
        const windowEnds = Date.parse(counter.window_start) + SIGN_IN_WINDOW_MS;
        retryAfterMs = Math.max(retryAfterMs, windowEnds - now.getTime());
      }
    }
    if (retryAfterMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw new SunlogError(
        'rate-limited',
        `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
        { retryAfterSeconds },
      );
    }
  }

  /** Forgets the pair's failures and gives back the address's attempt after a successful sign-in. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.#db.deleteFrom('rate_limits').where('key', '=', pairKey(email, address)).execute();
    await this.#db
      .updateTable('rate_limits')
      .set({ count: sql<number>`count - 1` })
      .where('key', '=', addressKey(address))
      .where('count', '>', 0)
      .execute();
  }

  async #count(key: string, now: Date, cutoff: string): Promise<{ count: number; window_start: string }> {
    const nowIso = now.toISOString();
    // A counter whose window has passed starts again at 1 from now; otherwise it counts on.
    return this.#db
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

function addressKey(address: string): string {
  return `sign-in:address:${address}`;
}

import type { Kysely } from 'kysely';
import { addressBucket, countInWindow } from '../accounts/rate-limit.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';

/**
 * The window manifest requests are counted in. The same length as the sign-in window, because both
 * share `rate_limits` and each limiter sweeps counters older than its window.
 */
export const MANIFEST_WINDOW_MS = 15 * 60_000;

/**
 * Manifest requests allowed from one address in a window, across all links: a viewer makes one per
 * opening, so this leaves room for a clinic behind one address while bounding anyone probing for ids.
 */
export const MANIFEST_LIMIT_PER_ADDRESS = 60;

/** Manifest requests allowed for one link in a window, from all addresses together. */
export const MANIFEST_LIMIT_PER_LINK = 30;

/**
 * Limits manifest requests per address and per link with counters in `rate_limits` (so several server
 * instances share them). Keys hold the address bucket and the link's manifest-id hash, never an account.
 */
export class ManifestLimiter {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;

  constructor(db: Kysely<Database>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Counts a manifest request; throws `rate-limited` (with seconds to wait) when over a limit. */
  async admit(rawAddress: string, manifestIdHash: string): Promise<void> {
    const now = this.#clock();
    const cutoff = new Date(now.getTime() - MANIFEST_WINDOW_MS).toISOString();
    await this.#db
      .deleteFrom('rate_limits')
      .where('window_start', '<=', cutoff)
      .where('key', 'like', 'shl:%')
      .execute();
    const checks = [
      { key: `shl:address:${addressBucket(rawAddress)}`, limit: MANIFEST_LIMIT_PER_ADDRESS },
      { key: `shl:link:${manifestIdHash}`, limit: MANIFEST_LIMIT_PER_LINK },
    ];
    let retryAfterMs = 0;
    for (const { key, limit } of checks) {
      const counter = await countInWindow(this.#db, key, now, cutoff);
      if (counter.count > limit) {
        const windowEnds = Date.parse(counter.window_start) + MANIFEST_WINDOW_MS;
        retryAfterMs = Math.max(retryAfterMs, windowEnds - now.getTime());
      }
    }
    if (retryAfterMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      throw new SunlogError('rate-limited', 'Too many requests for shared links. Try again later.', {
        retryAfterSeconds,
      });
    }
  }
}

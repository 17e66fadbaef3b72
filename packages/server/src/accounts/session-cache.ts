import type { Session, User } from './store.ts';

/**
 * How long a checked session is trusted without reading the database again. Sign-out on this process
 * evicts at once; on another process sharing the database, a signed-out session stops working within
 * this long. One second keeps that window short while sparing a query per request under load.
 */
export const SESSION_CACHE_TTL_MS = 1_000;

/** How many sessions are held at most; the oldest entry goes first. */
export const SESSION_CACHE_SIZE = 10_000;

/** A checked session and its person. */
export interface CachedAuthentication {
  session: Session;
  user: User;
}

interface Entry {
  auth: CachedAuthentication;
  /** Monotonic milliseconds after which the entry is no longer trusted. */
  until: number;
}

/**
 * A small in-process cache of authenticated sessions by token hash: bounded in size and in age.
 * Answers copies, so one request marking its session (re-authentication) never changes another's.
 *
 * Every eviction moves `generation` on. A check that read the database before an eviction and stores
 * its result after it passes the generation it started with, and is not stored: a sign-out that ran
 * meanwhile is never undone by a slower request.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #capacity: number;
  readonly #now: () => number;
  #generation = 0;
  hits = 0;
  misses = 0;

  constructor(options: { ttlMs?: number; capacity?: number; now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? SESSION_CACHE_TTL_MS;
    this.#capacity = options.capacity ?? SESSION_CACHE_SIZE;
    this.#now = options.now ?? (() => performance.now());
  }

  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(tokenHash: string): CachedAuthentication | undefined {
    const entry = this.#entries.get(tokenHash);
    if (entry === undefined || this.#now() >= entry.until) {
      if (entry !== undefined) this.#entries.delete(tokenHash);
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    return copy(entry.auth);
  }

  /** Stores a checked session, unless an eviction happened since `generation` was read. */
  set(tokenHash: string, auth: CachedAuthentication, generation: number): void {
    if (generation !== this.#generation) return;
    this.#entries.delete(tokenHash);
    this.#entries.set(tokenHash, { auth: copy(auth), until: this.#now() + this.#ttlMs });
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
  }

  /** Forgets one session (signed out, revoked, or its record changed). */
  evictSession(sessionId: string): void {
    this.#generation += 1;
    for (const [tokenHash, entry] of this.#entries) {
      if (entry.auth.session.id === sessionId) this.#entries.delete(tokenHash);
    }
  }

  /** Forgets every session of one person (the account was deleted). */
  evictUser(userId: string): void {
    this.#generation += 1;
    for (const [tokenHash, entry] of this.#entries) {
      if (entry.auth.user.id === userId) this.#entries.delete(tokenHash);
    }
  }
}

function copy(auth: CachedAuthentication): CachedAuthentication {
  return { session: { ...auth.session }, user: { ...auth.user } };
}

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import type { RequestMeta } from '../request-meta.ts';

/** A browser's push subscription as the Push API gives it (PushSubscription.toJSON()). */
export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  expirationTime?: number | null | undefined;
}

/** What the person sees of a subscription: never its keys. */
export interface PushSubscriptionSummary {
  id: string;
  createdAt: string;
  userAgent?: string;
}

/** What sending needs: where, and the keys to encrypt to. */
export interface StoredPushSubscription {
  id: string;
  userId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * The browsers that agreed to notifications. An endpoint belongs to one person at a time: subscribing
 * it again keeps its row, and subscribing it from another account moves it there (the browser has one
 * subscription per site, so the last person signed in on it gets the notifications).
 */
export class PushSubscriptionService {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  readonly #audit: AuditLog;

  constructor(deps: { db: Kysely<Database>; clock: Clock; audit: AuditLog }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
  }

  /** Saves the subscription for the person; returns its id and whether it is new to them. */
  async subscribe(
    userId: string,
    input: PushSubscriptionInput,
    meta: RequestMeta,
  ): Promise<{ id: string; created: boolean }> {
    const now = this.#clock().toISOString();
    const expiration =
      input.expirationTime === undefined || input.expirationTime === null
        ? null
        : new Date(input.expirationTime).toISOString();
    return this.#db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('push_subscriptions')
        .select(['id', 'user_id'])
        .where('endpoint', '=', input.endpoint)
        .executeTakeFirst();
      const id = existing?.id ?? randomUUID();
      await trx
        .insertInto('push_subscriptions')
        .values({
          id,
          user_id: userId,
          endpoint: input.endpoint,
          p256dh: input.keys.p256dh,
          auth: input.keys.auth,
          expiration_time: expiration,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
          created_at: now,
        })
        .onConflict((oc) =>
          oc.column('endpoint').doUpdateSet({
            user_id: userId,
            p256dh: input.keys.p256dh,
            auth: input.keys.auth,
            expiration_time: expiration,
            user_agent: meta.userAgent?.slice(0, 300) ?? null,
          }),
        )
        .execute();
      const row = await trx
        .selectFrom('push_subscriptions')
        .select('id')
        .where('endpoint', '=', input.endpoint)
        .executeTakeFirstOrThrow();
      const created = existing?.user_id !== userId;
      if (created) {
        await this.#audit.record(trx, {
          action: 'push.subscribe',
          outcome: 'success',
          userId,
          requestId: meta.requestId,
        });
      }
      return { id: row.id, created };
    });
  }

  /** Removes the person's subscription for `endpoint`; nothing to remove is not an error. */
  async unsubscribe(userId: string, endpoint: string, meta: RequestMeta): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('push_subscriptions')
        .where('user_id', '=', userId)
        .where('endpoint', '=', endpoint)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) > 0) {
        await this.#audit.record(trx, {
          action: 'push.unsubscribe',
          outcome: 'success',
          userId,
          requestId: meta.requestId,
        });
      }
    });
  }

  /** The person's subscriptions, oldest first, without keys. */
  async list(userId: string): Promise<PushSubscriptionSummary[]> {
    const rows = await this.#db
      .selectFrom('push_subscriptions')
      .select(['id', 'created_at', 'user_agent'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      ...(row.user_agent === null ? {} : { userAgent: row.user_agent }),
    }));
  }

  /** Every subscription of these people, for sending. */
  async forUsers(userIds: readonly string[]): Promise<StoredPushSubscription[]> {
    const found: StoredPushSubscription[] = [];
    for (let i = 0; i < userIds.length; i += CHUNK) {
      const rows = await this.#db
        .selectFrom('push_subscriptions')
        .select(['id', 'user_id', 'endpoint', 'p256dh', 'auth'])
        .where('user_id', 'in', userIds.slice(i, i + CHUNK))
        .orderBy('created_at')
        .execute();
      for (const row of rows) {
        found.push({
          id: row.id,
          userId: row.user_id,
          endpoint: row.endpoint,
          keys: { p256dh: row.p256dh, auth: row.auth },
        });
      }
    }
    return found;
  }

  /** Forgets a subscription the push service says is gone (404/410). */
  async remove(id: string): Promise<void> {
    await this.#db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
  }
}

/** How many ids go in one `IN (…)`, well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

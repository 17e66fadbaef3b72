import { randomUUID } from 'node:crypto';
import {
  type ActivityAction,
  type ActivityEntry,
  ActivityEntrySchema,
  type ActivityOutcome,
  type ActivityPage,
} from '@sunlog/core/records/account-activity';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';
import { encodeCursor, readCursor } from '../page-cursor.ts';

/** What happened, as a stable dotted name (shared with the web app through core). */
export type AuditAction = ActivityAction;

export type AuditOutcome = ActivityOutcome;

/** Detail values are short facts (reasons, field names, addresses) — never passwords, tokens or health values. */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export interface AuditEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  userId: string | null;
  requestId: string | null;
  detail?: AuditDetail;
}

/** The append-only audit trail: who did what, when (UTC), with what outcome. */
export class AuditLog {
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Appends one event; pass the transaction of the operation it describes so both commit together. */
  async record(executor: Kysely<Database>, event: AuditEvent): Promise<void> {
    await executor
      .insertInto('audit_events')
      .values({
        id: randomUUID(),
        at: this.#clock().toISOString(),
        user_id: event.userId,
        action: event.action,
        outcome: event.outcome,
        request_id: event.requestId,
        detail: JSON.stringify(event.detail ?? {}),
      })
      .execute();
  }

  /** The person's whole trail, newest first (for the export). */
  async readAllFor(executor: Kysely<Database>, userId: string): Promise<ActivityEntry[]> {
    const rows = await executor
      .selectFrom('audit_events')
      .select(['id', 'at', 'action', 'outcome', 'detail'])
      .where('user_id', '=', userId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toActivityEntry);
  }

  /** The person's own trail, newest first, `limit` at a time; a cursor this server did not make is invalid input. */
  async readFor(
    executor: Kysely<Database>,
    userId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<ActivityPage> {
    const after = readCursor(page.cursor, (key) => z.iso.datetime().safeParse(key).success);
    let query = executor
      .selectFrom('audit_events')
      .select(['id', 'at', 'action', 'outcome', 'detail'])
      .where('user_id', '=', userId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit + 1);
    if (after !== undefined) {
      query = query.where((eb) =>
        eb.or([eb('at', '<', after.key), eb.and([eb('at', '=', after.key), eb('id', '<', after.id)])]),
      );
    }
    const rows = await query.execute();
    const items = rows.slice(0, page.limit).map(toActivityEntry);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > page.limit && last !== undefined ? encodeCursor({ key: last.at, id: last.id }) : null,
    };
  }
}

/** What of a stored event the person is shown: the action and outcome, and the safe facts of its detail. */
function toActivityEntry(row: { id: string; at: string; action: string; outcome: string; detail: string }) {
  const detail = JSON.parse(row.detail) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const fields = Array.isArray(detail.fields)
    ? detail.fields.filter((field) => typeof field === 'string')
    : [];
  const entry = {
    id: row.id,
    at: row.at,
    action: row.action,
    outcome: row.outcome,
    address: text(detail.address),
    reason: text(detail.reason),
    recordKind: text(detail.kind),
    fields: fields.length === 0 ? undefined : fields,
    recipient: text(detail.recipient),
    shareLabel: text(detail.label),
  };
  const present = Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
  return ActivityEntrySchema.parse(present) satisfies ActivityEntry;
}

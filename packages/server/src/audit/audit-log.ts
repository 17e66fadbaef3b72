import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/tables.ts';

/** What happened, as a stable dotted name. */
export type AuditAction =
  | 'account.register'
  | 'session.sign-in'
  | 'session.sign-out'
  | 'session.revoke'
  | 'profile.update'
  | 'record.delete'
  | 'record.restore'
  | 'export';

export type AuditOutcome = 'success' | 'failure';

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
}

import { randomUUID } from 'node:crypto';
import { addDays, localDateOf } from '@sunlog/core/calendar';
import type { CheckIn } from '@sunlog/core/records/check-in';
import type { Intake } from '@sunlog/core/records/intake';
import type { LabResult } from '@sunlog/core/records/lab-result';
import {
  type IntakeUnit,
  type ReminderPreferences,
  ReminderPreferencesSchema,
} from '@sunlog/core/records/profile';
import type { Regimen } from '@sunlog/core/records/regimen';
import {
  bloodTestNotification,
  checkInNotification,
  doseNotification,
  type ReminderNotification,
  testNotification,
} from '@sunlog/core/reminders/notification';
import {
  DUE_NOW_GRACE_MS,
  type DueReminder,
  dueReminders,
  isStillDue,
  type ReminderKind,
  type ScheduleInput,
} from '@sunlog/core/reminders/schedule';
import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DatabaseConfig } from '../config.ts';
import type { Database, PushDeliveriesTable } from '../db/tables.ts';
import { SunlogError } from '../errors.ts';
import type { PushOutcome, PushSender } from './push-sender.ts';
import type { PushSubscriptionService, StoredPushSubscription } from './push-subscriptions.ts';

/**
 * The reminder delivery job. Durable state lives in `push_deliveries`, one row per (person, reminder,
 * due instant), so each is sent at most once and what became of it is recorded:
 *
 * 1. schedule: for people with a reminder on and at least one subscription, the core schedule gives the
 *    reminders due in the last day (and since their first subscription); each becomes a row (an
 *    existing row is left alone). One due less than an hour ago is `pending`; an older one (the server
 *    was down) is recorded `missed` at once.
 * 2. claim: pending rows whose time has come are leased to this runner for a few minutes — on
 *    PostgreSQL with `SELECT … FOR UPDATE SKIP LOCKED`, so several processes take disjoint rows; SQLite
 *    has one process and one connection, and the transaction is enough.
 * 3. send: each claimed row is checked again (still under an hour late, else `missed`; still wanted —
 *    dose not logged since, regimen not ended, check-in not done — else `suppressed`) and sent to each
 *    of the person's subscriptions, a few at a time, each request with a timeout. Delivered to one →
 *    `sent`; 404/410 removes that subscription; other failures are tried again a few minutes later,
 *    at most MAX_ATTEMPTS times and only while under an hour late, then `failed`.
 *
 * A row is only finished by the runner whose lease it holds, so an expired lease taken over by another
 * runner cannot be written twice; and a row whose lease ran out unfinished (its runner stopped mid-send)
 * is recorded failed, not sent again, because it may already have been delivered.
 */

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'suppressed' | 'missed';

/** A reminder later than this is not sent but recorded as missed (the Today screen shows it). */
export const LATE_LIMIT_MS = DUE_NOW_GRACE_MS;
/** How far back each schedule pass looks, so reminders due while the server was down are recorded. */
export const LOOKBACK_MS = 24 * 3_600_000;
/** How long a runner holds the rows it claimed; well above a send's timeout. */
export const LEASE_MS = 2 * 60_000;
/** A failed send is tried again after this long. */
export const RETRY_DELAY_MS = 5 * 60_000;
/** Tries in all for one delivery (the first and two more). */
export const MAX_ATTEMPTS = 3;
/** Snooze: one more notification this much later. */
export const SNOOZE_MS = 3_600_000;
/** Requests to push services in flight at once, per runner. */
export const SEND_CONCURRENCY = 8;
/** Rows claimed at a time. */
const CLAIM_BATCH = 200;
/** Ids in one `IN (…)`; rows in one insert. */
const CHUNK = 500;
const INSERT_CHUNK = 200;

export interface TickReport {
  scheduled: number;
  sent: number;
  failed: number;
  suppressed: number;
  missed: number;
  retried: number;
}

/** What this runner has done since it was made, cumulative (read by GET /metrics). */
export interface DeliveryStats {
  /** Passes of `tick` that finished, and that threw (the schedule logs those and tries again). */
  ticks: { completed: number; failed: number };
  /** Delivery rows by what became of them: scheduled (pending), and each outcome of a send or a schedule pass. */
  deliveries: TickReport;
  /** Requests to push services, by answer: delivered, failed, or gone (404/410: the subscription was removed). */
  pushes: { delivered: number; failed: number; gone: number };
}

export interface DeliveryJobDeps {
  db: Kysely<Database>;
  engine: DatabaseConfig['engine'];
  clock: Clock;
  subscriptions: PushSubscriptionService;
  sender: PushSender;
  /** Names this runner in `claimed_by`; random unless given. */
  runnerId?: string;
  concurrency?: number;
}

/** What one person's reminders are computed from, and what their notifications need. */
interface PersonFacts {
  input: ScheduleInput;
  intakeUnit: IntakeUnit;
  locale: string;
  regimens: Map<string, Regimen>;
}

type DeliveryRow = Selectable<PushDeliveriesTable>;

/** What sending did to a row. */
interface DeliveryChange {
  status: DeliveryStatus;
  attempts?: number;
  sent_at?: string;
  next_attempt_at?: string;
}

const reminderKey = (kind: string, regimenId: string | undefined | null, localTime: string) =>
  `${kind}:${regimenId ?? ''}:${localTime}`;

const isLate = (dueAt: string, nowMs: number) => nowMs - Date.parse(dueAt) >= LATE_LIMIT_MS;

export class DeliveryJob {
  readonly #db: Kysely<Database>;
  readonly #engine: DatabaseConfig['engine'];
  readonly #clock: Clock;
  readonly #subscriptions: PushSubscriptionService;
  readonly #send: PushSender;
  readonly #limit: <T>(task: () => Promise<T>) => Promise<T>;
  readonly runnerId: string;
  readonly #stats: DeliveryStats = {
    ticks: { completed: 0, failed: 0 },
    deliveries: { scheduled: 0, sent: 0, failed: 0, suppressed: 0, missed: 0, retried: 0 },
    pushes: { delivered: 0, failed: 0, gone: 0 },
  };

  constructor(deps: DeliveryJobDeps) {
    this.#db = deps.db;
    this.#engine = deps.engine;
    this.#clock = deps.clock;
    this.#subscriptions = deps.subscriptions;
    this.#send = deps.sender;
    this.#limit = limitConcurrency(deps.concurrency ?? SEND_CONCURRENCY);
    this.runnerId = deps.runnerId ?? randomUUID();
  }

  /** A copy of the counts so far. */
  get stats(): DeliveryStats {
    return {
      ticks: { ...this.#stats.ticks },
      deliveries: { ...this.#stats.deliveries },
      pushes: { ...this.#stats.pushes },
    };
  }

  /** One pass: schedule what fell due, then send everything claimable until none is left. */
  async tick(): Promise<TickReport> {
    let report: TickReport;
    try {
      report = await this.#tick();
    } catch (error) {
      this.#stats.ticks.failed += 1;
      throw error;
    }
    this.#stats.ticks.completed += 1;
    return report;
  }

  async #tick(): Promise<TickReport> {
    const report: TickReport = { scheduled: 0, sent: 0, failed: 0, suppressed: 0, missed: 0, retried: 0 };
    const scheduled = await this.schedule();
    report.scheduled = scheduled.pending;
    report.missed += scheduled.missed;
    const delivered = await this.deliverDue();
    for (const key of ['sent', 'failed', 'suppressed', 'missed', 'retried'] as const) {
      report[key] += delivered[key];
    }
    return report;
  }

  /** Records a row for every reminder due in the last day for everyone who can receive one. */
  async schedule(): Promise<{ pending: number; missed: number }> {
    const nowMs = this.#clock().getTime();
    // From when each person could first receive one: reminders before their first subscription are not
    // this job's to send or to call missed.
    const subscribed = await this.#db
      .selectFrom('push_subscriptions')
      .select((eb) => ['user_id', eb.fn.min('created_at').as('since')])
      .groupBy('user_id')
      .execute();
    const since = new Map(subscribed.map((row) => [row.user_id, Date.parse(String(row.since))]));
    const userIds = subscribed.map((row) => row.user_id);
    let pending = 0;
    let missed = 0;
    for (let i = 0; i < userIds.length; i += CHUNK) {
      const people = await this.#loadPeople(userIds.slice(i, i + CHUNK), nowMs);
      const rows: DeliveryRow[] = [];
      const stamp = new Date(nowMs).toISOString();
      for (const [userId, person] of people) {
        const from = Math.max(nowMs - LOOKBACK_MS, since.get(userId) ?? nowMs);
        for (const due of dueReminders(person.input, from, nowMs + 1)) {
          const status: DeliveryStatus = isLate(due.dueAt, nowMs) ? 'missed' : 'pending';
          rows.push(newRow(userId, due, status, stamp));
        }
      }
      for (let j = 0; j < rows.length; j += INSERT_CHUNK) {
        const batch = rows.slice(j, j + INSERT_CHUNK);
        const inserted = await this.#db
          .insertInto('push_deliveries')
          .values(batch)
          .onConflict((oc) => oc.columns(['user_id', 'reminder_key', 'due_at']).doNothing())
          .returning(['status'])
          .execute();
        for (const row of inserted) {
          if (row.status === 'missed') missed += 1;
          else pending += 1;
        }
      }
    }
    this.#stats.deliveries.scheduled += pending;
    this.#stats.deliveries.missed += missed;
    return { pending, missed };
  }

  /** Claims and sends due rows, a batch at a time, until none is left for this runner. */
  async deliverDue(): Promise<Omit<TickReport, 'scheduled'>> {
    const report = { sent: 0, failed: 0, suppressed: 0, missed: 0, retried: 0 };
    for (;;) {
      const { rows, inDoubt } = await this.#claim();
      if (rows.length === 0) return report;
      const outcomes = await this.#sendClaimed(rows, inDoubt);
      for (const outcome of outcomes) {
        report[outcome] += 1;
        this.#stats.deliveries[outcome] += 1;
      }
    }
  }

  /**
   * Leases up to CLAIM_BATCH pending rows whose next attempt is due and that no live lease holds. A row
   * whose earlier lease ran out unfinished (its runner died mid-send) comes back flagged `inDoubt`.
   */
  async #claim(): Promise<{ rows: DeliveryRow[]; inDoubt: Set<string> }> {
    const now = this.#clock();
    const nowIso = now.toISOString();
    const until = new Date(now.getTime() + LEASE_MS).toISOString();
    return this.#db.transaction().execute(async (trx) => {
      let query = trx
        .selectFrom('push_deliveries')
        .select(['id', 'claimed_by'])
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', nowIso)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', nowIso)]))
        .orderBy('next_attempt_at')
        .limit(CLAIM_BATCH);
      // Rows another runner is claiming right now are skipped rather than waited for.
      if (this.#engine === 'postgres') query = query.forUpdate().skipLocked();
      const picked = await query.execute();
      if (picked.length === 0) return { rows: [], inDoubt: new Set<string>() };
      const rows = await trx
        .updateTable('push_deliveries')
        .set({ claimed_until: until, claimed_by: this.runnerId, updated_at: nowIso })
        .where(
          'id',
          'in',
          picked.map((row) => row.id),
        )
        .returningAll()
        .execute();
      return { rows, inDoubt: new Set(picked.filter((row) => row.claimed_by !== null).map((row) => row.id)) };
    });
  }

  /**
   * Sends a claimed batch, then writes every outcome in one transaction (one commit, not one per row).
   * A row in doubt — claimed before by a runner that never finished it, so it may have been sent — is
   * recorded failed rather than sent again: at most once.
   */
  async #sendClaimed(
    rows: DeliveryRow[],
    inDoubt: ReadonlySet<string>,
  ): Promise<(keyof Omit<TickReport, 'scheduled'>)[]> {
    const userIds = [...new Set(rows.map((row) => row.user_id))];
    const people = await this.#loadPeople(userIds, this.#clock().getTime());
    const subscriptions = groupBy(await this.#subscriptions.forUsers(userIds), (s) => s.userId);
    const changes: { row: DeliveryRow; change: DeliveryChange }[] = [];
    const finish = (row: DeliveryRow, change: DeliveryChange) => {
      changes.push({ row, change });
    };
    const outcomes = await Promise.all(
      rows.map(async (row) => {
        if (inDoubt.has(row.id)) {
          finish(row, { status: 'failed', attempts: row.attempts + 1 });
          return 'failed' as const;
        }
        return this.#deliverOne(row, people.get(row.user_id), subscriptions.get(row.user_id) ?? [], finish);
      }),
    );
    await this.#finishAll(changes);
    return outcomes;
  }

  async #deliverOne(
    row: DeliveryRow,
    person: PersonFacts | undefined,
    subscriptions: readonly StoredPushSubscription[],
    finish: (row: DeliveryRow, change: DeliveryChange) => void,
  ): Promise<keyof Omit<TickReport, 'scheduled'>> {
    if (isLate(row.due_at, this.#clock().getTime())) {
      finish(row, { status: 'missed' });
      return 'missed';
    }
    const occurrence = {
      kind: row.kind as ReminderKind,
      ...(row.regimen_id === null ? {} : { regimenId: row.regimen_id }),
      localDate: row.local_date,
      localTime: row.local_time,
    };
    const notification = person === undefined ? undefined : notificationFor(row, person);
    if (person === undefined || notification === undefined || !isStillDue(person.input, occurrence)) {
      finish(row, { status: 'suppressed' });
      return 'suppressed';
    }
    const results = await Promise.all(
      subscriptions.map((subscription) => this.#limit(() => this.#push(subscription, notification))),
    );
    const attempts = row.attempts + 1;
    if (results.some((result) => result.ok)) {
      finish(row, { status: 'sent', attempts, sent_at: this.#clock().toISOString() });
      return 'sent';
    }
    const retryAt = this.#clock().getTime() + RETRY_DELAY_MS;
    const worthRetrying =
      results.some((result) => !result.ok && !result.gone) &&
      attempts < MAX_ATTEMPTS &&
      !isLate(row.due_at, retryAt);
    if (worthRetrying) {
      finish(row, {
        status: 'pending',
        attempts,
        next_attempt_at: new Date(retryAt).toISOString(),
      });
      return 'retried';
    }
    finish(row, { status: 'failed', attempts });
    return 'failed';
  }

  /** One request to a push service; a subscription the service calls gone (404/410) is removed. */
  async #push(
    subscription: StoredPushSubscription,
    notification: ReminderNotification,
  ): Promise<PushOutcome> {
    const outcome = await this.#send(subscription, notification);
    if (outcome.ok) this.#stats.pushes.delivered += 1;
    else if (outcome.gone) this.#stats.pushes.gone += 1;
    else this.#stats.pushes.failed += 1;
    if (!outcome.ok && outcome.gone) await this.#subscriptions.remove(subscription.id);
    return outcome;
  }

  /** Writes the rows' outcomes and releases their leases, each only while this runner still holds it. */
  async #finishAll(changes: readonly { row: DeliveryRow; change: DeliveryChange }[]): Promise<void> {
    if (changes.length === 0) return;
    const stamp = this.#clock().toISOString();
    await this.#db.transaction().execute(async (trx) => {
      for (const { row, change } of changes) {
        await trx
          .updateTable('push_deliveries')
          .set({ ...change, claimed_until: null, claimed_by: null, updated_at: stamp })
          .where('id', '=', row.id)
          .where('claimed_by', '=', this.runnerId)
          .execute();
      }
    });
  }

  /**
   * Snooze: one more notification for this delivery an hour from now. A snoozed repeat cannot be
   * snoozed again, and a delivery is snoozed at most once (`snoozed_from` is unique), so a reminder
   * fires once more, not forever. Another person's delivery is "not found".
   */
  async snooze(userId: string, deliveryId: string): Promise<{ id: string; dueAt: string }> {
    const original = await this.#db
      .selectFrom('push_deliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (original === undefined) throw new SunlogError('not-found', 'There is no such reminder.');
    const alreadySnoozed = () =>
      new SunlogError('already-snoozed', 'This reminder was snoozed already; it comes back only once.');
    if (original.snoozed_from !== null) throw alreadySnoozed();
    const now = this.#clock();
    const stamp = now.toISOString();
    const dueAt = new Date(now.getTime() + SNOOZE_MS).toISOString();
    const id = randomUUID();
    await this.#db
      .insertInto('push_deliveries')
      .values({
        ...newRow(
          userId,
          {
            kind: original.kind as ReminderKind,
            ...(original.regimen_id === null ? {} : { regimenId: original.regimen_id }),
            localDate: original.local_date,
            localTime: original.local_time,
            dueAt,
          },
          'pending',
          stamp,
        ),
        id,
        snoozed_from: original.id,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const repeat = await this.#db
      .selectFrom('push_deliveries')
      .select('id')
      .where('snoozed_from', '=', original.id)
      .executeTakeFirst();
    if (repeat?.id !== id) throw alreadySnoozed();
    return { id, dueAt };
  }

  /** A test notification to each of the person's subscriptions now; returns how many took it. */
  async sendTest(userId: string): Promise<number> {
    const subscriptions = await this.#subscriptions.forUsers([userId]);
    const notification = testNotification();
    const results = await Promise.all(
      subscriptions.map((subscription) => this.#limit(() => this.#push(subscription, notification))),
    );
    return results.filter((result) => result.ok).length;
  }

  /**
   * What the schedule needs for each of these people with at least one reminder on: preferences, zone,
   * plans, recent doses, check-ins and the last vitamin D result. Read in a few queries for many people.
   */
  async #loadPeople(userIds: readonly string[], nowMs: number): Promise<Map<string, PersonFacts>> {
    const people = new Map<string, PersonFacts>();
    if (userIds.length === 0) return people;
    const profiles = await this.#db
      .selectFrom('profiles')
      .select(['user_id', 'time_zone', 'intake_unit', 'locale', 'reminders'])
      .where('user_id', 'in', userIds)
      .execute();
    const wanted: string[] = [];
    const preferencesOf = new Map<string, ReminderPreferences>();
    for (const profile of profiles) {
      const preferences = ReminderPreferencesSchema.parse(JSON.parse(profile.reminders));
      if (!preferences.dailyDose && !preferences.monthlyCheckIn && preferences.labTestEveryWeeks === null)
        continue;
      wanted.push(profile.user_id);
      preferencesOf.set(profile.user_id, preferences);
    }
    if (wanted.length === 0) return people;
    // Reminders of the last day belong to local dates at most a day or two before today's UTC date.
    const recentDate = addDays(localDateOf(nowMs - LOOKBACK_MS, 'UTC'), -2);
    const checkInSince = addDays(recentDate, -70);
    const [regimens, intakes, checkIns, labResults] = await Promise.all([
      this.#bodies<Regimen>('regimens', wanted),
      this.#bodies<Intake>('intakes', wanted, recentDate),
      this.#bodies<CheckIn>('check_ins', wanted, checkInSince),
      this.#bodies<LabResult>('lab_results', wanted),
    ]);
    for (const profile of profiles) {
      const preferences = preferencesOf.get(profile.user_id);
      if (preferences === undefined) continue;
      const own = regimens.get(profile.user_id) ?? [];
      const lastBloodTestDate =
        (labResults.get(profile.user_id) ?? [])
          .filter((result) => result.analyte === '25-hydroxyvitamin-d-total')
          .map((result) => result.sampleDate)
          .sort()
          .at(-1) ?? null;
      people.set(profile.user_id, {
        input: {
          preferences,
          regimens: own,
          timeZone: profile.time_zone,
          intakes: intakes.get(profile.user_id) ?? [],
          checkIns: checkIns.get(profile.user_id) ?? [],
          lastBloodTestDate,
        },
        intakeUnit: profile.intake_unit as IntakeUnit,
        locale: profile.locale,
        regimens: new Map(own.map((regimen) => [regimen.id, regimen])),
      });
    }
    return people;
  }

  /** The live (not deleted) records of one kind of these people, by person; optionally filed on or after a date. */
  async #bodies<T>(
    table: 'regimens' | 'intakes' | 'check_ins' | 'lab_results',
    userIds: readonly string[],
    filedSince?: string,
  ): Promise<Map<string, T[]>> {
    let query = this.#db
      .selectFrom(table)
      .select(['user_id', 'body'])
      .where('user_id', 'in', userIds)
      .where('deleted_at', 'is', null);
    if (filedSince !== undefined) query = query.where('filed_on', '>=', filedSince);
    const rows = await query.execute();
    return groupBy(
      rows,
      (row) => row.user_id,
      (row) => JSON.parse(row.body) as T,
    );
  }
}

/** A new delivery row for a due reminder. */
function newRow(
  userId: string,
  due: Pick<DueReminder, 'kind' | 'regimenId' | 'localDate' | 'localTime' | 'dueAt'>,
  status: DeliveryStatus,
  stamp: string,
): DeliveryRow {
  return {
    id: randomUUID(),
    user_id: userId,
    reminder_key: reminderKey(due.kind, due.regimenId, due.localTime),
    kind: due.kind,
    regimen_id: due.regimenId ?? null,
    local_date: due.localDate,
    local_time: due.localTime,
    due_at: due.dueAt,
    status,
    attempts: 0,
    next_attempt_at: due.dueAt,
    claimed_until: null,
    claimed_by: null,
    sent_at: null,
    snoozed_from: null,
    created_at: stamp,
    updated_at: stamp,
  };
}

/** The notification for a delivery row, or undefined when its regimen is gone. */
function notificationFor(row: DeliveryRow, person: PersonFacts): ReminderNotification | undefined {
  switch (row.kind) {
    case 'dose': {
      const regimen = row.regimen_id === null ? undefined : person.regimens.get(row.regimen_id);
      if (regimen === undefined) return undefined;
      return doseNotification({
        deliveryId: row.id,
        regimenId: regimen.id,
        localDate: row.local_date,
        amountPerDose: regimen.amountPerDose,
        intakeUnit: person.intakeUnit,
        locale: person.locale,
      });
    }
    case 'check-in':
      return checkInNotification(row.id);
    case 'blood-test':
      return bloodTestNotification(row.id);
    default:
      return undefined;
  }
}

function groupBy<T, K, V = T>(items: readonly T[], key: (item: T) => K, value?: (item: T) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(value === undefined ? (item as unknown as V) : value(item));
    groups.set(k, list);
  }
  return groups;
}

/** Runs at most `limit` tasks at once; the rest wait their turn, in order. */
export function limitConcurrency(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

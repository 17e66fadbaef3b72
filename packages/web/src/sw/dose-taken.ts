import { toOffsetDateTime } from '@sunlog/core/calendar';
import { IntakeCreateSchema } from '@sunlog/core/records/intake';
import { z } from 'zod';
import { MeSchema } from '../api/accounts.ts';
import { requestJson } from '../api/request.ts';
import { database, type OutboxEntry } from '../offline/database.ts';
import { doseIntakeId } from '../offline/dose-intake-id.ts';
import { addToOutboxOnce } from '../offline/outbox.ts';
import { readMeSnapshot } from '../offline/snapshots.ts';
import type { NotificationDose } from './payload.ts';

/**
 * The Taken action of a dose notification: records the intake through the same outbox the app uses
 * (same IndexedDB store, same entry shape), so it syncs exactly as a tap on Today's Taken would.
 * Exactly once: the intake id is derived from the person, the plan and the day (dose-intake-id.ts), the
 * outbox takes one entry per dose (checked in one transaction), and a dose the server or this device
 * already has for that plan and day is not recorded again.
 *
 * No DOM or React here: this runs in the service worker.
 */

export type DoseTakenOutcome =
  /** Stored in the outbox (and sent, if the network allowed). */
  | 'recorded'
  /** This dose was already logged (taken or skipped), or already waiting in the outbox. */
  | 'already-logged'
  /** Nobody is signed in on this device: open Sunlog instead. */
  | 'not-signed-in'
  /** Too long after the day it was for: open Today, where the person can log it themselves. */
  | 'not-recordable';

const LoggedIntakesSchema = z.object({
  items: z.array(z.looseObject({ regimenId: z.string().optional(), localDate: z.string() })),
});

type Logged = { regimenId?: string | undefined; localDate: string };

function isThisDose(record: unknown, dose: NotificationDose): boolean {
  if (typeof record !== 'object' || record === null) return false;
  const logged = record as Partial<Logged>;
  return logged.regimenId === dose.regimenId && logged.localDate === dose.localDate;
}

/** Whether the person's journal already holds a dose for that plan and day: the server's, or the last copy saved here. */
async function alreadyLogged(userId: string, dose: NotificationDose): Promise<boolean> {
  const range = `from=${dose.localDate}&to=${dose.localDate}`;
  try {
    const page = await requestJson('GET', `/intakes?${range}&limit=500`, LoggedIntakesSchema);
    return page.items.some((item) => isThisDose(item, dose));
  } catch {
    // Offline, or no answer: fall back to what this device knows.
  }
  // The intake lists the app saved on this device (see api/records.ts).
  const db = await database();
  const prefix = `${userId}|list|intakes|`;
  const saved = await db.getAll('snapshots', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  return saved.some((snapshot) => {
    const page = LoggedIntakesSchema.safeParse(snapshot.value);
    return page.success && page.data.items.some((item) => isThisDose(item, dose));
  });
}

/** The signed-in person last seen on this device (saved by the app), or undefined. */
export async function savedPerson() {
  const me = MeSchema.safeParse(await readMeSnapshot());
  return me.success ? me.data : undefined;
}

/** Records the dose as taken now; see DoseTakenOutcome. Sending is left to the caller (sync.ts). */
export async function recordDoseTaken(
  dose: NotificationDose,
  now: number = Date.now(),
): Promise<DoseTakenOutcome> {
  const me = await savedPerson();
  if (me === undefined) return 'not-signed-in';
  const userId = me.user.id;
  const body = {
    id: await doseIntakeId(userId, dose.regimenId, dose.localDate),
    regimenId: dose.regimenId,
    takenAt: toOffsetDateTime(now, me.profile.timeZone),
    localDate: dose.localDate,
    amount: { value: dose.amount, unit: dose.unit },
    status: 'taken' as const,
  };
  if (!IntakeCreateSchema.safeParse(body).success) return 'not-recordable';
  if (await alreadyLogged(userId, dose)) return 'already-logged';
  const isSameDose = (waiting: OutboxEntry) =>
    waiting.kind === 'intakes' &&
    (waiting.recordId === body.id ||
      (waiting.state === 'pending' && waiting.operation === 'create' && isThisDose(waiting.body, dose)));
  const entry = await addToOutboxOnce(
    {
      kind: 'intakes',
      recordId: body.id,
      operation: 'create',
      method: 'POST',
      path: '/intakes',
      body,
      userId,
      queuedAt: new Date(now).toISOString(),
      attempts: 0,
      state: 'pending',
    },
    isSameDose,
  );
  return entry === undefined ? 'already-logged' : 'recorded';
}

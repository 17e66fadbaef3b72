import { addDays, type LocalDate } from './calendar.ts';
import type { IntakeAmount } from './records/common.ts';
import { type Regimen, type RegimenCreate, RegimenCreateSchema } from './records/regimen.ts';

/** A new amount for an ongoing plan, from a chosen first day. */
export interface DoseChange {
  /** The client's id for the new plan, fixed once so a retried save does not add a second one. */
  newId: string;
  amountPerDose: IntakeAmount;
  startDate: LocalDate;
}

export type DoseChangeResult =
  | { ok: true; ended: RegimenCreate; started: RegimenCreate }
  | { ok: false; problem: 'start-not-after-plan-start' | 'plan-already-ended' | 'same-amount' | 'invalid' };

/**
 * "Change my dose" as two records: the current plan ends the day before the new dose starts, and a
 * new plan with the same product, form, schedule and reminders starts on that day. The old plan is
 * kept (its doses stay linked to it), and at no day do both plans run, so Today never offers two doses.
 *
 * The new first day must fall after the old plan's first day (or the old plan would end before it
 * began) and on or before its last day, if it has one.
 */
export function changeDose(current: Regimen, change: DoseChange): DoseChangeResult {
  if (change.startDate <= current.startDate) return { ok: false, problem: 'start-not-after-plan-start' };
  if (current.endDate !== undefined && change.startDate > current.endDate) {
    return { ok: false, problem: 'plan-already-ended' };
  }
  if (
    change.amountPerDose.value === current.amountPerDose.value &&
    change.amountPerDose.unit === current.amountPerDose.unit
  ) {
    return { ok: false, problem: 'same-amount' };
  }
  const { createdAt: _created, updatedAt: _updated, id, endDate, ...plan } = current;
  const ended = RegimenCreateSchema.safeParse({ id, ...plan, endDate: addDays(change.startDate, -1) });
  const started = RegimenCreateSchema.safeParse({
    ...plan,
    id: change.newId,
    amountPerDose: change.amountPerDose,
    startDate: change.startDate,
    // A plan that was due to end keeps that last day; an ongoing one stays ongoing.
    ...(endDate === undefined ? {} : { endDate }),
  });
  if (!ended.success || !started.success) return { ok: false, problem: 'invalid' };
  return { ok: true, ended: ended.data, started: started.data };
}

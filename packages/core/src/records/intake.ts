import { z } from 'zod';
import {
  IdSchema,
  IntakeAmountSchema,
  LocalDateSchema,
  NoteSchema,
  OffsetDateTimeSchema,
  RecordTimestampsShape,
} from './common.ts';

export const IntakeStatusSchema = z.enum(['taken', 'skipped']);
export type IntakeStatus = z.infer<typeof IntakeStatusSchema>;

const intakeFields = {
  /** The regimen this dose belongs to; absent for a one-off dose. */
  regimenId: IdSchema.optional(),
  /** When the dose was taken (or skipped), with the UTC offset the person's device had then. */
  takenAt: OffsetDateTimeSchema,
  /**
   * The local date the dose counts for. It is recorded, not derived later, so a dose logged late in the
   * day, or by someone who has since moved time zones, keeps the day the person meant.
   */
  localDate: LocalDateSchema,
  /** The amount as entered; for a skipped dose, the amount that was due. */
  amount: IntakeAmountSchema,
  status: IntakeStatusSchema,
  note: NoteSchema.optional(),
};

/**
 * `takenAt` is written with the device's offset, so its first ten characters are the local date it
 * happened on; the date it counts for may differ by at most one day (a dose logged just after midnight).
 */
function checkTakenNearLocalDate(intake: { takenAt: string; localDate: string }, ctx: z.RefinementCtx): void {
  const takenOn = Date.parse(`${intake.takenAt.slice(0, 10)}T00:00:00Z`);
  const countsFor = Date.parse(`${intake.localDate}T00:00:00Z`);
  if (Number.isNaN(takenOn) || Number.isNaN(countsFor)) return;
  if (Math.abs(takenOn - countsFor) <= DAY_MS) return;
  ctx.addIssue({
    code: 'custom',
    path: ['takenAt'],
    message: 'The time taken must be within one day of the date the dose counts for',
    input: intake.takenAt,
  });
}

const DAY_MS = 86_400_000;

/** One logged vitamin D dose, taken or deliberately skipped. */
export const IntakeSchema = z
  .strictObject({ id: IdSchema, ...intakeFields, ...RecordTimestampsShape })
  .superRefine(checkTakenNearLocalDate);
export type Intake = z.infer<typeof IntakeSchema>;

/** A new or replaced intake as a client sends it: the client's id, no server timestamps. */
export const IntakeCreateSchema = z
  .strictObject({ id: IdSchema, ...intakeFields })
  .superRefine(checkTakenNearLocalDate);
export type IntakeCreate = z.infer<typeof IntakeCreateSchema>;

import { z } from 'zod';
import { IntakeUnitSchema } from './profile.ts';

/** A record id: a UUID made by the client, so an offline replay of the same record is idempotent. */
export const IdSchema = z.uuid({ error: 'Use a UUID made by the client' });

/** A calendar date with no time zone, "YYYY-MM-DD"; must be a real date (2026-02-30 is rejected). */
export const LocalDateSchema = z.iso.date({ error: 'Use a real calendar date written as YYYY-MM-DD' });
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** A calendar month with no time zone, "YYYY-MM". */
export const LocalMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Use a month written as YYYY-MM' });
export type LocalMonth = z.infer<typeof LocalMonthSchema>;

/** An instant written with its UTC offset, e.g. "2026-03-29T08:30:00+02:00" (or "Z"). */
export const OffsetDateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'Use an ISO date and time with its UTC offset, such as 2026-03-29T08:30:00+02:00',
});

/**
 * When the server first stored and last changed a record; the server stamps both. Marked `readOnly` in
 * the published schemas: a client cannot set them, and an import ignores them (the importing server
 * stamps its own).
 */
export const RecordTimestampsShape = {
  createdAt: OffsetDateTimeSchema.meta({
    readOnly: true,
    description: 'When the server first stored the record. Set by the server; ignored on import.',
  }),
  updatedAt: OffsetDateTimeSchema.meta({
    readOnly: true,
    description: 'When the server last changed the record. Set by the server; ignored on import.',
  }),
};

/** A free-text note a person adds to a record. */
export const NoteSchema = z.string().trim().max(2000);

/** A short label such as a product, lab or symptom name. */
export const LabelSchema = z.string().trim().min(1).max(120);

/**
 * Upper bound on any entered amount or lab value. It only catches typing slips (an extra row of zeros);
 * it is not a medical limit. Medical cautions live in cautions.ts and never block logging.
 */
export const ENTRY_VALUE_MAX = 10_000_000;

/** A positive number a person typed, kept exactly as typed. */
export const EnteredValueSchema = z.number().positive().max(ENTRY_VALUE_MAX);

/** An amount of vitamin D in the unit it was entered in. */
export const IntakeAmountSchema = z.strictObject({
  value: EnteredValueSchema,
  unit: IntakeUnitSchema,
});
export type IntakeAmount = z.infer<typeof IntakeAmountSchema>;

/** Adds an issue at `endDate` when a record ends before it starts. Dates compare as text in YYYY-MM-DD. */
export function checkEndNotBeforeStart(
  value: { startDate: string; endDate?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.endDate !== undefined && value.endDate < value.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: 'The end date cannot be before the start date',
    });
  }
}

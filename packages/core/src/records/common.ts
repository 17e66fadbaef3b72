import { z } from 'zod';
import { EARLIEST_YEAR } from './earliest-year.ts';
import { IntakeUnitSchema } from './profile.ts';

/** A record id: a UUID made by the client, so an offline replay of the same record is idempotent. */
export const IdSchema = z.uuid({ error: 'Use a UUID made by the client' });

/** True when a text starting with "YYYY" names a year from EARLIEST_YEAR on. */
function isPlausibleYear(text: string): boolean {
  return Number(text.slice(0, 4)) >= EARLIEST_YEAR;
}

const yearMessage = `Use a year from ${EARLIEST_YEAR} on`;

/**
 * A calendar date with no time zone, "YYYY-MM-DD"; must be a real date (2026-02-30 is rejected) in a
 * year from 1900 on.
 */
export const LocalDateSchema = z.iso
  .date({ error: 'Use a real calendar date written as YYYY-MM-DD' })
  .refine(isPlausibleYear, { error: yearMessage });
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** A calendar month with no time zone, "YYYY-MM". */
export const LocalMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Use a month written as YYYY-MM' })
  .refine(isPlausibleYear, { error: yearMessage });
export type LocalMonth = z.infer<typeof LocalMonthSchema>;

/** An instant written with its UTC offset, e.g. "2026-03-29T08:30:00+02:00" (or "Z"). */
export const OffsetDateTimeSchema = z.iso
  .datetime({
    offset: true,
    error: 'Use an ISO date and time with its UTC offset, such as 2026-03-29T08:30:00+02:00',
  })
  .refine(isPlausibleYear, { error: yearMessage });

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

/**
 * The range an entered amount or level may take, per unit. These catch typing slips (a missing decimal
 * point, an extra row of zeros, a value in the wrong unit); they are not medical limits and sit far
 * outside anything the reference describes. Medical cautions live in cautions.ts and never block logging.
 */
export interface ValueRange {
  min: number;
  max: number;
}

/**
 * One vitamin D dose: from 1 IU up to 1,000,000 IU, ten times the largest single dose in the trials of
 * docs/medical-reference.md §3 (100,000 IU every two weeks); in µg the same range at 1 µg = 40 IU (§1).
 */
export const INTAKE_AMOUNT_RANGES: Readonly<Record<z.infer<typeof IntakeUnitSchema>, ValueRange>> = {
  IU: { min: 1, max: 1_000_000 },
  ug: { min: 0.025, max: 25_000 },
};

/** The message naming the range, e.g. "Use a number from 1 to 1,000,000 IU". */
export function rangeMessage(range: ValueRange, unitLabel: string): string {
  const format = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return `Use a number from ${format(range.min)} to ${format(range.max)} ${unitLabel}`;
}

/** Adds an issue at `path` when `value` is outside `range`. */
export function checkInRange(
  value: number,
  range: ValueRange | undefined,
  unitLabel: string,
  ctx: z.RefinementCtx,
  path: PropertyKey[],
): void {
  if (range === undefined || (value >= range.min && value <= range.max)) return;
  ctx.addIssue({ code: 'custom', path, message: rangeMessage(range, unitLabel), input: value });
}

/** How a unit code reads in a message ("µg", not "ug"). */
export function unitLabel(unit: string): string {
  return unit === 'ug' ? 'µg' : unit;
}

/** An amount of vitamin D in the unit it was entered in, within INTAKE_AMOUNT_RANGES for that unit. */
export const IntakeAmountSchema = z
  .strictObject({
    value: EnteredValueSchema,
    unit: IntakeUnitSchema,
  })
  .superRefine((amount, ctx) =>
    checkInRange(amount.value, INTAKE_AMOUNT_RANGES[amount.unit], unitLabel(amount.unit), ctx, ['value']),
  );
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

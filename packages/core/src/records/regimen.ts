import { z } from 'zod';
import {
  checkEndNotBeforeStart,
  IdSchema,
  IntakeAmountSchema,
  LabelSchema,
  LocalDateSchema,
  NoteSchema,
  RecordTimestampsShape,
} from './common.ts';
import { LocalTimeSchema } from './profile.ts';

/** Vitamin D3 (cholecalciferol) or D2 (ergocalciferol); both convert at 40 IU per µg (see units.ts). */
export const VitaminDFormSchema = z.enum(['D3', 'D2']);
export type VitaminDForm = z.infer<typeof VitaminDFormSchema>;

/** An ISO weekday: Monday is 1, Sunday is 7. */
export const IsoWeekdaySchema = z.number().int().min(1).max(7);
export type IsoWeekday = z.infer<typeof IsoWeekdaySchema>;

export const EVERY_N_DAYS_MIN = 2;
export const EVERY_N_DAYS_MAX = 60;

/**
 * When doses fall due. One dose per scheduled local date; reminder times remind, they do not add doses.
 * "every-n-days" counts from the regimen's start date (start, start + N, start + 2N, …).
 */
export const ScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('daily') }),
  z.strictObject({
    kind: z.literal('every-n-days'),
    everyDays: z.number().int().min(EVERY_N_DAYS_MIN).max(EVERY_N_DAYS_MAX),
  }),
  z.strictObject({
    kind: z.literal('weekly'),
    weekdays: z
      .array(IsoWeekdaySchema)
      .min(1, { error: 'Choose at least one weekday' })
      .max(7)
      .refine((days) => new Set(days).size === days.length, { error: 'List each weekday once' }),
  }),
]);
export type Schedule = z.infer<typeof ScheduleSchema>;

const regimenFields = {
  productName: LabelSchema,
  form: VitaminDFormSchema,
  /** The amount in one dose, in the unit the person entered it. */
  amountPerDose: IntakeAmountSchema,
  schedule: ScheduleSchema,
  startDate: LocalDateSchema,
  /** The last local date of the regimen, inclusive; absent while it is ongoing. */
  endDate: LocalDateSchema.optional(),
  /** Local times of day to be reminded, in the person's time zone. */
  reminderTimes: z
    .array(LocalTimeSchema)
    .max(6)
    .refine((times) => new Set(times).size === times.length, { error: 'List each reminder time once' }),
  note: NoteSchema.optional(),
};

/** A vitamin D supplement plan as the person (or their clinician) set it up. */
export const RegimenSchema = z
  .strictObject({ id: IdSchema, ...regimenFields, ...RecordTimestampsShape })
  .superRefine(checkEndNotBeforeStart);
export type Regimen = z.infer<typeof RegimenSchema>;

/** A new or replaced regimen as a client sends it: the client's id, no server timestamps. */
export const RegimenCreateSchema = z
  .strictObject({ id: IdSchema, ...regimenFields })
  .superRefine(checkEndNotBeforeStart);
export type RegimenCreate = z.infer<typeof RegimenCreateSchema>;

import { z } from 'zod';
import { BUILT_IN_SCALE_NAMES as SYMPTOM_SCALES } from './symptom-scales.ts';
import { TimeZoneSchema } from './time-zone.ts';

/** Units a person may enter and read vitamin D intake in. */
export const IntakeUnitSchema = z.enum(['IU', 'ug']);
export type IntakeUnit = z.infer<typeof IntakeUnitSchema>;

/** Units a person may enter and read 25-hydroxyvitamin D blood levels in. */
export const BloodUnitSchema = z.enum(['ng/mL', 'nmol/L']);
export type BloodUnit = z.infer<typeof BloodUnitSchema>;

/** A local time of day, "HH:MM" on a 24-hour clock. */
export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use a 24-hour time such as 08:30' });

/** True when `tag` is a well-formed BCP 47 language tag that this runtime's Intl can format with. */
export function isLocale(tag: string): boolean {
  try {
    return (
      Intl.getCanonicalLocales(tag).length === 1 && Intl.DateTimeFormat.supportedLocalesOf(tag).length === 1
    );
  } catch {
    return false;
  }
}

/** The same tag as Intl writes it ("en-us" → "en-US"); the server stores this form. */
export function canonicalLocale(tag: string): string {
  return Intl.getCanonicalLocales(tag)[0] ?? tag;
}

/** A language tag such as en, de-CH or pt-BR. */
export const LocaleSchema = z
  .string()
  .min(2)
  .max(35)
  .refine(isLocale, { error: 'Use a language tag such as en, de-CH or pt-BR' });

export const DisplayNameSchema = z.string().trim().min(1).max(80);

/** How a person wants to be reminded; times are local to their time zone. */
export const ReminderPreferencesSchema = z.object({
  dailyDose: z.boolean(),
  dailyDoseTimes: z.array(LocalTimeSchema).max(6),
  monthlyCheckIn: z.boolean(),
  labTestEveryWeeks: z.number().int().min(4).max(104).nullable(),
  /** Day of the month for the check-in reminder, 1–28 so it exists in every month; 1 when absent. */
  checkInDayOfMonth: z.number().int().min(1).max(28).optional(),
  /** Local time of the check-in reminder; 19:00 when absent. */
  checkInTime: LocalTimeSchema.optional(),
  /** Local time of the blood-test reminder; 09:00 when absent. */
  labTestTime: LocalTimeSchema.optional(),
});
export type ReminderPreferences = z.infer<typeof ReminderPreferencesSchema>;

/**
 * A 25-hydroxyvitamin D range the person agreed with their clinician; one bound may be open.
 * No MS guideline sets a target, so Sunlog never suggests one: it stays empty until the person
 * enters it. See: docs/medical-reference.md §2.2.
 */
export const BloodTargetSchema = z
  .strictObject({
    low: z.number().positive().max(1000).optional(),
    high: z.number().positive().max(1000).optional(),
    unit: BloodUnitSchema,
  })
  .refine((target) => target.low !== undefined || target.high !== undefined, {
    error: 'Give at least a low or a high value',
  })
  .refine((target) => target.low === undefined || target.high === undefined || target.low <= target.high, {
    error: 'The low value cannot be above the high value',
    path: ['high'],
  });
export type BloodTarget = z.infer<typeof BloodTargetSchema>;

/**
 * The built-in ratings a person chose to see first on Today, in the order shown. At least one; each
 * scale once. The others stay one tap away ("More ratings"), and records holding them still show.
 */
export const TrackedRatingsSchema = z
  .array(z.enum(SYMPTOM_SCALES))
  .min(1)
  .max(SYMPTOM_SCALES.length)
  .refine((scales) => new Set(scales).size === scales.length, { error: 'Choose each rating once' });
export type TrackedRatings = z.infer<typeof TrackedRatingsSchema>;

/** A person's settings: name, where they live in time, and the units they read. */
export const ProfileSchema = z.object({
  displayName: DisplayNameSchema,
  timeZone: TimeZoneSchema,
  intakeUnit: IntakeUnitSchema,
  bloodUnit: BloodUnitSchema,
  locale: LocaleSchema,
  reminders: ReminderPreferencesSchema,
  /** When the person accepted the disclaimer and consent during onboarding; null until then. */
  consentedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The personal 25(OH)D target set with the clinician; absent or null means none (the default). */
  bloodTarget: BloodTargetSchema.nullable().optional(),
  /** The ratings Today shows first; absent means DEFAULT_TRACKED_RATINGS. */
  trackedRatings: TrackedRatingsSchema.optional(),
  /**
   * The day of the person's last appointment with their clinician (YYYY-MM-DD), set on the Share
   * screen; reports and share links start there by default. Absent or null means not set.
   */
  // Written out rather than reusing common.ts's LocalDateSchema, which imports this module.
  lastAppointment: z.iso
    .date({ error: 'Use a real calendar date written as YYYY-MM-DD' })
    .nullable()
    .optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** A partial change to the profile; every field optional, none unknown. */
export const ProfilePatchSchema = ProfileSchema.partial().strict();
export type ProfilePatch = z.infer<typeof ProfilePatchSchema>;

export const DEFAULT_REMINDERS: ReminderPreferences = {
  dailyDose: false,
  dailyDoseTimes: [],
  monthlyCheckIn: false,
  labTestEveryWeeks: null,
};

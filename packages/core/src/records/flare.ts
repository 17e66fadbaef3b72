import { z } from 'zod';
import {
  checkEndNotBeforeStart,
  IdSchema,
  LocalDateSchema,
  NoteSchema,
  RecordTimestampsShape,
} from './common.ts';

export const FlareSeveritySchema = z.enum(['mild', 'moderate', 'severe']);
export type FlareSeverity = z.infer<typeof FlareSeveritySchema>;

/** What the person thinks may have set it off; triggers other than "none-known" are pseudo-relapse triggers. */
export const SuspectedTriggerSchema = z.enum(['fever-or-infection', 'heat', 'stress', 'none-known']);
export type SuspectedTrigger = z.infer<typeof SuspectedTriggerSchema>;

const flareFields = {
  startDate: LocalDateSchema,
  /** The last local date of the flare, inclusive; absent while it continues. */
  endDate: LocalDateSchema.optional(),
  symptoms: z.array(z.string().trim().min(1).max(80)).min(1, { error: 'Name at least one symptom' }).max(20),
  severity: FlareSeveritySchema,
  /** Whether the person was treated with steroids for it (e.g. IV methylprednisolone). */
  steroidTreatment: z.boolean(),
  suspectedTrigger: SuspectedTriggerSchema,
  note: NoteSchema.optional(),
};

/** A patient-reported suspected relapse. */
export const FlareSchema = z
  .strictObject({ id: IdSchema, ...flareFields, ...RecordTimestampsShape })
  .superRefine(checkEndNotBeforeStart);
export type Flare = z.infer<typeof FlareSchema>;

/** A new or replaced flare as a client sends it: the client's id, no server timestamps. */
export const FlareCreateSchema = z
  .strictObject({ id: IdSchema, ...flareFields })
  .superRefine(checkEndNotBeforeStart);
export type FlareCreate = z.infer<typeof FlareCreateSchema>;

import { z } from 'zod';
import {
  checkEndNotBeforeStart,
  IdSchema,
  LocalDateSchema,
  NoteSchema,
  RecordTimestampsShape,
} from './common.ts';

/**
 * A flare is a patient-reported *suspected* relapse. Only the MS team can tell a relapse (new or
 * worsening symptoms from demyelination, over 24 hours, not explained by fever, infection or metabolic
 * upset) from a pseudo-relapse (old symptoms returning with heat, infection, overexertion or stress).
 * Sunlog records the person's account and never decides. See: docs/medical-reference.md §4 (NHS England 2014; MSAA).
 */
export const FLARE_LABEL = 'Suspected relapse (reported by you)';

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

/**
 * A gentle prompt when the person named a pseudo-relapse trigger; null otherwise. It points to the MS
 * team and never classifies the flare. See: docs/medical-reference.md §4 (pseudo-relapse; MSAA advice).
 */
export function pseudoRelapsePrompt(flare: Pick<Flare, 'suspectedTrigger'>): string | null {
  switch (flare.suspectedTrigger) {
    case 'fever-or-infection':
    case 'heat':
    case 'stress':
      return 'Old symptoms can come back for a while with a fever, an infection, heat or stress. This might be a pseudo-relapse, but only your MS team can tell: let them know.';
    case 'none-known':
      return null;
    default: {
      const unreachable: never = flare.suspectedTrigger;
      return unreachable;
    }
  }
}

import { z } from 'zod';
import { IdSchema, LocalMonthSchema, NoteSchema, RecordTimestampsShape } from './common.ts';

/** The person's answers to the monthly check-in; every answer is optional free text. */
export const CheckInAnswersSchema = z.strictObject({
  /** How regularly they took their vitamin D this month, in their words. */
  intakeConsistency: NoteSchema.optional(),
  /** How their symptoms changed this month. */
  symptomChange: NoteSchema.optional(),
  /** Anything about blood tests this month. */
  bloodResultNote: NoteSchema.optional(),
  /** Anything about flare-ups this month. */
  flareNote: NoteSchema.optional(),
  freeText: NoteSchema.optional(),
});
export type CheckInAnswers = z.infer<typeof CheckInAnswersSchema>;

const checkInFields = {
  /** The month the check-in looks back on, "YYYY-MM". */
  month: LocalMonthSchema,
  answers: CheckInAnswersSchema,
  /** Questions to bring to the next appointment. */
  questionsForDoctor: z.array(z.string().trim().min(1).max(500)).max(20),
};

/** A monthly look back, with questions to take to the doctor. */
export const CheckInSchema = z.strictObject({ id: IdSchema, ...checkInFields, ...RecordTimestampsShape });
export type CheckIn = z.infer<typeof CheckInSchema>;

/** A new or replaced check-in as a client sends it: the client's id, no server timestamps. */
export const CheckInCreateSchema = z.strictObject({ id: IdSchema, ...checkInFields });
export type CheckInCreate = z.infer<typeof CheckInCreateSchema>;

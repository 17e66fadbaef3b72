import { z } from 'zod';
import { IdSchema, LocalDateSchema, NoteSchema, RecordTimestampsShape } from './common.ts';
import { SYMPTOM_SCALES } from './symptom-scales.ts';

export const SCORE_MIN = 0;
export const SCORE_MAX = 10;

export const ScoreSchema = z.number().int().min(SCORE_MIN).max(SCORE_MAX);

/** Any subset of the built-in scales; a scale the person did not rate is absent, not 0. */
export const SymptomScoresSchema = z.strictObject({
  fatigue: ScoreSchema.optional(),
  energy: ScoreSchema.optional(),
  mobility: ScoreSchema.optional(),
  mood: ScoreSchema.optional(),
  sleep: ScoreSchema.optional(),
  pain: ScoreSchema.optional(),
  overallWellness: ScoreSchema.optional(),
});
export type SymptomScores = z.infer<typeof SymptomScoresSchema>;

/** A rating the person named themselves (e.g. "tingling"); its direction is theirs to know. */
export const CustomScoreSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  score: ScoreSchema,
});
export type CustomScore = z.infer<typeof CustomScoreSchema>;

const symptomCheckFields = {
  localDate: LocalDateSchema,
  scores: SymptomScoresSchema,
  custom: z
    .array(CustomScoreSchema)
    .max(10)
    .refine((items) => new Set(items.map((item) => item.name.toLowerCase())).size === items.length, {
      error: 'Use each custom rating name once',
    }),
  note: NoteSchema.optional(),
};

function checkAtLeastOneScore(
  value: { scores: SymptomScores; custom: readonly CustomScore[] },
  ctx: z.RefinementCtx,
): void {
  const rated = SYMPTOM_SCALES.some((scale) => value.scores[scale] !== undefined);
  if (!rated && value.custom.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['scores'], message: 'Rate at least one thing' });
  }
}

/** One day's quick ratings: any of the built-in scales and the person's own, each 0–10. */
export const SymptomCheckSchema = z
  .strictObject({ id: IdSchema, ...symptomCheckFields, ...RecordTimestampsShape })
  .superRefine(checkAtLeastOneScore);
export type SymptomCheck = z.infer<typeof SymptomCheckSchema>;

/** A new or replaced symptom check as a client sends it: the client's id, no server timestamps. */
export const SymptomCheckCreateSchema = z
  .strictObject({ id: IdSchema, ...symptomCheckFields })
  .superRefine(checkAtLeastOneScore);
export type SymptomCheckCreate = z.infer<typeof SymptomCheckCreateSchema>;

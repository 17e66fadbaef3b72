/**
 * The names of the built-in 0–10 ratings, with no imports, so that the profile (which common.ts reads)
 * can name them without an import cycle. symptom-check.ts publishes them as SYMPTOM_SCALES, with their
 * directions and meaning; read them from there.
 */
export const BUILT_IN_SCALE_NAMES = [
  'fatigue',
  'energy',
  'mobility',
  'mood',
  'sleep',
  'pain',
  'overallWellness',
] as const;
export type BuiltInScaleName = (typeof BUILT_IN_SCALE_NAMES)[number];

/**
 * The names of the built-in 0–10 ratings and their directions, with no imports (and no zod), so that
 * the profile (which common.ts reads) can name them without an import cycle, and the web app's first
 * load can show the ratings without the record schemas. symptom-check.ts publishes them too.
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

/**
 * The built-in daily ratings, each a whole number from 0 to 10. They are Sunlog's own quick ratings,
 * not validated instruments, and never carry an instrument's name (docs/medical-reference.md §4).
 *
 * Direction of each scale:
 * - fatigue: 0 = no fatigue, 10 = the worst fatigue (higher is worse)
 * - pain: 0 = no pain, 10 = the worst pain (higher is worse)
 * - energy, mobility, mood, sleep, overallWellness: 0 = the worst, 10 = the best (higher is better)
 */
export const SYMPTOM_SCALES = BUILT_IN_SCALE_NAMES;
export type SymptomScale = BuiltInScaleName;

export type ScaleDirection = 'higher-is-better' | 'higher-is-worse';

/** Which way each built-in scale points; analysis and charts read it from here. */
export const SCALE_DIRECTION: Record<SymptomScale, ScaleDirection> = {
  fatigue: 'higher-is-worse',
  energy: 'higher-is-better',
  mobility: 'higher-is-better',
  mood: 'higher-is-better',
  sleep: 'higher-is-better',
  pain: 'higher-is-worse',
  overallWellness: 'higher-is-better',
};

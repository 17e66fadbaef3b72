import type { Profile } from './profile.ts';
import { SYMPTOM_SCALES, type SymptomScale } from './symptom-scales.ts';

// The ratings a person tracks, with no zod: Today's first load reads them (profile.ts re-exports them).

/**
 * What Today shows when the person has not chosen: fatigue and walking first (the two that weigh most
 * on a day with MS), then overall wellness. Three short rows keep Today within two phone screens.
 */
export const DEFAULT_TRACKED_RATINGS: readonly SymptomScale[] = ['fatigue', 'mobility', 'overallWellness'];

/** The ratings Today shows first for this profile: the person's choice, or the default. */
export function trackedRatingsOf(profile: Pick<Profile, 'trackedRatings'>): readonly SymptomScale[] {
  return profile.trackedRatings ?? DEFAULT_TRACKED_RATINGS;
}

/** The built-in ratings not tracked, in core's order: Today folds them under "More ratings". */
export function untrackedRatings(tracked: readonly SymptomScale[]): SymptomScale[] {
  return SYMPTOM_SCALES.filter((scale) => !tracked.includes(scale));
}

/**
 * A new choice in a stable order: the default's order for the scales it holds (fatigue and walking
 * first), then the rest in core's order, so ticking boxes never shuffles the rows.
 */
export function orderTrackedRatings(chosen: Iterable<SymptomScale>): SymptomScale[] {
  const set = new Set(chosen);
  const first = DEFAULT_TRACKED_RATINGS.filter((scale) => set.has(scale));
  return [...first, ...SYMPTOM_SCALES.filter((scale) => set.has(scale) && !first.includes(scale))];
}

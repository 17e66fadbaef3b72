import { describe, expect, test } from 'vitest';
import { buildProfile } from '../../test/factories.ts';
import { ProfilePatchSchema, ProfileSchema } from './profile.ts';
import {
  DEFAULT_TRACKED_RATINGS,
  orderTrackedRatings,
  trackedRatingsOf,
  untrackedRatings,
} from './tracked-ratings.ts';

describe('tracked ratings', () => {
  test('absent means the default: fatigue and walking first, then overall wellness', () => {
    expect(DEFAULT_TRACKED_RATINGS).toEqual(['fatigue', 'mobility', 'overallWellness']);
    const profile = buildProfile();
    expect(ProfileSchema.safeParse(profile).success).toBe(true);
    expect(trackedRatingsOf(profile)).toEqual(DEFAULT_TRACKED_RATINGS);
    expect(trackedRatingsOf(buildProfile({ trackedRatings: ['pain'] }))).toEqual(['pain']);
  });

  test('a choice holds at least one built-in rating, each once', () => {
    const accepts = (trackedRatings: unknown) => ProfilePatchSchema.safeParse({ trackedRatings }).success;
    expect(accepts(['fatigue'])).toBe(true);
    expect(accepts(['fatigue', 'energy', 'mobility', 'mood', 'sleep', 'pain', 'overallWellness'])).toBe(true);
    expect(accepts([])).toBe(false);
    expect(accepts(['fatigue', 'fatigue'])).toBe(false);
    expect(accepts(['tingling'])).toBe(false);
    expect(accepts(null)).toBe(false);
  });

  test('the untracked ones are the rest, in core order', () => {
    expect(untrackedRatings(DEFAULT_TRACKED_RATINGS)).toEqual(['energy', 'mood', 'sleep', 'pain']);
    expect(
      untrackedRatings(['fatigue', 'energy', 'mobility', 'mood', 'sleep', 'pain', 'overallWellness']),
    ).toEqual([]);
  });

  test('a new choice is ordered the same way whatever order the boxes were ticked in', () => {
    expect(orderTrackedRatings(['pain', 'overallWellness', 'mobility', 'fatigue', 'energy'])).toEqual([
      'fatigue',
      'mobility',
      'overallWellness',
      'energy',
      'pain',
    ]);
    expect(orderTrackedRatings(new Set(['sleep', 'mood'] as const))).toEqual(['mood', 'sleep']);
  });
});

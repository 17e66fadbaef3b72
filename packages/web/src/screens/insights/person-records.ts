import { localDateOf } from '@sunlog/core/calendar';
import { insightsInputFromRecords } from '@sunlog/core/insights/from-records';
import type { InsightsInput } from '@sunlog/core/insights/input';
import { computeInsights, type Insights } from '@sunlog/core/insights/insights';
import type { Profile } from '@sunlog/core/records/profile';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listAllRecords, type RecordKind, type RecordOf, recordsQueryKey } from '../../api/records.ts';

/** Every record kind the insights and the check-in read. */
export interface PersonRecords {
  regimens: RecordOf<'regimens'>[];
  intakes: RecordOf<'intakes'>[];
  labResults: RecordOf<'lab-results'>[];
  symptomChecks: RecordOf<'symptom-checks'>[];
  flares: RecordOf<'flares'>[];
  checkIns: RecordOf<'check-ins'>[];
}

/**
 * The cache key for "every record of a kind". It sits under `recordsQueryKey(kind)`, so any screen
 * that invalidates a kind after a write refreshes this list too, without sharing a key with a
 * screen that caches only one page.
 */
export function allRecordsQueryKey(kind: RecordKind) {
  return [...recordsQueryKey(kind), 'all'] as const;
}

function allQuery<K extends RecordKind>(kind: K) {
  return { queryKey: allRecordsQueryKey(kind), queryFn: () => listAllRecords(kind) };
}

export type PersonRecordsState =
  | { status: 'pending' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; records: PersonRecords };

/** Loads all six kinds of the person's records. */
export function usePersonRecords(): PersonRecordsState {
  const results = useQueries({
    queries: [
      allQuery('regimens'),
      allQuery('intakes'),
      allQuery('lab-results'),
      allQuery('symptom-checks'),
      allQuery('flares'),
      allQuery('check-ins'),
    ],
  });
  const [regimens, intakes, labResults, symptomChecks, flares, checkIns] = results;
  const failed = results.find((result) => result.isError);
  if (failed?.error) {
    return {
      status: 'error',
      message: failed.error.message,
      retry: () => {
        for (const result of results) if (result.isError) void result.refetch();
      },
    };
  }
  if (
    regimens.data === undefined ||
    intakes.data === undefined ||
    labResults.data === undefined ||
    symptomChecks.data === undefined ||
    flares.data === undefined ||
    checkIns.data === undefined
  ) {
    return { status: 'pending' };
  }
  return {
    status: 'ready',
    records: {
      regimens: regimens.data,
      intakes: intakes.data,
      labResults: labResults.data,
      symptomChecks: symptomChecks.data,
      flares: flares.data,
      checkIns: checkIns.data,
    },
  };
}

/** The person's local date now, in their own time zone (not the device's). */
export function todayFor(profile: Pick<Profile, 'timeZone'>): string {
  return localDateOf(Date.now(), profile.timeZone);
}

/** The engine's input (the records in its terms) and what it found. */
export interface ComputedInsights {
  input: InsightsInput;
  insights: Insights;
}

/**
 * The engine's output for the person's records, computed in the browser (the engine is pure).
 * The seed is fixed so the same records always show the same numbers.
 */
export function useInsights(
  profile: Profile,
  records: PersonRecords | undefined,
  today: string,
): ComputedInsights | undefined {
  return useMemo(() => {
    if (records === undefined) return undefined;
    const input = insightsInputFromRecords({ profile, ...records }, { today });
    return { input, insights: computeInsights(input, { seed: 1 }) };
  }, [profile, records, today]);
}

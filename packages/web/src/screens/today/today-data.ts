import { latestVitaminDResult } from '@sunlog/core/records/lab-result-order';
import { isActiveOn } from '@sunlog/core/regimen-schedule';
import { type QueryClient, type QueryKey, useQuery } from '@tanstack/react-query';
import { listAllRecords, type RecordKind, type RecordOf } from '../../api/records.ts';

/**
 * Today's reads. They run even with no network (networkMode 'always'): the records client then
 * answers from this device (the last copy it saved plus the outbox), so Today works offline.
 */

export const todayKeys = {
  regimens: (today: string) => ['records', 'regimens', 'active-on', today] as const,
  intakes: (today: string) => ['records', 'intakes', 'on', today] as const,
  symptomChecks: (today: string) => ['records', 'symptom-checks', 'on', today] as const,
  flares: (today: string) => ['records', 'flares', 'until', today] as const,
  latestLab: ['records', 'lab-results', 'latest'] as const,
};

export function useActiveRegimens(today: string) {
  return useQuery({
    queryKey: todayKeys.regimens(today),
    queryFn: async () =>
      (await listAllRecords('regimens', { to: today })).filter((r) => isActiveOn(r, today)),
    networkMode: 'always',
  });
}

export function useRecordsOn<K extends 'intakes' | 'symptom-checks'>(kind: K, today: string) {
  return useQuery({
    queryKey: kind === 'intakes' ? todayKeys.intakes(today) : todayKeys.symptomChecks(today),
    queryFn: () => listAllRecords(kind, { from: today, to: today }),
    networkMode: 'always',
  });
}

/** Flare-ups that started on or before today and have not ended. */
export function useOpenFlares(today: string) {
  return useQuery({
    queryKey: todayKeys.flares(today),
    queryFn: async () =>
      (await listAllRecords('flares', { to: today })).filter((flare) => flare.endDate === undefined),
    networkMode: 'always',
  });
}

/**
 * The newest 25-hydroxyvitamin D result in core's one order (day drawn, then when entered, then id), so
 * Today, History and the check-in agree, and a second result saved the same day is the one shown.
 * Every result is read: the server lists by day only, so a first page could cut a day's results apart.
 */
export function useLatestVitaminD() {
  return useQuery({
    queryKey: todayKeys.latestLab,
    queryFn: async () => latestVitaminDResult(await listAllRecords('lab-results')),
    networkMode: 'always',
  });
}

/** Shows a saved (or queued) record in a cached list at once, replacing any with the same id. */
export function putInList<K extends RecordKind>(
  client: QueryClient,
  key: QueryKey,
  record: RecordOf<K>,
): void {
  client.setQueryData<RecordOf<K>[]>(key, (old) => [
    record,
    ...(old ?? []).filter((item) => item.id !== record.id),
  ]);
}

/** Takes a record out of a cached list at once. */
export function dropFromList<K extends RecordKind>(client: QueryClient, key: QueryKey, id: string): void {
  client.setQueryData<RecordOf<K>[]>(key, (old) => (old ?? []).filter((item) => item.id !== id));
}

/** The create body of a stored record: the same fields without the server's timestamps. */
export function withoutTimestamps<T extends { createdAt: string; updatedAt: string }>(
  record: T,
): Omit<T, 'createdAt' | 'updatedAt'> {
  const { createdAt: _created, updatedAt: _updated, ...body } = record;
  return body;
}

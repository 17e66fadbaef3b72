import { useQuery } from '@tanstack/react-query';
import { listAllRecords, type RecordKind, type RecordOf, recordsQueryKey } from '../../api/records.ts';
import type { Period } from './period.ts';

interface Range {
  from?: string;
  to?: string;
}

function useKind<K extends RecordKind>(kind: K, range: Range) {
  return useQuery({
    // Under the kind's key, so any write that invalidates recordsQueryKey(kind) refreshes History too.
    queryKey: [...recordsQueryKey(kind), 'history', range.from ?? null, range.to ?? null],
    queryFn: () => listAllRecords(kind, range),
  });
}

export interface HistoryRecords {
  intakes: RecordOf<'intakes'>[];
  symptomChecks: RecordOf<'symptom-checks'>[];
  labResults: RecordOf<'lab-results'>[];
  /** Every flare that started on or before the period's end; History keeps those that reach into it. */
  flares: RecordOf<'flares'>[];
  /** Every regimen: one that began before the period may still schedule doses in it. */
  regimens: RecordOf<'regimens'>[];
  checkIns: RecordOf<'check-ins'>[];
}

/** Everything History needs for a period, loaded through the records API. */
export function useHistoryRecords(period: Period): {
  data: HistoryRecords | undefined;
  isPending: boolean;
  error: Error | null;
  refetch: () => void;
} {
  const inPeriod = { from: period.start, to: period.end };
  const queries = {
    intakes: useKind('intakes', inPeriod),
    symptomChecks: useKind('symptom-checks', inPeriod),
    labResults: useKind('lab-results', inPeriod),
    flares: useKind('flares', { to: period.end }),
    regimens: useKind('regimens', {}),
    checkIns: useKind('check-ins', inPeriod),
  };
  const all = Object.values(queries);
  const error = all.find((query) => query.error !== null)?.error ?? null;
  const refetch = () => {
    for (const query of all) if (query.isError) void query.refetch();
  };
  const { intakes, symptomChecks, labResults, flares, regimens, checkIns } = queries;
  if (
    intakes.data === undefined ||
    symptomChecks.data === undefined ||
    labResults.data === undefined ||
    flares.data === undefined ||
    regimens.data === undefined ||
    checkIns.data === undefined
  ) {
    return { data: undefined, isPending: error === null, error, refetch };
  }
  return {
    data: {
      intakes: intakes.data,
      symptomChecks: symptomChecks.data,
      labResults: labResults.data,
      flares: flares.data,
      regimens: regimens.data,
      checkIns: checkIns.data,
    },
    isPending: false,
    error,
    refetch,
  };
}

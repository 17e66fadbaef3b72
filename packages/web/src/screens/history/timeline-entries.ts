import type { LocalDate } from '@sunlog/core/calendar';
import type { RecordKind, RecordOf } from '../../api/records.ts';
import type { Period } from './period.ts';
import type { HistoryRecords } from './use-history-records.ts';

/** One record on the timeline, with the day it is filed under. */
export type TimelineEntry = {
  [K in RecordKind]: { kind: K; record: RecordOf<K>; date: LocalDate; order: number };
}[RecordKind];

export interface TimelineDay {
  date: LocalDate;
  entries: TimelineEntry[];
}

/**
 * Every record filed in the period, grouped by day, newest day first; within a day the most recent first
 * (doses by the time taken, everything else by when it was saved).
 */
export function timelineDays(records: HistoryRecords, period: Period): TimelineDay[] {
  const saved = (record: { createdAt: string }) => Date.parse(record.createdAt);
  const entries: TimelineEntry[] = [
    ...records.intakes.map((record) => ({
      kind: 'intakes' as const,
      record,
      date: record.localDate,
      order: Date.parse(record.takenAt),
    })),
    ...records.symptomChecks.map((record) => ({
      kind: 'symptom-checks' as const,
      record,
      date: record.localDate,
      order: saved(record),
    })),
    ...records.labResults.map((record) => ({
      kind: 'lab-results' as const,
      record,
      date: record.sampleDate,
      order: saved(record),
    })),
    ...records.flares.map((record) => ({
      kind: 'flares' as const,
      record,
      date: record.startDate,
      order: saved(record),
    })),
    ...records.regimens.map((record) => ({
      kind: 'regimens' as const,
      record,
      date: record.startDate,
      order: saved(record),
    })),
    ...records.checkIns.map((record) => ({
      kind: 'check-ins' as const,
      record,
      date: `${record.month}-01`,
      order: saved(record),
    })),
  ].filter((entry) => entry.date >= period.start && entry.date <= period.end);

  const byDate = new Map<LocalDate, TimelineEntry[]>();
  for (const entry of entries) {
    const day = byDate.get(entry.date);
    if (day === undefined) byDate.set(entry.date, [entry]);
    else day.push(entry);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([date, dayEntries]) => ({ date, entries: dayEntries.sort((a, b) => b.order - a.order) }));
}

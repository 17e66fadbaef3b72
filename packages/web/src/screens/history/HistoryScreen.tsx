import './history.css';
import { localDateOf } from '@sunlog/core/calendar';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Me } from '../../api/accounts.ts';
import { deleteRecord, type RecordKind, recordsQueryKey, restoreRecord } from '../../api/records.ts';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { Page } from '../../components/Page.tsx';
import { lazyRetrying } from '../../lazy-retrying.tsx';
import { loadOnce } from '../../load-once.ts';
import { AddPastEntry } from './AddPastEntry.tsx';
import { DeleteDialog } from './DeleteDialog.tsx';
import { describeEntry, entryWhen } from './describe-entry.ts';
import { EditDialog } from './edit/EditDialog.tsx';
import { historyFormat } from './format.ts';
import { PeriodSwitcher } from './PeriodSwitcher.tsx';
import { type PeriodKind, periodContaining, periodLabel, shiftPeriod } from './period.ts';
import { historyStrings as t } from './strings.ts';
import { Timeline } from './Timeline.tsx';
import { type TimelineEntry, timelineDays } from './timeline-entries.ts';
import { UndoBanner, type UndoOffer } from './UndoBanner.tsx';
import { useHistoryRecords } from './use-history-records.ts';

interface Deleted {
  kind: RecordKind;
  id: string;
  kindName: string;
  key: string;
}

/**
 * The charts' code (Observable Plot and d3, about 85 KiB gzip) starts loading once the screen has first
 * painted, beside the records, instead of holding up that paint; until both it and the records are
 * there, one "Loading…" stands where the charts and the timeline will be.
 */
const loadCharts = loadOnce(() => import('./HistoryCharts.tsx'));
const HistoryCharts = lazyRetrying(() => loadCharts().then((module) => ({ default: module.HistoryCharts })));

/** History: a period's charts, then every entry in it, each editable and deletable (with undo). */
export function HistoryScreen({ me }: { me: Me }) {
  const { profile } = me;
  const format = useMemo(() => historyFormat(profile), [profile]);
  const today = localDateOf(Date.now(), profile.timeZone);
  const [period, setPeriod] = useState(() => periodContaining('week', today));
  const records = useHistoryRecords(period);
  const queryClient = useQueryClient();
  const timelineHeadingRef = useRef<HTMLHeadingElement>(null);
  // A failure (offline before the service worker had it) shows where the charts render.
  useEffect(() => void loadCharts().catch(() => undefined), []);

  const [editing, setEditing] = useState<TimelineEntry | null>(null);
  const [confirming, setConfirming] = useState<TimelineEntry | null>(null);
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const [notice, setNotice] = useState<string>();

  const label = periodLabel(period, format.locale);
  const days = records.data === undefined ? [] : timelineDays(records.data, period);

  const remove = useMutation({
    mutationFn: (entry: TimelineEntry) => deleteRecord(entry.kind, entry.record.id),
    onSuccess: async (_nothing, entry) => {
      await queryClient.invalidateQueries({ queryKey: recordsQueryKey(entry.kind) });
      setConfirming(null);
      setNotice(undefined);
      setDeleted({
        kind: entry.kind,
        id: entry.record.id,
        kindName: t.kinds[entry.kind],
        key: `${entry.kind}:${entry.record.id}:${Date.now()}`,
      });
    },
  });

  const restore = useMutation({
    mutationFn: (item: Deleted) => restoreRecord(item.kind, item.id),
    onSuccess: async (_record, item) => {
      await queryClient.invalidateQueries({ queryKey: recordsQueryKey(item.kind) });
      setDeleted(null);
      setNotice(t.restored(item.kindName));
      timelineHeadingRef.current?.focus();
    },
  });

  const dismiss = useCallback(() => {
    setDeleted(null);
    setNotice(undefined);
  }, []);

  const offer: UndoOffer | null =
    deleted === null
      ? null
      : {
          key: deleted.key,
          message: restore.isError ? restore.error.message : t.deleted(deleted.kindName),
          isUndoing: restore.isPending,
          onUndo: () => {
            if (!restore.isPending) restore.mutate(deleted);
          },
        };

  const changeKind = (kind: PeriodKind) => {
    // Keep the moment the person was looking at: the new period contains the old one's first day,
    // unless today is inside the old one, in which case stay around today.
    const anchor = today >= period.start && today <= period.end ? today : period.start;
    setPeriod(periodContaining(kind, anchor));
  };

  return (
    <Page title={t.title} className="history">
      <p className="lead">{t.lead}</p>
      <AddPastEntry today={today} />
      <PeriodSwitcher
        period={period}
        label={label}
        isCurrent={today >= period.start && today <= period.end}
        onKindChange={changeKind}
        onStep={(step) => setPeriod((current) => shiftPeriod(current, step))}
        onToday={() => setPeriod(periodContaining(period.kind, today))}
      />

      {records.error !== null && records.data === undefined ? (
        <div className="card">
          <FormAlert message={records.error.message} />
          <p>
            <Button className="button" onPress={records.refetch}>
              Try again
            </Button>
          </p>
        </div>
      ) : records.data === undefined ? (
        <p className="loading" role="status">
          {t.loading}
        </p>
      ) : (
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t.loading}
            </p>
          }
        >
          <section className="card" aria-labelledby="history-charts">
            <h2 id="history-charts">{t.chartsHeading}</h2>
            <HistoryCharts
              period={period}
              records={records.data}
              format={format}
              profile={profile}
              today={today}
            />
          </section>
          <section className="card" aria-labelledby="history-timeline">
            <h2 id="history-timeline" tabIndex={-1} ref={timelineHeadingRef}>
              {t.timelineHeading}
            </h2>
            {days.length === 0 ? (
              <p className="empty">{t.empty(period.kind)}</p>
            ) : (
              <>
                <p className="muted">{t.timelineLead}</p>
                <Timeline
                  key={`${period.kind}:${period.start}`}
                  days={days}
                  format={format}
                  onEdit={setEditing}
                  onDelete={setConfirming}
                />
              </>
            )}
          </section>
        </Suspense>
      )}

      <EditDialog
        entry={editing}
        format={format}
        onClose={() => setEditing(null)}
        onSaved={(entry) => {
          setEditing(null);
          setDeleted(null);
          setNotice(t.saved(t.kinds[entry.kind]));
        }}
      />
      <DeleteDialog
        isOpen={confirming !== null}
        kindName={confirming === null ? '' : t.kindsInSentence[confirming.kind]}
        description={
          confirming === null
            ? ''
            : [entryWhen(confirming, format), ...describeEntry(confirming, format).lines.slice(0, 1)].join(
                ': ',
              )
        }
        isDeleting={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onConfirm={() => {
          if (confirming !== null && !remove.isPending) remove.mutate(confirming);
        }}
        onCancel={() => {
          setConfirming(null);
          remove.reset();
        }}
      />
      <UndoBanner offer={offer} notice={notice} onDismiss={dismiss} />
    </Page>
  );
}

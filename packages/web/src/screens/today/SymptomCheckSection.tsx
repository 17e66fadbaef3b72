import type { SymptomCheck, SymptomScores } from '@sunlog/core/records/symptom-check';
import { SYMPTOM_SCALES, type SymptomScale } from '@sunlog/core/records/symptom-scales';
import { trackedRatingsOf, untrackedRatings } from '@sunlog/core/records/tracked-ratings';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { failureMessage } from '../../api/api-error.ts';
import { createRecord, recordsQueryKey, updateRecord } from '../../api/records.ts';
import { Deferred } from '../../components/Deferred.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { ScoreScale } from '../../components/ScoreScale.tsx';
import { SyncBadge } from '../../components/SyncStatus.tsx';
import { lazyRetrying } from '../../lazy-retrying.tsx';
import type { OutboxView } from '../../offline/use-outbox.ts';
import { directionOf, SCALE_TEXT, todayStrings as t } from './strings.ts';
import { putInList, todayKeys, useRecordsOn } from './today-data.ts';

/** Choosing the ratings is rare and opens from a button: it (and the profile schema) loads then. */
const TrackedRatingsChooser = lazyRetrying(() =>
  import('./TrackedRatingsChooser.tsx').then((module) => ({ default: module.TrackedRatingsChooser })),
);

/**
 * The day's quick check: the ratings the person tracks (fatigue, walking and overall by default), each
 * on one row; the others under "More ratings"; one Save. The day's check can be changed.
 */
export function SymptomCheckSection({
  day,
  isToday,
  dayName,
  trackedRatings,
  outbox,
}: {
  day: string;
  isToday: boolean;
  /** The day in words, for the heading and messages on a past day. */
  dayName: string;
  trackedRatings: readonly SymptomScale[] | undefined;
  outbox: OutboxView;
}) {
  const checks = useRecordsOn('symptom-checks', day);
  const existing = checks.data?.[0];
  const tracked = trackedRatingsOf(
    trackedRatings === undefined ? {} : { trackedRatings: [...trackedRatings] },
  );
  const [isChoosing, setChoosing] = useState(false);
  const [notice, setNotice] = useState<string>();
  // The id a new check for each day will get; once saved it is also the existing check's id, so the
  // form stays put. One per day, so a check saved for yesterday is never overwritten by today's.
  const [newIds] = useState(() => new Map<string, string>());
  if (!newIds.has(day)) newIds.set(day, crypto.randomUUID());
  const newId = newIds.get(day) ?? day;
  return (
    <section className="card today-card today-card--ratings" aria-labelledby="today-symptoms">
      <h2 id="today-symptoms">{isToday ? t.symptomHeading : t.symptomHeadingOn(dayName)}</h2>
      {checks.isPending ? <p className="muted">{t.loading}</p> : null}
      {checks.isError ? <FormAlert message={t.loadFailed} /> : null}
      {checks.isSuccess ? (
        // A new form for each day and when the day's check first arrives, so it starts from the saved answers.
        <SymptomForm
          key={`${day}:${existing?.id ?? newId}`}
          id={existing?.id ?? newId}
          existing={existing}
          day={day}
          isToday={isToday}
          dayName={dayName}
          tracked={tracked}
          outbox={outbox}
        />
      ) : null}
      <StatusMessage message={notice} />
      {isChoosing ? (
        <Deferred>
          <TrackedRatingsChooser
            tracked={tracked}
            onDone={(message) => {
              setChoosing(false);
              setNotice(message);
            }}
          />
        </Deferred>
      ) : (
        <div className="button-row today-card__more">
          <Button
            className="button"
            onPress={() => {
              setNotice(undefined);
              setChoosing(true);
            }}
          >
            {t.chooseRatings}
          </Button>
        </div>
      )}
    </section>
  );
}

function SymptomForm({
  id,
  existing,
  day,
  isToday,
  dayName,
  tracked,
  outbox,
}: {
  id: string;
  existing: SymptomCheck | undefined;
  day: string;
  isToday: boolean;
  dayName: string;
  tracked: readonly SymptomScale[];
  outbox: OutboxView;
}) {
  const queryClient = useQueryClient();
  const moreId = useId();
  const [scores, setScores] = useState<SymptomScores>(existing?.scores ?? {});
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [isSaved, setSaved] = useState(existing !== undefined);
  const others = untrackedRatings(tracked);
  // A saved answer to an untracked rating is shown, not hidden: the fold starts open when one exists.
  const [showMore, setShowMore] = useState(() =>
    others.some((scale) => existing?.scores[scale] !== undefined),
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    setStatus(undefined);
    if (!SYMPTOM_SCALES.some((scale) => scores[scale] !== undefined)) {
      setError(t.symptomEmpty);
      return;
    }
    setError(undefined);
    setSaving(true);
    const body = {
      id,
      localDate: day,
      scores,
      custom: existing?.custom ?? [],
      ...(existing?.note === undefined ? {} : { note: existing.note }),
    };
    try {
      const saved = isSaved
        ? await updateRecord('symptom-checks', body)
        : await createRecord('symptom-checks', body);
      putInList<'symptom-checks'>(queryClient, todayKeys.symptomChecks(day), saved);
      if (isToday) setStatus(isSaved ? t.symptomUpdated : t.symptomSaved);
      else setStatus(isSaved ? t.symptomUpdatedOn(dayName) : t.symptomSavedOn(dayName));
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: recordsQueryKey('symptom-checks') });
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  const scale = (name: SymptomScale) => (
    <ScoreScale
      key={name}
      name={name}
      label={SCALE_TEXT[name].label}
      direction={directionOf(name)}
      ends={SCALE_TEXT[name].ends}
      value={scores[name]}
      onChange={(value) => {
        setScores((old) => ({ ...old, [name]: value }));
        setStatus(undefined);
        setError(undefined);
      }}
    />
  );

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="today-symptoms"
    >
      <p className="muted">
        {isSaved ? (isToday ? t.symptomAlreadyToday : t.symptomAlreadyOn) : t.symptomLead}{' '}
        {isSaved ? <SyncBadge isWaiting={outbox.isWaiting(id)} /> : null}
      </p>
      <div className="score-list">{tracked.map(scale)}</div>
      {others.length === 0 ? null : (
        <>
          <Button
            className="button ratings-more"
            aria-expanded={showMore}
            aria-controls={moreId}
            onPress={() => setShowMore((open) => !open)}
          >
            <span aria-hidden="true">{showMore ? '▾ ' : '▸ '}</span>
            {t.moreRatingsCount(others.length)}
          </Button>
          <div id={moreId} className="score-list" hidden={!showMore}>
            {showMore ? others.map(scale) : null}
          </div>
        </>
      )}
      <FormAlert message={error} />
      <StatusMessage message={status} />
      <div className="button-row">
        <Button type="submit" className="button button--primary">
          {isSaving ? t.saving : isSaved ? t.symptomUpdate : t.symptomSave}
        </Button>
      </div>
    </form>
  );
}

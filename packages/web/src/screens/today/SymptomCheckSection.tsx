import { SYMPTOM_SCALES, type SymptomCheck, type SymptomScores } from '@sunlog/core/records/symptom-check';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { failureMessage } from '../../api/api-error.ts';
import { createRecord, recordsQueryKey, updateRecord } from '../../api/records.ts';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { ScoreScale } from '../../components/ScoreScale.tsx';
import { SyncBadge } from '../../components/SyncStatus.tsx';
import type { OutboxView } from '../../offline/use-outbox.ts';
import { SCALE_TEXT, todayStrings as t } from './strings.ts';
import { putInList, todayKeys, useRecordsOn } from './today-data.ts';

/** The daily quick check: seven 0–10 ratings, any of them, one Save; today's check can be changed. */
export function SymptomCheckSection({ today, outbox }: { today: string; outbox: OutboxView }) {
  const checks = useRecordsOn('symptom-checks', today);
  const existing = checks.data?.[0];
  // The id a new check will get; once saved it is also the existing check's id, so the form stays put.
  const [newId] = useState(() => crypto.randomUUID());
  return (
    <section className="card today-card" aria-labelledby="today-symptoms">
      <h2 id="today-symptoms">{t.symptomHeading}</h2>
      {checks.isPending ? <p className="muted">{t.loading}</p> : null}
      {checks.isError ? <FormAlert message={t.loadFailed} /> : null}
      {checks.isSuccess ? (
        // A new form when today's check first arrives, so it starts from the saved answers.
        <SymptomForm
          key={existing?.id ?? newId}
          id={existing?.id ?? newId}
          existing={existing}
          today={today}
          outbox={outbox}
        />
      ) : null}
    </section>
  );
}

function SymptomForm({
  id,
  existing,
  today,
  outbox,
}: {
  id: string;
  existing: SymptomCheck | undefined;
  today: string;
  outbox: OutboxView;
}) {
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<SymptomScores>(existing?.scores ?? {});
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [isSaved, setSaved] = useState(existing !== undefined);

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
      localDate: today,
      scores,
      custom: existing?.custom ?? [],
      ...(existing?.note === undefined ? {} : { note: existing.note }),
    };
    try {
      const saved = isSaved
        ? await updateRecord('symptom-checks', body)
        : await createRecord('symptom-checks', body);
      putInList<'symptom-checks'>(queryClient, todayKeys.symptomChecks(today), saved);
      setStatus(isSaved ? t.symptomUpdated : t.symptomSaved);
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: recordsQueryKey('symptom-checks') });
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="today-symptoms"
    >
      <p className="muted">
        {isSaved ? t.symptomAlreadyToday : t.symptomLead}{' '}
        {isSaved ? <SyncBadge isWaiting={outbox.isWaiting(id)} /> : null}
      </p>
      <div className="score-list">
        {SYMPTOM_SCALES.map((scale) => (
          <ScoreScale
            key={scale}
            name={scale}
            label={SCALE_TEXT[scale].label}
            ends={SCALE_TEXT[scale].ends}
            value={scores[scale]}
            onChange={(value) => {
              setScores((old) => ({ ...old, [scale]: value }));
              setStatus(undefined);
            }}
          />
        ))}
      </div>
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

import type { Flare } from '@sunlog/core/records/flare';
import { FLARE_LABEL, pseudoRelapsePrompt } from '@sunlog/core/records/flare-wording';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { failureMessage } from '../../api/api-error.ts';
import { recordsQueryKey, updateRecord } from '../../api/records.ts';
import { Deferred } from '../../components/Deferred.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';
import { SyncBadge } from '../../components/SyncStatus.tsx';
import { lazyRetrying } from '../../lazy-retrying.tsx';
import type { OutboxView } from '../../offline/use-outbox.ts';
import { SEVERITIES } from './flare-choices.ts';
import { todayStrings as t } from './strings.ts';
import { dropFromList, todayKeys, useOpenFlares, withoutTimestamps } from './today-data.ts';

/** Starting a flare-up opens a form from a button: it loads then, not with Today. */
const StartFlareForm = lazyRetrying(() =>
  import('./StartFlareForm.tsx').then((module) => ({ default: module.StartFlareForm })),
);

/**
 * Start a flare-up (a suspected relapse, as the person reports it), or end the one that is open. The
 * open ones are those open now; the dates offered start from the day being filled in, never later
 * than today.
 */
export function FlareSection({
  today,
  day,
  formatDate,
  outbox,
}: {
  today: string;
  day: string;
  formatDate: (date: string) => string;
  outbox: OutboxView;
}) {
  const flares = useOpenFlares(today);
  const [isStarting, setStarting] = useState(false);
  const [status, setStatus] = useState<string>();
  const open = flares.data ?? [];
  return (
    <section className="card today-card" aria-labelledby="today-flares">
      <h2 id="today-flares">{t.flareHeading}</h2>
      {flares.isPending ? <p className="muted">{t.loading}</p> : null}
      {flares.isError ? <FormAlert message={t.loadFailed} /> : null}
      {flares.isSuccess && open.length === 0 && !isStarting ? <p>{t.flareNone}</p> : null}
      <ul className="list-plain">
        {open.map((flare) => (
          <OpenFlare
            key={flare.id}
            flare={flare}
            today={today}
            day={day}
            formatDate={formatDate}
            isWaiting={outbox.isWaiting(flare.id)}
            onEnded={() => setStatus(t.flareEnded)}
          />
        ))}
      </ul>
      <StatusMessage message={status} />
      {isStarting ? (
        <Deferred>
          <StartFlareForm
            key={day}
            today={today}
            day={day}
            onDone={(message) => {
              setStarting(false);
              setStatus(message);
            }}
          />
        </Deferred>
      ) : open.length === 0 ? (
        <div className="button-row today-card__more">
          <Button
            className="button"
            onPress={() => {
              setStatus(undefined);
              setStarting(true);
            }}
          >
            {t.flareStart}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function OpenFlare({
  flare,
  today,
  day,
  formatDate,
  isWaiting,
  onEnded,
}: {
  flare: Flare;
  today: string;
  day: string;
  formatDate: (date: string) => string;
  isWaiting: boolean;
  onEnded: () => void;
}) {
  const queryClient = useQueryClient();
  const [endDate, setEndDate] = useState(day >= flare.startDate ? day : today);
  const [error, setError] = useState<string>();
  const [isSaving, setSaving] = useState(false);
  const prompt = pseudoRelapsePrompt(flare);

  const end = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || endDate < flare.startDate || endDate > today) {
      setError('Enter a last day on or after the first day, and not after today.');
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await updateRecord('flares', { ...withoutTimestamps(flare), endDate });
      dropFromList(queryClient, todayKeys.flares(today), flare.id);
      void queryClient.invalidateQueries({ queryKey: recordsQueryKey('flares') });
      onEnded();
    } catch (caught) {
      setError(failureMessage(caught));
      setSaving(false);
    }
  };

  return (
    <li className="flare">
      <h3>
        {t.flareOpen(formatDate(flare.startDate))} <SyncBadge isWaiting={isWaiting} />
      </h3>
      <p className="muted">{FLARE_LABEL}</p>
      <p>
        {flare.symptoms.join(', ')} · {SEVERITIES.find((s) => s.value === flare.severity)?.name}
      </p>
      {prompt === null ? null : <p className="note">{prompt}</p>}
      <form className="form" noValidate onSubmit={(event) => void end(event)} aria-label={t.flareEnd}>
        <NativeInput
          label={t.flareEndLabel}
          name="endDate"
          type="date"
          value={endDate}
          min={flare.startDate}
          max={today}
          onChange={(date) => {
            setEndDate(date);
            setError(undefined);
          }}
          error={error}
        />
        <div className="button-row">
          <Button type="submit" className="button button--primary">
            {isSaving ? t.saving : t.flareEnd}
          </Button>
        </div>
      </form>
    </li>
  );
}

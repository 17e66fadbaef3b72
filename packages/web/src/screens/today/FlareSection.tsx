import type { Flare, FlareSeverity, SuspectedTrigger } from '@sunlog/core/records/flare';
import { FLARE_LABEL, pseudoRelapsePrompt } from '@sunlog/core/records/flare-wording';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { failureMessage } from '../../api/api-error.ts';
import { createRecord, recordsQueryKey, updateRecord } from '../../api/records.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { type Choice, ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';
import { SyncBadge } from '../../components/SyncStatus.tsx';
import type { FieldErrors } from '../../forms/field-errors.ts';
import type { OutboxView } from '../../offline/use-outbox.ts';
import { CardFormActions } from './CardFormActions.tsx';
import { FLARE_SYMPTOMS, todayStrings as t } from './strings.ts';
import { dropFromList, putInList, todayKeys, useOpenFlares, withoutTimestamps } from './today-data.ts';
import { useCardForm } from './use-card-form.ts';

const SEVERITIES: readonly Choice<FlareSeverity>[] = [
  { value: 'mild', name: 'Mild', detail: 'noticeable, but I can do most things' },
  { value: 'moderate', name: 'Moderate', detail: 'it gets in the way of daily life' },
  { value: 'severe', name: 'Severe', detail: 'I cannot do much at all' },
];

const STEROIDS: readonly Choice<'no' | 'yes'>[] = [
  { value: 'no', name: 'No' },
  { value: 'yes', name: 'Yes' },
];

const TRIGGERS: readonly Choice<SuspectedTrigger>[] = [
  { value: 'none-known', name: 'Nothing I know of' },
  { value: 'fever-or-infection', name: 'A fever or an infection' },
  { value: 'heat', name: 'Heat', detail: 'hot weather, a hot bath, exercise' },
  { value: 'stress', name: 'Stress' },
];

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
        <StartFlareForm
          key={day}
          today={today}
          day={day}
          onDone={(message) => {
            setStarting(false);
            setStatus(message);
          }}
        />
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

function StartFlareForm({
  today,
  day,
  onDone,
}: {
  today: string;
  day: string;
  onDone: (message?: string) => void;
}) {
  const queryClient = useQueryClient();
  const [startDate, setStartDate] = useState(day);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [other, setOther] = useState('');
  const [severity, setSeverity] = useState<FlareSeverity>('mild');
  const [steroids, setSteroids] = useState<'no' | 'yes'>('no');
  const [trigger, setTrigger] = useState<SuspectedTrigger>('none-known');
  const startRef = useRef<HTMLInputElement>(null);
  const { errors, formError, isSaving, check, save, clearError } = useCardForm(['startDate', 'symptoms'], {
    startDate: startRef,
  });
  const prompt = pseudoRelapsePrompt({ suspectedTrigger: trigger });

  const toggle = (symptom: string, isSelected: boolean) => {
    const next = new Set(chosen);
    clearError('symptoms');
    if (isSelected) next.add(symptom);
    else next.delete(symptom);
    setChosen(next);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    const symptoms = [
      ...chosen,
      ...other
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ];
    const found: FieldErrors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || startDate > today)
      found.startDate = 'Enter a first day, today or earlier.';
    if (symptoms.length === 0) found.symptoms = t.flareSymptomsRequired;
    if (!check(found)) return;
    const body = {
      id: crypto.randomUUID(),
      startDate,
      symptoms,
      severity,
      steroidTreatment: steroids === 'yes',
      suspectedTrigger: trigger,
    };
    void save(async () => {
      const saved = await createRecord('flares', body);
      putInList<'flares'>(queryClient, todayKeys.flares(today), saved);
      void queryClient.invalidateQueries({ queryKey: recordsQueryKey('flares') });
      onDone(t.flareSaved);
    });
  };

  return (
    <form className="form today-card__form" noValidate onSubmit={submit} aria-label={t.flareStart}>
      <h3>{t.flareStart}</h3>
      <p className="muted">{FLARE_LABEL}</p>
      <NativeInput
        label={t.flareStartLabel}
        name="startDate"
        type="date"
        value={startDate}
        max={today}
        onChange={(date) => {
          setStartDate(date);
          clearError('startDate');
        }}
        error={errors.startDate}
        inputRef={startRef}
      />
      <fieldset className="fieldset">
        <legend className="field__label">{t.flareSymptomsLabel}</legend>
        <div className="check-list">
          {FLARE_SYMPTOMS.map((symptom) => (
            <CheckboxField
              key={symptom}
              isSelected={chosen.has(symptom)}
              onChange={(on) => toggle(symptom, on)}
            >
              {symptom}
            </CheckboxField>
          ))}
        </div>
        {errors.symptoms === undefined ? null : <div className="field__error">{errors.symptoms}</div>}
      </fieldset>
      <NativeInput
        label={t.flareOtherLabel}
        name="otherSymptoms"
        type="text"
        isOptional
        hint={t.flareOtherHint}
        value={other}
        onChange={(text) => {
          setOther(text);
          clearError('symptoms');
        }}
      />
      <ChoiceGroup
        label={t.flareSeverityLabel}
        name="severity"
        choices={SEVERITIES}
        value={severity}
        onChange={setSeverity}
      />
      <ChoiceGroup
        label={t.flareSteroidsLabel}
        name="steroids"
        choices={STEROIDS}
        value={steroids}
        onChange={setSteroids}
      />
      <ChoiceGroup
        label={t.flareTriggerLabel}
        name="trigger"
        choices={TRIGGERS}
        value={trigger}
        onChange={setTrigger}
      />
      <div aria-live="polite">{prompt === null ? null : <p className="note">{prompt}</p>}</div>
      <p className="note">{t.flareDisclaimer}</p>
      <CardFormActions
        formError={formError}
        isSaving={isSaving}
        saveLabel={t.flareSave}
        onCancel={() => onDone()}
      />
    </form>
  );
}

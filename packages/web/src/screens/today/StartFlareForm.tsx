import type { FlareSeverity, SuspectedTrigger } from '@sunlog/core/records/flare';
import { FLARE_LABEL, pseudoRelapsePrompt } from '@sunlog/core/records/flare-wording';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { createRecord, recordsQueryKey } from '../../api/records.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { ChoiceGroup } from '../../components/ChoiceGroup.tsx';
import { NativeInput } from '../../components/NativeInput.tsx';
import type { FieldErrors } from '../../forms/field-errors.ts';
import { CardFormActions } from './CardFormActions.tsx';
import { SEVERITIES, STEROIDS, TRIGGERS } from './flare-choices.ts';
import { FLARE_SYMPTOMS, todayStrings as t } from './strings.ts';
import { putInList, todayKeys } from './today-data.ts';
import { useCardForm } from './use-card-form.ts';

export function StartFlareForm({
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

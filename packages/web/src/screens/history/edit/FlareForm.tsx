import type { FlareSeverity, SuspectedTrigger } from '@sunlog/core/records/flare';
import { FLARE_LABEL } from '@sunlog/core/records/flare-wording';
import { useState } from 'react';
import type { RecordOf } from '../../../api/records.ts';
import { ChoiceGroup } from '../../../components/ChoiceGroup.tsx';
import { FormFrame } from './FormFrame.tsx';
import { CheckboxField, linesOf, SelectField, TextAreaField } from './fields.tsx';
import type { EditFormProps } from './IntakeForm.tsx';
import { NoteTextArea, StartEndFields } from './record-fields.tsx';
import { editStrings as t } from './strings.ts';
import { useSaveRecord } from './use-save-record.ts';

/** Edits a flare-up, which Sunlog always labels a suspected relapse reported by the person. */
export function FlareForm({ record, onSaved, onCancel }: EditFormProps<RecordOf<'flares'>>) {
  const [startDate, setStartDate] = useState(record.startDate);
  const [endDate, setEndDate] = useState(record.endDate ?? '');
  const [symptoms, setSymptoms] = useState(record.symptoms.join('\n'));
  const [severity, setSeverity] = useState<FlareSeverity>(record.severity);
  const [steroidTreatment, setSteroidTreatment] = useState(record.steroidTreatment);
  const [trigger, setTrigger] = useState<SuspectedTrigger>(record.suspectedTrigger);
  const [note, setNote] = useState(record.note ?? '');
  const saving = useSaveRecord('flares', onSaved);
  const { errors } = saving;

  const submit = () =>
    saving.save({
      id: record.id,
      startDate,
      ...(endDate === '' ? {} : { endDate }),
      symptoms: linesOf(symptoms),
      severity,
      steroidTreatment,
      suspectedTrigger: trigger,
      ...(note.trim() === '' ? {} : { note }),
    });

  return (
    <FormFrame saving={saving} onSubmit={submit} onCancel={onCancel}>
      <p className="muted">{FLARE_LABEL}</p>
      <StartEndFields
        endLabel={t.endDate}
        start={startDate}
        onStartChange={setStartDate}
        end={endDate}
        onEndChange={setEndDate}
        errors={errors}
      />
      <TextAreaField
        label={t.symptoms}
        name="symptoms"
        hint={t.symptomsHint}
        value={symptoms}
        onChange={setSymptoms}
        error={errors.symptoms}
      />
      <ChoiceGroup
        label={t.severity}
        name="severity"
        value={severity}
        onChange={setSeverity}
        choices={(['mild', 'moderate', 'severe'] as const).map((value) => ({
          value,
          name: t.severities[value],
        }))}
      />
      <CheckboxField
        label={t.steroids}
        name="steroidTreatment"
        checked={steroidTreatment}
        onChange={setSteroidTreatment}
      />
      <SelectField
        label={t.trigger}
        name="suspectedTrigger"
        value={trigger}
        onChange={setTrigger}
        options={(['none-known', 'fever-or-infection', 'heat', 'stress'] as const).map((value) => ({
          value,
          label: t.triggers[value],
        }))}
      />
      <NoteTextArea value={note} onChange={setNote} error={errors.note} />
    </FormFrame>
  );
}

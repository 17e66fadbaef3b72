import { localDateOf } from '@sunlog/core/calendar';
import { unusualBloodLevel } from '@sunlog/core/plausibility';
import { ANALYTE_LABELS } from '@sunlog/core/records/lab-result';
import { useState } from 'react';
import type { RecordOf } from '../../../api/records.ts';
import { numberProblem } from '../../../forms/parse-number.ts';
import { UnusualConfirm, useUnusualConfirm } from '../../../forms/UnusualConfirm.tsx';
import { FormFrame } from './FormFrame.tsx';
import { InputField, numberForInput, parseDecimal } from './fields.tsx';
import type { EditFormProps } from './IntakeForm.tsx';
import { NoteTextArea, QuantityFields } from './record-fields.tsx';
import { editStrings as t } from './strings.ts';
import { useSaveRecord } from './use-save-record.ts';

/** Edits a blood result: date, value and unit as printed on the report, lab, note. */
export function LabResultForm({
  record,
  locale,
  timeZone,
  onSaved,
  onCancel,
}: EditFormProps<RecordOf<'lab-results'>>) {
  const [sampleDate, setSampleDate] = useState(record.sampleDate);
  const [value, setValue] = useState(() => numberForInput(record.level.value));
  const [unit, setUnit] = useState<string>(record.level.unit);
  const [labName, setLabName] = useState(record.labName ?? '');
  const [note, setNote] = useState(record.note ?? '');
  const saving = useSaveRecord('lab-results', onSaved);
  const [dateError, setDateError] = useState<string>();
  const errors = dateError === undefined ? saving.errors : { ...saving.errors, sampleDate: dateError };
  const unusual = useUnusualConfirm(`${value}|${unit}`);
  const units =
    record.analyte === 'calcium' ? (['mg/dL', 'mmol/L'] as const) : (['ng/mL', 'nmol/L'] as const);

  const submit = () => {
    const { createdAt: _created, updatedAt: _updated, ...kept } = record;
    // A result cannot be from a day that has not come yet in the person's time zone.
    const future = sampleDate > localDateOf(Date.now(), timeZone);
    setDateError(future ? t.sampleDateFuture : undefined);
    if (future) return;
    const level = { value: parseDecimal(value), unit };
    const unusualEntry =
      record.analyte === '25-hydroxyvitamin-d-total' && (unit === 'ng/mL' || unit === 'nmol/L')
        ? unusualBloodLevel({ value: level.value, unit }, locale)
        : null;
    unusual.askOrProceed(unusualEntry, () =>
      saving.save(
        {
          ...kept,
          sampleDate,
          level,
          labName: labName.trim() === '' ? undefined : labName,
          note: note.trim() === '' ? undefined : note,
        },
        { 'level.value': numberProblem(value, t.resultInvalid) ?? t.resultInvalid },
      ),
    );
  };

  return (
    <FormFrame
      saving={{ ...saving, errors }}
      onSubmit={submit}
      onCancel={onCancel}
      confirm={<UnusualConfirm state={unusual} />}
    >
      <p className="muted">{ANALYTE_LABELS[record.analyte]}</p>
      <InputField
        label={t.sampleDate}
        name="sampleDate"
        type="date"
        value={sampleDate}
        onChange={(date) => {
          setSampleDate(date);
          setDateError(undefined);
          saving.clearError('sampleDate');
        }}
        error={errors.sampleDate}
      />
      <QuantityFields
        label={t.result}
        name="value"
        value={value}
        onChange={(text) => {
          setValue(text);
          saving.clearError('level.value');
        }}
        error={errors['level.value']}
        unit={unit}
        onUnitChange={setUnit}
        units={units.map((option) => ({ value: option, label: option }))}
        unitError={errors['level.unit']}
      />
      <InputField
        label={t.labName}
        name="labName"
        isOptional
        value={labName}
        onChange={setLabName}
        error={errors.labName}
      />
      <NoteTextArea value={note} onChange={setNote} error={errors.note} />
    </FormFrame>
  );
}

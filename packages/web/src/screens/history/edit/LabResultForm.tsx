import { ANALYTE_LABELS } from '@sunlog/core/records/lab-result';
import { useState } from 'react';
import type { RecordOf } from '../../../api/records.ts';
import { FormFrame } from './FormFrame.tsx';
import { InputField, numberForInput, parseDecimal, SelectField, TextAreaField } from './fields.tsx';
import type { EditFormProps } from './IntakeForm.tsx';
import { editStrings as t } from './strings.ts';
import { useSaveRecord } from './use-save-record.ts';

/** Edits a blood result: date, value and unit as printed on the report, lab, note. */
export function LabResultForm({ record, locale, onSaved, onCancel }: EditFormProps<RecordOf<'lab-results'>>) {
  const [sampleDate, setSampleDate] = useState(record.sampleDate);
  const [value, setValue] = useState(() => numberForInput(record.level.value, locale));
  const [unit, setUnit] = useState<string>(record.level.unit);
  const [labName, setLabName] = useState(record.labName ?? '');
  const [note, setNote] = useState(record.note ?? '');
  const { save, errors, formError, isSaving } = useSaveRecord('lab-results', onSaved);
  const units =
    record.analyte === 'calcium' ? (['mg/dL', 'mmol/L'] as const) : (['ng/mL', 'nmol/L'] as const);

  const submit = () => {
    const { createdAt: _created, updatedAt: _updated, ...kept } = record;
    save(
      {
        ...kept,
        sampleDate,
        level: { value: parseDecimal(value, locale), unit },
        labName: labName.trim() === '' ? undefined : labName,
        note: note.trim() === '' ? undefined : note,
      },
      { 'level.value': t.resultInvalid },
    );
  };

  return (
    <FormFrame
      onSubmit={submit}
      onCancel={onCancel}
      errors={errors}
      formError={formError}
      isSaving={isSaving}
    >
      <p className="muted">{ANALYTE_LABELS[record.analyte]}</p>
      <InputField
        label={t.sampleDate}
        name="sampleDate"
        type="date"
        value={sampleDate}
        onChange={setSampleDate}
        error={errors.sampleDate}
      />
      <div className="form-pair">
        <InputField
          label={t.result}
          name="value"
          inputMode="decimal"
          value={value}
          onChange={setValue}
          error={errors['level.value']}
        />
        <SelectField
          label={t.unit}
          name="unit"
          value={unit}
          onChange={setUnit}
          options={units.map((option) => ({ value: option, label: option }))}
          error={errors['level.unit']}
        />
      </div>
      <InputField
        label={t.labName}
        name="labName"
        isOptional
        value={labName}
        onChange={setLabName}
        error={errors.labName}
      />
      <TextAreaField
        label={t.note}
        name="note"
        isOptional
        value={note}
        onChange={setNote}
        error={errors.note}
      />
    </FormFrame>
  );
}

import type { SymptomScores } from '@sunlog/core/records/symptom-check';
import { SYMPTOM_SCALES, type SymptomScale } from '@sunlog/core/records/symptom-scales';
import { useState } from 'react';
import type { RecordOf } from '../../../api/records.ts';
import { SYMPTOM_NAMES } from '../strings.ts';
import { FormFrame } from './FormFrame.tsx';
import { InputField } from './fields.tsx';
import type { EditFormProps } from './IntakeForm.tsx';
import { DayField, NoteTextArea } from './record-fields.tsx';
import { editStrings as t } from './strings.ts';
import { useSaveRecord } from './use-save-record.ts';

/** Edits a day's ratings; an empty box means "not rated", never 0. Custom ratings are kept as they are. */
export function SymptomCheckForm({ record, onSaved, onCancel }: EditFormProps<RecordOf<'symptom-checks'>>) {
  const [localDate, setLocalDate] = useState(record.localDate);
  const [scores, setScores] = useState<Record<SymptomScale, string>>(
    () =>
      Object.fromEntries(
        SYMPTOM_SCALES.map((scale) => [
          scale,
          record.scores[scale] === undefined ? '' : String(record.scores[scale]),
        ]),
      ) as Record<SymptomScale, string>,
  );
  const [note, setNote] = useState(record.note ?? '');
  const saving = useSaveRecord('symptom-checks', onSaved);
  const { errors } = saving;

  const submit = () => {
    const parsedScores: SymptomScores = {};
    for (const scale of SYMPTOM_SCALES) {
      const text = scores[scale].trim();
      if (text !== '') parsedScores[scale] = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    }
    saving.save(
      {
        id: record.id,
        localDate,
        scores: parsedScores,
        custom: record.custom,
        ...(note.trim() === '' ? {} : { note }),
      },
      {
        ...Object.fromEntries(SYMPTOM_SCALES.map((scale) => [`scores.${scale}`, t.scoreInvalid])),
        scores: t.atLeastOne,
      },
    );
  };

  return (
    <FormFrame saving={saving} onSubmit={submit} onCancel={onCancel}>
      <DayField value={localDate} onChange={setLocalDate} error={errors.localDate} />
      <p className="field__hint">{t.scoreHint}</p>
      {errors.scores === undefined ? null : <p className="field__error">{errors.scores}</p>}
      <div className="score-grid">
        {SYMPTOM_SCALES.map((scale) => (
          <InputField
            key={scale}
            label={SYMPTOM_NAMES[scale]}
            name={scale}
            inputMode="numeric"
            value={scores[scale]}
            onChange={(value) => setScores((current) => ({ ...current, [scale]: value }))}
            error={errors[`scores.${scale}`]}
          />
        ))}
      </div>
      {record.custom.length === 0 ? null : (
        <p className="field__hint">
          {t.customRatings(record.custom.map((custom) => custom.name).join(', '))}
        </p>
      )}
      <NoteTextArea value={note} onChange={setNote} error={errors.note} />
    </FormFrame>
  );
}

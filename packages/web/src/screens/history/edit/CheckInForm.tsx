import type { CheckInAnswers } from '@sunlog/core/records/check-in';
import { useState } from 'react';
import type { RecordOf } from '../../../api/records.ts';
import { FormFrame } from './FormFrame.tsx';
import { InputField, linesOf, TextAreaField } from './fields.tsx';
import type { EditFormProps } from './IntakeForm.tsx';
import { editStrings as t } from './strings.ts';
import { useSaveRecord } from './use-save-record.ts';

const ANSWERS = ['intakeConsistency', 'symptomChange', 'bloodResultNote', 'flareNote', 'freeText'] as const;

/** Edits a monthly check-in's answers and questions for the doctor. */
export function CheckInForm({ record, onSaved, onCancel }: EditFormProps<RecordOf<'check-ins'>>) {
  const [month, setMonth] = useState(record.month);
  const [answers, setAnswers] = useState<Record<(typeof ANSWERS)[number], string>>(
    () =>
      Object.fromEntries(ANSWERS.map((key) => [key, record.answers[key] ?? ''])) as Record<
        (typeof ANSWERS)[number],
        string
      >,
  );
  const [questions, setQuestions] = useState(record.questionsForDoctor.join('\n'));
  const saving = useSaveRecord('check-ins', onSaved);
  const { errors } = saving;

  const submit = () => {
    const kept: CheckInAnswers = {};
    for (const key of ANSWERS) if (answers[key].trim() !== '') kept[key] = answers[key];
    saving.save({
      id: record.id,
      month,
      answers: kept,
      questionsForDoctor: linesOf(questions),
    });
  };

  return (
    <FormFrame saving={saving} onSubmit={submit} onCancel={onCancel}>
      <InputField
        label={t.month}
        name="month"
        hint="YYYY-MM"
        value={month}
        onChange={setMonth}
        error={errors.month}
      />
      {ANSWERS.map((key) => (
        <TextAreaField
          key={key}
          label={t[key]}
          name={key}
          isOptional
          value={answers[key]}
          onChange={(value) => setAnswers((current) => ({ ...current, [key]: value }))}
          error={errors[`answers.${key}`]}
        />
      ))}
      <TextAreaField
        label={t.questions}
        name="questions"
        isOptional
        hint={t.questionsHint}
        value={questions}
        onChange={setQuestions}
        error={errors.questionsForDoctor}
      />
    </FormFrame>
  );
}

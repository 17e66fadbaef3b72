import type { CheckInAnswers } from '@sunlog/core/records/check-in';
import { useState } from 'react';
import type { RecordOf } from '../../../api/records.ts';
import { FormFrame } from './FormFrame.tsx';
import { InputField, TextAreaField } from './fields.tsx';
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
  const { save, errors, formError, isSaving } = useSaveRecord('check-ins', onSaved);

  const submit = () => {
    const kept: CheckInAnswers = {};
    for (const key of ANSWERS) if (answers[key].trim() !== '') kept[key] = answers[key];
    save({
      id: record.id,
      month,
      answers: kept,
      questionsForDoctor: questions
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    });
  };

  return (
    <FormFrame
      onSubmit={submit}
      onCancel={onCancel}
      errors={errors}
      formError={formError}
      isSaving={isSaving}
    >
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

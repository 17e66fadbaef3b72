import type { CheckIn } from '@sunlog/core/records/check-in';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { isApiError } from '../../api/api-error.ts';
import { createRecord, recordsQueryKey, updateRecord } from '../../api/records.ts';
import { FormAlert, StatusMessage } from '../../components/LiveMessages.tsx';
import { BloodStep } from './BloodStep.tsx';
import { ComputedSummary } from './ComputedSummary.tsx';
import type { CheckInContext } from './check-in-context.ts';
import { type AnswerKey, type CheckInDraft, checkInBody, draftFrom } from './draft.ts';
import { FlareStep } from './FlareStep.tsx';
import { IntakeStep } from './IntakeStep.tsx';
import { NoteField } from './NoteField.tsx';
import { QuestionsStep } from './QuestionsStep.tsx';
import { CheckInSummary } from './ReviewStep.tsx';
import { SymptomStep } from './SymptomStep.tsx';
import { checkInStrings as t } from './strings.ts';

const STEP_COUNT = t.stepTitles.length;

/** Sends the check-in: a new one is created, the month's existing one replaced (its history is kept). */
async function saveCheckIn(body: ReturnType<typeof checkInBody>, exists: boolean): Promise<CheckIn> {
  if (exists) return updateRecord('check-ins', body);
  try {
    return await createRecord('check-ins', body);
  } catch (error) {
    // An earlier attempt reached the server but its answer was lost, and the draft changed since.
    if (isApiError(error) && error.code === 'idempotency-conflict') return updateRecord('check-ins', body);
    throw error;
  }
}

/** The guided review for one month, one step at a time, ending in a saved CheckIn record. */
export function CheckInWizard({ context, saved }: { context: CheckInContext; saved: CheckIn | undefined }) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<CheckInDraft>(() => draftFrom(saved));
  const [id] = useState(() => saved?.id ?? crypto.randomUUID());
  const [exists, setExists] = useState(saved !== undefined);
  const [savedMessage, setSavedMessage] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves on every change of step.
  useEffect(() => {
    // Focus the new step's heading after Back or Next, so its name is announced; not on first render.
    if (!moved.current) return;
    headingRef.current?.focus();
  }, [step]);

  const mutation = useMutation({
    mutationFn: () => saveCheckIn(checkInBody(id, context.month, draft), exists),
    onSuccess: () => {
      setExists(true);
      setSavedMessage(t.saved(context.monthLabel));
      void queryClient.invalidateQueries({ queryKey: recordsQueryKey('check-ins') });
    },
  });

  const go = (next: number) => {
    moved.current = true;
    setSavedMessage(undefined);
    setStep(Math.min(STEP_COUNT - 1, Math.max(0, next)));
  };

  const edit = (key: AnswerKey) => (value: string) => {
    setSavedMessage(undefined);
    setDraft((old) => ({ ...old, [key]: value }));
  };

  const note = (key: AnswerKey, label: string): ReactNode => (
    <NoteField label={label} hint={t.yourWords} name={key} value={draft[key]} onChange={edit(key)} />
  );

  const body = (): ReactNode => {
    switch (step) {
      case 0:
        return (
          <>
            <IntakeStep context={context} />
            {note('intakeConsistency', t.intakeQuestion)}
          </>
        );
      case 1:
        return (
          <>
            <SymptomStep context={context} />
            <aside className="note" aria-label="About comparisons">
              <p>{t.patternsDisclaimer}</p>
            </aside>
            {note('symptomChange', t.symptomQuestion)}
          </>
        );
      case 2:
        return (
          <>
            <BloodStep context={context} />
            {note('bloodResultNote', t.bloodQuestion)}
          </>
        );
      case 3:
        return (
          <>
            <FlareStep context={context} />
            {note('flareNote', t.flareQuestion)}
          </>
        );
      case 4:
        return (
          <QuestionsStep
            questions={draft.questionsForDoctor}
            onQuestionsChange={(questions) => {
              setSavedMessage(undefined);
              setDraft((old) => ({ ...old, questionsForDoctor: questions }));
            }}
            freeText={draft.freeText}
            onFreeTextChange={edit('freeText')}
          />
        );
      default:
        return (
          <>
            <p>{t.reviewLead}</p>
            <ComputedSummary context={context} />
            <h3>{t.yourNotesHeading}</h3>
            <CheckInSummary draft={draft} headingLevel={4} />
          </>
        );
    }
  };

  const isLast = step === STEP_COUNT - 1;
  return (
    <section className="card wizard" aria-labelledby="check-in-step">
      <h2 id="check-in-step" ref={headingRef} tabIndex={-1} className="wizard__heading">
        <span className="wizard__count">{t.stepCount(step + 1, STEP_COUNT)}</span>
        <span className="visually-hidden">: </span>
        <span className="wizard__title">{t.stepTitles[step]}</span>
      </h2>
      <div className="wizard__body">{body()}</div>
      <FormAlert message={mutation.error?.message} />
      <StatusMessage message={savedMessage} />
      <div className="button-row wizard__nav">
        {step > 0 ? (
          <Button className="button" onPress={() => go(step - 1)}>
            {t.back}
          </Button>
        ) : null}
        {isLast ? (
          <Button
            className="button button--primary"
            onPress={() => {
              if (!mutation.isPending) mutation.mutate();
            }}
          >
            {mutation.isPending ? t.saving : exists ? t.saveChanges : t.save}
          </Button>
        ) : (
          <Button className="button button--primary" onPress={() => go(step + 1)}>
            {t.next}
          </Button>
        )}
      </div>
    </section>
  );
}

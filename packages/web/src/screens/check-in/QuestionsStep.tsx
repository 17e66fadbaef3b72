import { type FormEvent, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { StatusMessage } from '../../components/LiveMessages.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { NoteField } from './NoteField.tsx';
import { checkInStrings as t } from './strings.ts';

/** The most questions a check-in keeps (CheckInSchema). */
const MAX_QUESTIONS = 20;

/** Step 5: a list of questions for the doctor (add, remove with undo) and free-text notes. */
export function QuestionsStep({
  questions,
  onQuestionsChange,
  freeText,
  onFreeTextChange,
}: {
  questions: readonly string[];
  onQuestionsChange: (questions: string[]) => void;
  freeText: string;
  onFreeTextChange: (value: string) => void;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [removed, setRemoved] = useState<{ question: string; index: number } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const question = draft.trim();
    if (question === '') {
      setError(t.questionEmpty);
      inputRef.current?.focus();
      return;
    }
    if (questions.length >= MAX_QUESTIONS) {
      setError(t.questionTooMany);
      return;
    }
    onQuestionsChange([...questions, question.slice(0, 500)]);
    setDraft('');
    setError(undefined);
    setRemoved(null);
    setStatus(t.questionAdded);
    inputRef.current?.focus();
  };

  const remove = (index: number) => {
    const question = questions[index];
    if (question === undefined) return;
    onQuestionsChange(questions.filter((_, i) => i !== index));
    setRemoved({ question, index });
    setStatus(t.questionRemoved);
    // Focus stays in the list: the next question's button, or the input when the list is empty.
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  const undo = () => {
    if (removed === null) return;
    const next = [...questions];
    next.splice(removed.index, 0, removed.question);
    onQuestionsChange(next);
    setRemoved(null);
    setStatus(t.questionAdded);
  };

  return (
    <>
      <p>{t.questionsLead}</p>
      <form className="form question-form" noValidate onSubmit={add} aria-label={t.addQuestion}>
        <TextInput
          label={t.questionLabel}
          name="question"
          hint={t.questionHint}
          value={draft}
          onChange={(value) => {
            setDraft(value);
            setError(undefined);
          }}
          error={error}
          inputRef={inputRef}
        />
        <div className="button-row">
          <Button type="submit" className="button">
            {t.addQuestion}
          </Button>
        </div>
      </form>
      <h3>{t.questionsHeading}</h3>
      {questions.length === 0 ? <p className="muted">{t.noQuestions}</p> : null}
      <ol className="question-list">
        {questions.map((question, index) => (
          // Questions are plain text and may repeat; their place in the list is what identifies them.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={`${index}-${question}`} className="question-list__item">
            <span className="question-list__text">{question}</span>
            <Button className="button" aria-label={t.removeQuestion(index + 1)} onPress={() => remove(index)}>
              {t.remove}
            </Button>
          </li>
        ))}
      </ol>
      <div className="status-row">
        <StatusMessage message={status} />
        {removed === null ? null : (
          <Button className="button" onPress={undo}>
            {t.undo}
          </Button>
        )}
      </div>
      <NoteField label={t.freeTextLabel} name="freeText" value={freeText} onChange={onFreeTextChange} />
    </>
  );
}

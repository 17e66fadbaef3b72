import type { CheckInDraft } from './draft.ts';
import { checkInStrings as t } from './strings.ts';

/** The saved content of a check-in, as a description list; shared by the review step and earlier check-ins. */
export function CheckInSummary({ draft, headingLevel = 3 }: { draft: CheckInDraft; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const answer = (text: string) =>
    text.trim() === '' ? <p className="muted">{t.reviewEmpty}</p> : <p>{text}</p>;
  return (
    <div className="check-in-summary">
      <Heading>{t.reviewIntake}</Heading>
      {answer(draft.intakeConsistency)}
      <Heading>{t.reviewSymptoms}</Heading>
      {answer(draft.symptomChange)}
      <Heading>{t.reviewBlood}</Heading>
      {answer(draft.bloodResultNote)}
      <Heading>{t.reviewFlares}</Heading>
      {answer(draft.flareNote)}
      <Heading>{t.reviewQuestions}</Heading>
      {draft.questionsForDoctor.length === 0 ? (
        <p className="muted">{t.noQuestions}</p>
      ) : (
        <ol className="compact-list">
          {draft.questionsForDoctor.map((question, index) => (
            // Questions are plain text and may repeat; their place in the list is what identifies them.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={`${index}-${question}`}>{question}</li>
          ))}
        </ol>
      )}
      <Heading>{t.reviewNotes}</Heading>
      {answer(draft.freeText)}
    </div>
  );
}

import type { CheckIn, CheckInAnswers, CheckInCreate } from '@sunlog/core/records/check-in';

/** The check-in being written: every answer as typed, plus the questions. */
export interface CheckInDraft {
  intakeConsistency: string;
  symptomChange: string;
  bloodResultNote: string;
  flareNote: string;
  freeText: string;
  questionsForDoctor: string[];
}

export type AnswerKey = keyof CheckInAnswers;

/** An empty draft, or the saved check-in of the month to carry on from. */
export function draftFrom(saved: CheckIn | undefined): CheckInDraft {
  const answers = saved?.answers ?? {};
  return {
    intakeConsistency: answers.intakeConsistency ?? '',
    symptomChange: answers.symptomChange ?? '',
    bloodResultNote: answers.bloodResultNote ?? '',
    flareNote: answers.flareNote ?? '',
    freeText: answers.freeText ?? '',
    questionsForDoctor: [...(saved?.questionsForDoctor ?? [])],
  };
}

/** The record to send: blank answers are left out rather than stored as empty text. */
export function checkInBody(id: string, month: string, draft: CheckInDraft): CheckInCreate {
  const answers: CheckInAnswers = {};
  const keys: AnswerKey[] = [
    'intakeConsistency',
    'symptomChange',
    'bloodResultNote',
    'flareNote',
    'freeText',
  ];
  for (const key of keys) {
    const text = draft[key].trim();
    if (text !== '') answers[key] = text;
  }
  return { id, month, answers, questionsForDoctor: draft.questionsForDoctor };
}

import { DISCLAIMERS } from '@sunlog/core/insights/wording';

/** Every sentence of the monthly check-in. */
export const checkInStrings = {
  title: 'Monthly check-in',
  lead: 'A few minutes, one step at a time: how the month went, what to ask your doctor, saved for later.',
  loading: 'Loading your records…',
  loadFailed: 'Your records could not be loaded.',
  retry: 'Try again',
  disclaimer: DISCLAIMERS.general,
  patternsDisclaimer: DISCLAIMERS.patterns,
  flaresDisclaimer: DISCLAIMERS.flares,
  monthLabel: 'Month to look back on',
  monthHint: 'Changing the month starts that month’s check-in from step 1.',
  monthSaved: (month: string) => `${month} (saved)`,
  stepCount: (step: number, total: number) => `Step ${step} of ${total}`,
  back: 'Back',
  next: 'Next',
  save: 'Save check-in',
  saveChanges: 'Save changes',
  saving: 'Saving…',
  saved: (month: string) => `Your check-in for ${month} is saved.`,
  yourWords: 'In your own words (optional)',

  stepTitles: [
    'Taking your vitamin D',
    'How your symptoms changed',
    'Your latest blood result',
    'Flare-ups this month',
    'Questions for your doctor',
    'Review and save',
  ] as const,

  intakeLead: (month: string) => `How regularly you marked your scheduled doses as taken in ${month}.`,
  intakeNone: (month: string) => `You had no supplement regimen in ${month}, so no doses were scheduled.`,
  intakeLine: (product: string, taken: number, scheduled: number, percent: string) =>
    `${product}: you marked ${taken} of ${scheduled} scheduled ${scheduled === 1 ? 'dose' : 'doses'} as taken (${percent}).`,
  intakeNothingDue: (product: string) => `${product}: no scheduled doses were due yet this month.`,
  intakeDetail: (skipped: number, missed: number, pending: number) => {
    const parts = [`${skipped} skipped on purpose`, `${missed} with nothing logged`];
    if (pending > 0) parts.push(`${pending} still to come`);
    return `${parts.join(', ')}.`;
  },
  intakeCaption: (product: string) => `${product}: each scheduled day of the month`,
  intakeSummary: (taken: number, skipped: number, missed: number) =>
    `Of the scheduled days that are over, ${taken} were taken, ${skipped} skipped and ${missed} had nothing logged.`,
  intakeColumns: ['Date', 'What happened'] as const,
  statusWords: {
    taken: 'Taken',
    skipped: 'Skipped',
    missed: 'Nothing logged',
    pending: 'Still to come',
  } as const,
  intakeQuestion: 'How regularly did you take your vitamin D this month?',

  symptomsLead:
    'Each rating’s average this month against the three months before, with a 95% confidence interval: the range the average would likely fall in if the month were lived again.',
  symptomsNone: (month: string) =>
    `There are no daily ratings for ${month} or the three months before it, so there is nothing to compare yet.`,
  thisMonth: 'This month',
  previousMonths: 'The 3 months before',
  change: 'Change',
  noEarlier: 'No earlier month has enough ratings to compare with yet.',
  tooFewThisMonth: (missing: string) => `Not enough ratings this month to compare: ${missing}.`,
  aboutTheSame: 'About the same: the difference is within the uncertainty.',
  changed: (label: string, higher: boolean, better: boolean) =>
    `${higher ? 'Higher' : 'Lower'} ${label} than before, which for ${label} reads as ${better ? 'better' : 'worse'}.`,
  betterDirection: (label: string, higherIsBetter: boolean) =>
    `For ${label}, a ${higherIsBetter ? 'higher' : 'lower'} score is better.`,
  symptomQuestion: 'How did your symptoms change this month?',

  bloodNone: 'No 25-hydroxyvitamin D result is recorded up to the end of this month.',
  bloodLatest: (value: string, date: string) => `Your latest result: ${value}, taken on ${date}.`,
  bloodFromEarlier: 'This result is from before this month; it is the most recent one you have.',
  bloodLab: (lab: string) => `Lab: ${lab}.`,
  targetHeading: 'Against your personal target',
  targetSource: 'Source: the range you agreed with your doctor.',
  targetNone:
    'You have not set a personal target. No MS guideline sets one, so Sunlog never suggests one; it is something to agree with your doctor.',
  targetPosition: {
    below: 'Below your target',
    within: 'Within your target',
    above: 'Above your target',
  } as const,
  targetRange: (range: string) => `Your target: ${range}.`,
  guidelinesHeading: 'Against published guidelines',
  guidelineLine: (name: string, label: string) => `Per ${name}: ${label}.`,
  labRangeLine: (lab: string, range: string) => `Per your lab${lab}: reference range ${range}.`,
  steadyHeading: 'Expected at steady state from your dose',
  steadyLine: (range: string) => `Published averages put a settled level around ${range} on your usual dose.`,
  steadySource: (source: string) =>
    `Source: ${source}. A rough range from studies of many people; your own lab result is the one that counts.`,
  steadyMissing: (missing: string) => `No expected range yet: ${missing}.`,
  bloodQuestion: 'Anything about blood tests this month?',

  flaresNone: (month: string) => `No flare-ups are recorded in ${month}.`,
  flareDates: (start: string, end: string | null) =>
    end === null ? `From ${start}, still going` : `${start} to ${end}`,
  flareSeverity: (severity: string) => `Severity: ${severity}.`,
  flareSymptoms: (symptoms: string) => `Symptoms: ${symptoms}.`,
  flareSteroids: 'Treated with steroids.',
  flareQuestion: 'Anything about flare-ups this month?',

  questionsLead:
    'Write down what you want to ask at your next appointment. You can bring this list, or share it.',
  questionLabel: 'A question for your doctor',
  questionHint: 'Press Add question after each one.',
  addQuestion: 'Add question',
  questionEmpty: 'Write a question first.',
  questionTooMany: 'You can list up to 20 questions.',
  questionsHeading: 'Your questions',
  noQuestions: 'No questions yet.',
  removeQuestion: (index: number) => `Remove question ${index}`,
  remove: 'Remove',
  questionRemoved: 'Question removed.',
  undo: 'Undo',
  questionAdded: 'Question added.',
  freeTextLabel: 'Other notes for this month (optional)',

  reviewLead: 'Check what will be saved. You can go back to change anything.',
  computedHeading: (month: string) => `What your records show for ${month}`,
  computedLead: 'Worked out from what you logged, as your records stand now.',
  computedIntake: (product: string, taken: number, scheduled: number, percent: string) =>
    `${product}: taken on ${taken} of ${scheduled} scheduled ${scheduled === 1 ? 'day' : 'days'} (${percent}).`,
  computedIntakeNone: 'No supplement plan ran this month.',
  computedDaysRated: (days: number) =>
    days === 0
      ? 'You did not rate how you felt on any day this month.'
      : `You rated how you felt on ${days} ${days === 1 ? 'day' : 'days'}.`,
  computedSymptom: (label: string, average: string, change: string) =>
    `${label}: ${average} out of 10 on average; ${change}`,
  computedChange: {
    'too-few-this-month': 'too few ratings to compare.',
    'no-earlier': 'nothing earlier to compare with yet.',
    'about-the-same': 'about the same as the 3 months before.',
  } as const,
  computedChanged: (higher: boolean, better: boolean) =>
    `${higher ? 'higher' : 'lower'} than the 3 months before, which reads as ${better ? 'better' : 'worse'}.`,
  computedBlood: (value: string, date: string) => `Blood result: ${value}, taken on ${date}.`,
  computedBloodNone: 'No blood result was taken this month.',
  computedFlares: (count: number) =>
    count === 0 ? 'No flare-ups recorded.' : `${count} ${count === 1 ? 'flare-up' : 'flare-ups'} recorded.`,
  yourNotesHeading: 'Your notes',
  reviewIntake: 'Taking your vitamin D',
  reviewSymptoms: 'Symptoms',
  reviewBlood: 'Blood tests',
  reviewFlares: 'Flare-ups',
  reviewQuestions: 'Questions for your doctor',
  reviewNotes: 'Other notes',
  reviewEmpty: 'Nothing written.',

  pastHeading: 'Earlier check-ins',
  pastNone: 'You have not saved a check-in yet.',
  pastSavedOn: (date: string) => `Last saved ${date}.`,
  read: (month: string) => `Read ${month}`,
  hide: (month: string) => `Hide ${month}`,
  openToEdit: (month: string) => `Edit ${month}`,
} as const;

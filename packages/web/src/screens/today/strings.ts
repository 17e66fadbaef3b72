import { DISCLAIMERS } from '@sunlog/core/insights/wording';
import { SCALE_DIRECTION, type ScaleDirection, type SymptomScale } from '@sunlog/core/records/symptom-scales';

export const todayStrings = {
  title: 'Today',
  greeting: (name: string) => `Hello, ${name}.`,
  loading: 'Loading your day…',
  loadFailed: 'Sunlog could not load this part of your day. It will try again.',

  dayPickerLabel: 'Day you are filling in',
  dayLabel: 'Pick a day',
  dayHint: (earliest: string) => `Any day from ${earliest} to today.`,
  dayOutOfRange: (earliest: string) =>
    `Choose a day from ${earliest} to today. Sunlog does not log days ahead.`,
  earlierDay: 'Earlier day',
  laterDay: 'Later day',
  backToToday: 'Back to today',
  todayWord: 'Today',
  yesterdayWord: 'Yesterday',
  pastDayNotice: (date: string) => `You are filling in ${date}, not today.`,
  pastDayHistory: 'For older days, open History.',

  doseHeading: 'Vitamin D today',
  doseHeadingOn: (date: string) => `Vitamin D on ${date}`,
  takenLater: 'Taken ✓',
  skippedLater: 'Skipped',
  loggedLater: '(added later)',
  takenStatusOn: (product: string, date: string) => `${product}: taken on ${date}.`,
  skippedStatusOn: (product: string, date: string) => `${product}: marked as skipped on ${date}.`,
  noPlan: 'You have not added a supplement plan yet. Add one to get a one-tap “Taken” button here.',
  noPlanOn: 'No supplement plan was running on this day.',
  nothingDue: 'No dose is due today on your plan.',
  nothingDueOn: 'No dose was due on this day on your plan.',
  addPlan: 'Add a supplement plan',
  addPlanHeading: 'Add a supplement plan',
  savePlan: 'Save plan',
  cancel: 'Cancel',
  saving: 'Saving…',
  planSaved: 'Your plan is saved.',
  taken: 'Taken',
  skipped: 'Skipped',
  takenAt: (time: string) => `Taken at ${time} ✓`,
  skippedAt: (time: string) => `Skipped at ${time}`,
  undo: 'Undo',
  undone: 'Undone. The dose is back to not logged.',
  reminderDueNow: (time: string) => `Reminder: due now (${time})`,
  reminderMissed: (time: string) => `Missed reminder at ${time}`,
  takenStatus: (product: string, time: string) => `${product}: taken at ${time}.`,
  skippedStatus: (product: string) => `${product}: marked as skipped.`,
  doseDetail: (form: string) => `Vitamin ${form}`,

  symptomHeading: 'How are you today?',
  symptomHeadingOn: (date: string) => `How were you on ${date}?`,
  symptomLead: 'Answer any you like, then save.',
  symptomSavedOn: (date: string) => `Saved how you felt on ${date}.`,
  symptomUpdatedOn: (date: string) => `Updated how you felt on ${date}.`,
  symptomAlreadyOn: 'You rated this day. Change anything and save again.',
  moreRatingsCount: (count: number) => `More ratings (${count})`,
  chooseRatings: 'Choose what you rate',
  chooseRatingsLegend: 'Show these ratings first on Today',
  chooseRatingsHint: 'The others stay under “More ratings”. Your past ratings are all kept.',
  chooseRatingsEmpty: 'Choose at least one rating.',
  chooseRatingsSave: 'Save my choice',
  chooseRatingsSaved: 'Today now shows the ratings you chose.',
  symptomSave: 'Save how I feel',
  symptomUpdate: 'Update how I feel',
  symptomSaved: 'Saved how you feel today.',
  symptomUpdated: 'Updated how you feel today.',
  symptomEmpty: 'Choose a number for at least one item before saving.',
  symptomAlreadyToday: 'You checked in today. Change anything and save again.',

  flareHeading: 'Flare-ups',
  flareStart: 'Start a flare-up',
  flareNone: 'No flare-up is open.',
  flareOpen: (date: string) => `Flare-up since ${date}`,
  flareEndLabel: 'Last day of the flare-up',
  flareEnd: 'End flare-up',
  flareEnded: 'The flare-up is marked as ended.',
  flareSaved: 'The flare-up is saved.',
  flareStartLabel: 'First day',
  flareSymptomsLabel: 'What symptoms do you have?',
  flareOtherLabel: 'Other symptoms',
  flareOtherHint: 'Separate several with commas.',
  flareSymptomsRequired: 'Choose or type at least one symptom.',
  flareSeverityLabel: 'How bad is it?',
  flareSteroidsLabel: 'Are you being treated with steroids for it?',
  flareTriggerLabel: 'Might something have set it off?',
  flareSave: 'Save flare-up',
  // docs/medical-reference.md §6 (flare-ups disclaimer), one copy in core.
  flareDisclaimer: DISCLAIMERS.flares,

  bloodHeading: 'Blood test result',
  bloodLead: 'Enter your 25-hydroxyvitamin D result as printed on the lab report.',
  bloodAdd: 'Add a blood result',
  bloodValueLabel: 'Result',
  bloodValueInvalid: 'Enter the result as a number above zero, such as 32 or 80.',
  bloodUnitLabel: 'Unit on the report',
  bloodDateLabel: 'Date the blood was taken',
  bloodDateInvalid: 'Enter the date the sample was taken.',
  bloodDateFuture: 'The date the blood was taken cannot be later than today.',
  bloodLabLabel: 'Lab name',
  bloodSave: 'Save result',
  bloodSaved: 'Your blood result is saved.',
  bloodSavedSeeCaution: 'Please read the caution about it below.',
  justSavedHeading: (date: string) => `The result you just saved (blood taken on ${date})`,
  latestHeading: 'Your latest result',
  enteredAs: (text: string) => `entered as ${text}`,
  sampledOn: (date: string) => `Blood taken on ${date}`,
  atLab: (lab: string) => `at ${lab}`,
  perGuideline: (name: string) => `Per ${name}`,
  guidelineNote:
    'These are published ranges for the general population, each from the source named. None is a target for people with MS.',
  target: {
    below: 'Below the target range you set with your clinician.',
    within: 'Within the target range you set with your clinician.',
    above: 'Above the target range you set with your clinician.',
  },
  cautionSource: (name: string) => `Source: ${name}.`,

  disclaimerHeading: 'Please keep in mind',
  // Our own wording of the short disclaimer in docs/medical-reference.md §6 ("Disclaimers").
  disclaimer:
    'Sunlog keeps a record of your own information and helps you share it. It does not give medical advice, make a diagnosis or suggest doses. Before you start, stop or change any supplement or medicine, talk to your doctor or MS team.',
} as const;

/**
 * Which way a scale runs, in a few words beside its name; read from core's SCALE_DIRECTION, so fatigue and
 * pain say 10 is the worst and the others that 10 is the best.
 */
export const DIRECTION_TEXT: Record<ScaleDirection, string> = {
  'higher-is-worse': '0 = none, 10 = worst',
  'higher-is-better': '0 = worst, 10 = best',
};

export function directionOf(scale: SymptomScale): string {
  return DIRECTION_TEXT[SCALE_DIRECTION[scale]];
}

/** Each built-in 0–10 rating: its name and what its ends mean (directions from core SCALE_DIRECTION). */
export const SCALE_TEXT: Record<SymptomScale, { label: string; ends: string }> = {
  fatigue: { label: 'Fatigue', ends: '0 = no fatigue … 10 = worst fatigue' },
  energy: { label: 'Energy', ends: '0 = no energy at all … 10 = full of energy' },
  mobility: { label: 'Walking and getting about', ends: '0 = could hardly walk … 10 = walking easily' },
  mood: { label: 'Mood', ends: '0 = very low … 10 = very good' },
  sleep: { label: 'Sleep last night', ends: '0 = very poor … 10 = very good' },
  pain: { label: 'Pain', ends: '0 = no pain … 10 = worst pain' },
  overallWellness: { label: 'Overall, how well you feel', ends: '0 = very unwell … 10 = very well' },
};

export const FLARE_SYMPTOMS = [
  'Eyesight problems',
  'Numbness or tingling',
  'Weakness',
  'Walking or balance',
  'Tiredness',
  'Bladder or bowel',
  'Pain or spasms',
  'Thinking or memory',
  'Dizziness',
] as const;

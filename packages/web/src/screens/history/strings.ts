import type { SymptomScale } from '@sunlog/core/records/symptom-scales';
import type { PeriodKind } from './period.ts';

const PERIOD_WORD: Record<PeriodKind, string> = { week: 'week', month: 'month', year: 'year' };

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export const SYMPTOM_NAMES: Record<SymptomScale, string> = {
  fatigue: 'Fatigue',
  energy: 'Energy',
  mobility: 'Walking and mobility',
  mood: 'Mood',
  sleep: 'Sleep',
  pain: 'Pain',
  overallWellness: 'Overall wellness',
};

export const historyStrings = {
  title: 'History',
  lead: 'Everything you have logged, a week, a month or a year at a time. You can correct or remove any entry.',
  periodLabel: 'Show one',
  periodNames: { week: 'Week', month: 'Month', year: 'Year' } satisfies Record<PeriodKind, string>,
  previous: (kind: PeriodKind) => `Previous ${PERIOD_WORD[kind]}`,
  next: (kind: PeriodKind) => `Next ${PERIOD_WORD[kind]}`,
  thisPeriod: (kind: PeriodKind) => `This ${PERIOD_WORD[kind]}`,
  showing: (label: string) => `Showing ${label}`,
  loading: 'Loading your entries…',
  chartsHeading: 'At a glance',
  timelineHeading: 'Every entry',
  timelineLead: 'Newest first.',
  showingEntries: (shown: number, total: number) =>
    shown >= total
      ? `Showing all ${plural(total, 'entry', 'entries')}.`
      : `Showing ${shown} of ${total} entries.`,
  showMore: (count: number) => `Show ${plural(count, 'more entry', 'more entries')}`,
  empty: (kind: PeriodKind) => `No entries this ${PERIOD_WORD[kind]} yet.`,

  intakeCaption: (unit: string) => `Vitamin D taken each day (${unit})`,
  intakeTaken: (unit: string) => `Taken (${unit})`,
  intakeScheduled: (unit: string) => `Scheduled (${unit})`,
  intakeAxis: (unit: string) => unit,
  intakeEmpty: (kind: PeriodKind) => `No doses logged or scheduled this ${PERIOD_WORD[kind]}.`,
  intakeSummary: (takenDays: number, dueDays: number, total: string, kind: PeriodKind) =>
    dueDays === 0
      ? `No doses were due so far this ${PERIOD_WORD[kind]}. ${total} taken in all.`
      : `A dose was taken on ${takenDays} of the ${plural(dueDays, 'day', 'days')} one was due so far this ${PERIOD_WORD[kind]}. ${total} taken in all.`,

  bloodCaption: (unit: string) => `Blood vitamin D level, 25-hydroxyvitamin D (${unit})`,
  bloodValueLabel: (unit: string) => `25(OH)D, ${unit}`,
  bloodEmpty: (kind: PeriodKind) => `No blood results this ${PERIOD_WORD[kind]}.`,
  bloodSummary: (count: number, latest: string, latestDate: string) =>
    `${plural(count, 'result', 'results')} in this period. The latest, on ${latestDate}, was ${latest}.`,
  bloodAgainstTarget: (position: 'below' | 'within' | 'above') =>
    ({
      below: 'That is below the target you set with your clinician.',
      within: 'That is within the target you set with your clinician.',
      above: 'That is above the target you set with your clinician.',
    })[position],
  targetBand: 'Your target, set with your clinician',
  targetBandShort: 'Your target',
  guidelineBandsHeading: 'Tinted bands: IOM 2011 categories, shown for context. They are not a target.',
  /** Short names written inside the IOM 2011 bands on the chart, by category id. */
  noTargetNote:
    'You have not entered a personal target. If you and your clinician agree one, you can add it in Settings.',

  symptomCaption: (name: string) => `${name}, rated 0 to 10`,
  symptomChoose: 'Rating to show',
  symptomEmpty: (name: string, kind: PeriodKind) =>
    `No ${name.toLowerCase()} ratings this ${PERIOD_WORD[kind]}.`,
  symptomSummary: (name: string, count: number, low: number, high: number, average: string) =>
    `${name} was rated on ${plural(count, 'day', 'days')}, from ${low} to ${high} (average ${average}).`,
  higherIsWorse: '0 means none, 10 the worst.',
  higherIsBetter: '0 means the worst, 10 the best.',
  customDirection: 'You chose what 0 and 10 mean for this rating.',

  flareCaption: 'Flare-ups: suspected relapses you reported',
  flareEmpty: (kind: PeriodKind) => `No flare-ups this ${PERIOD_WORD[kind]}.`,
  flareSummary: (count: number, kind: PeriodKind) =>
    `${plural(count, 'flare-up', 'flare-ups')} overlapped this ${PERIOD_WORD[kind]}.`,
  flareColumns: ['Started', 'Ended', 'Details'] as const,
  ongoing: 'Still going',
  flareRow: (date: string) => `From ${date}`,

  kinds: {
    intakes: 'Vitamin D dose',
    'symptom-checks': 'Daily check',
    'lab-results': 'Blood result',
    flares: 'Flare-up',
    regimens: 'Supplement plan',
    'check-ins': 'Monthly check-in',
  },
  kindsInSentence: {
    intakes: 'vitamin D dose',
    'symptom-checks': 'daily check',
    'lab-results': 'blood result',
    flares: 'flare-up',
    regimens: 'supplement plan',
    'check-ins': 'monthly check-in',
  },
  edit: 'Edit',
  delete: 'Delete',
  editLabel: (kind: string, when: string) => `Edit ${kind}, ${when}`,
  deleteLabel: (kind: string, when: string) => `Delete ${kind}, ${when}`,

  intakeTakenLine: (amount: string, time: string) => `Taken: ${amount} at ${time}`,
  intakeSkippedLine: (amount: string) => `Skipped (${amount} was due)`,
  enteredAs: (amount: string) => `entered as ${amount}`,
  labLine: (name: string, value: string) => `${name}: ${value}`,
  atLab: (lab: string) => `at ${lab}`,
  flareLine: (severity: string, symptoms: string) => `${severity}: ${symptoms}`,
  flareDates: (start: string, end: string | undefined) =>
    end === undefined ? `since ${start}, still going` : `${start} to ${end}`,
  steroids: 'treated with steroids',
  regimenLine: (product: string, form: string, amount: string, schedule: string) =>
    `${product} (${form}), ${amount} ${schedule}`,
  checkInLine: (month: string) => `Look back on ${month}`,
  questionsCount: (count: number) => plural(count, 'question for the doctor', 'questions for the doctor'),
  note: (text: string) => `Note: ${text}`,

  confirmTitle: (kind: string) => `Delete this ${kind}?`,
  confirmBody: (what: string) =>
    `${what}. It leaves your history, charts and reports. You can undo this for a short while afterwards.`,
  confirmDelete: 'Delete',
  cancel: 'Cancel',
  deleting: 'Deleting…',
  deleted: (kind: string) => `${kind} deleted.`,
  undo: 'Undo',
  undoing: 'Restoring…',
  restored: (kind: string) => `${kind} restored.`,
  dismiss: 'Dismiss',
  undoRegion: 'Recent changes',
  saved: (kind: string) => `${kind} saved.`,
} as const;

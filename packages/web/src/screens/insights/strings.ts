import { DISCLAIMERS } from '@sunlog/core/insights/wording';
import { countOf } from '../../plural.ts';

/** Every sentence the Insights screen shows that does not come from the insights engine. */
export const insightsStrings = {
  title: 'Insights',
  lead: 'What your own records show so far: each finding with how sure it is and what it rests on.',
  loading: 'Loading your records…',
  loadFailed: 'Your records could not be loaded.',
  retry: 'Try again',
  disclaimerHeading: 'Before you read on',
  disclaimer: DISCLAIMERS.general,
  patternsDisclaimer: DISCLAIMERS.patterns,
  flaresDisclaimer: DISCLAIMERS.flares,
  notEnoughData: 'Not enough data yet',
  summaryHeading: 'In short',
  summaryNoFindings: 'Nothing to report yet: your records are still too few for any finding.',
  summaryMore: 'Each card below has the details: charts, numbers and how sure each finding is.',
  showDetails: 'Show details',
  stillNeeded: 'Still needed:',
  why: 'Why:',
  estimate: 'Estimate',
  howSure: 'How sure',
  exactFigures: 'Exact figures',
  basedOn: 'What it rests on',

  adherenceHeading: 'How regularly you took your vitamin D',
  adherenceLead: 'The share of scheduled doses you marked as taken, month by month.',
  adherenceNone:
    'No doses were scheduled yet. Still needed: a supplement regimen with a start date, and doses marked as taken.',
  adherenceCaption:
    'Doses taken each month, as a share of doses scheduled. The line on each bar shows where the true share likely lies.',
  adherenceSummary: (months: number, best: string, worst: string) =>
    months === 1
      ? `In the one month so far, your share of doses taken was ${best}.`
      : `Across ${countOf(months, ['month', 'months'])}, your highest share of doses taken was ${best} and your lowest was ${worst}.`,
  adherenceColumns: [
    'Month',
    'Taken of scheduled',
    'Share taken',
    'Likely range (95% confidence interval)',
  ] as const,
  lastMonthsNote: (count: number) => `Showing the last ${countOf(count, ['month', 'months'])}.`,

  levelHeading: 'Your vitamin D blood level',
  levelLead:
    'Your 25-hydroxyvitamin D results, and the range published averages would lead one to expect once your level settles on your usual dose. Your lab result is the one that counts.',
  levelCaption: (source: string) =>
    `Your blood results (points). The shaded area is the range expected at steady state from your dose, after ${source}.`,
  levelCaptionNoBand: 'Your blood results (points). No expected range yet: see below for what it needs.',
  levelSummary: (count: number, first: string, last: string, band: string | null) =>
    `${count} blood ${count === 1 ? 'result' : 'results'}, from ${first} to ${last}.` +
    (band === null ? '' : ` The expected range at steady state is ${band}.`),
  levelColumns: ['Date', 'Result', 'Against the expected range'] as const,
  levelNoResults:
    'No blood results yet. Still needed: a 25-hydroxyvitamin D result, added on the History page.',
  trendTitle: 'Trend across your results',
  steadyTitle: 'Level expected at steady state',
  inBand: 'Within the expected range',
  belowBand: 'Below the expected range',
  aboveBand: 'Above the expected range',
  beforeBand: 'Before the level could settle',
  seasonHeading: 'Blood level by season',
  seasonLead: 'Sunlight makes seasonal swings common. This only describes your own results.',

  symptomsHeading: 'Your daily ratings, month by month',
  symptomsLead:
    'The average of each daily rating per month, and where it likely lies. For fatigue and pain a lower score is better; for the others a higher score is better.',
  symptomCaption: (label: string) =>
    `Average ${label} score each month (0 to 10). The line through each dot shows where the average likely lies.`,
  symptomSummary: (label: string, months: number, first: string, last: string) =>
    months === 1
      ? `Average ${label} score in the one month with enough ratings: ${first}.`
      : `Average ${label} score over ${countOf(months, ['month', 'months'])}: ${first} in the first month shown and ${last} in the last.`,
  symptomColumns: [
    'Month',
    'Average (0–10)',
    'Likely range (95% confidence interval)',
    'Days rated',
  ] as const,
  symptomDirection: (label: string, higherIsBetter: boolean) =>
    `For ${label}, a ${higherIsBetter ? 'higher' : 'lower'} score is better.`,

  beforeAfterHeading: 'Before and after you started your regimen',
  beforeAfterLead:
    'Each rating in the 8 weeks before your regimen started against weeks 3 to 10 after it. Many things change over time, so a difference here cannot say what made it.',

  associationsHeading: 'Patterns between taking your doses and your ratings',
  associationsLead:
    'Sunlog looks for ratings that tended to move with how many doses you took, at delays from 0 to 28 days, and only reports a pattern that holds up after allowing for the many comparisons made.',
  noPattern: 'No pattern stood out.',
  noPatternDetail:
    'No rating moved with dose-taking clearly enough to report, once the many comparisons were allowed for.',
  checked: (ratings: string, days: number) =>
    `Checked: ${ratings}; based on up to ${countOf(days, ['day', 'days'])} of records.`,
  noPatternYet:
    'There are not enough records to look for patterns yet; see below for what each rating needs.',
  associationsWaiting: 'Ratings that need more records first:',

  flaresHeading: 'Flare-ups',
  flaresLead: 'Flare-ups here are your own reports of suspected relapses.',
  flareRateTitle: 'Flare-ups per year',
} as const;

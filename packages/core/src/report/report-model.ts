import { daysBetween, type LocalDate } from '../calendar.ts';
import { bothIntakeUnits, SCALE_TEXT } from '../exchange/fhir/bundle.ts';
import type { ShareRange } from '../exchange/share-range.ts';
import { insightsInputFromRecords } from '../insights/from-records.ts';
import { computeInsights } from '../insights/insights.ts';
import { DISCLAIMERS } from '../insights/wording.ts';
import { classifyVitaminD, compareWithTarget, GUIDELINES, type TargetPosition } from '../ranges.ts';
import type { CheckIn } from '../records/check-in.ts';
import type { Flare } from '../records/flare.ts';
import { FLARE_LABEL } from '../records/flare-wording.ts';
import type { Intake } from '../records/intake.ts';
import type { LabResult, VitaminDLabResult } from '../records/lab-result.ts';
import type { BloodTarget, BloodUnit, Profile } from '../records/profile.ts';
import type { Regimen, Schedule } from '../records/regimen.ts';
import type { SymptomCheck } from '../records/symptom-check.ts';
import type { SymptomScale } from '../records/symptom-scales.ts';
import { convertBlood, roundTo, toNgPerMl } from '../units.ts';

/**
 * What the clinician report shows, worked out once and in one place so the PDF (and any later screen)
 * only lays it out. Pure: the same records and range give the same model. Every pattern it states comes
 * from computeInsights (the same engine and wording as the Insights screen); it adds none of its own.
 * Guideline bands name their source (docs/medical-reference.md §2.1); the target is the person's own,
 * set with their clinician, never suggested (§2.2). Doses are shown in both units at 40 IU per µg (§1).
 */

export interface ReportInput {
  profile: Pick<Profile, 'displayName' | 'timeZone' | 'bloodUnit' | 'bloodTarget'>;
  range: ShareRange;
  /** The person's local date the report is made on. */
  generatedOn: LocalDate;
  regimens: readonly Regimen[];
  intakes: readonly Intake[];
  labResults: readonly LabResult[];
  symptomChecks: readonly SymptomCheck[];
  flares: readonly Flare[];
  checkIns: readonly CheckIn[];
}

export interface ReportRegimen {
  productName: string;
  form: 'D3' | 'D2';
  /** "1000 IU (25 µg)": the amount as entered first, then the other unit. */
  dose: string;
  schedule: string;
  startDate: LocalDate;
  endDate: LocalDate | null;
  current: boolean;
}

export interface ReportDose {
  date: LocalDate;
  /** Local time as logged, "HH:MM". */
  time: string;
  amount: string;
  status: 'taken' | 'skipped';
}

export interface ReportAdherenceMonth {
  month: string;
  scheduled: number;
  taken: number;
  /** Whole percent, or null when nothing was scheduled. */
  percent: number | null;
}

export interface ReportBand {
  label: string;
  /** In ng/mL; absent for an open end. */
  fromNgPerMl?: number;
  toNgPerMl?: number;
}

export interface ReportGuideline {
  name: string;
  citation: string;
  bands: ReportBand[];
}

export interface ReportVitaminDResult {
  date: LocalDate;
  /** As entered, e.g. "62.4 nmol/L". */
  entered: string;
  /** In the person's reading unit, e.g. "25 ng/mL". */
  shown: string;
  ngPerMl: number;
  /** Each guideline's band for this result: "IOM 2011: Possibly inadequate". */
  bands: string[];
  target: TargetPosition | null;
  labRange: string | null;
  labName: string | null;
}

export interface ReportFlare {
  startDate: LocalDate;
  endDate: LocalDate | null;
  /** Days from start to end, both included; null while it continues. */
  durationDays: number | null;
  severity: string;
  symptoms: string;
  steroids: boolean;
  trigger: string;
}

export interface ReportSymptomMonth {
  scale: string;
  month: string;
  mean: number | null;
  low: number | null;
  high: number | null;
  days: number;
  sentence: string;
}

export interface ReportModel {
  title: string;
  displayName: string;
  range: ShareRange;
  generatedOn: LocalDate;
  bloodUnit: BloodUnit;
  regimens: ReportRegimen[];
  doses: ReportDose[];
  adherence: ReportAdherenceMonth[];
  vitaminD: {
    results: ReportVitaminDResult[];
    latest: ReportVitaminDResult | null;
    /** "30 to 50 ng/mL (set with your clinician)", or null when none is set. */
    target: string | null;
    targetNgPerMl: { low?: number; high?: number } | null;
    /** The engine's trend sentence (or why there is none). */
    trend: string;
    guideline: ReportGuideline;
    otherGuidelines: string[];
  };
  calcium: { date: LocalDate; value: string }[];
  flares: ReportFlare[];
  flareLabel: string;
  symptoms: ReportSymptomMonth[];
  questions: { month: string; questions: string[] }[];
  disclaimers: string[];
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function scheduleText(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'daily':
      return 'every day';
    case 'every-n-days':
      return `every ${schedule.everyDays} days`;
    case 'weekly':
      return `weekly on ${[...schedule.weekdays]
        .sort((a, b) => a - b)
        .map((day) => WEEKDAY_NAMES[day - 1])
        .join(', ')}`;
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Results by sample date, then by when they were stored: the last one is the newest. */
function byDateThenCreated<T extends { sampleDate: string; createdAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compare(a.sampleDate, b.sampleDate) || compare(a.createdAt, b.createdAt));
}

function formatLevel(value: number, unit: BloodUnit): string {
  return `${roundTo(value, unit === 'ng/mL' ? 1 : 0)} ${unit}`;
}

function targetText(target: BloodTarget): string {
  const { low, high, unit } = target;
  const span =
    low !== undefined && high !== undefined
      ? `${low} to ${high} ${unit}`
      : low !== undefined
        ? `at least ${low} ${unit}`
        : `at most ${high} ${unit}`;
  return `${span} (set with your clinician)`;
}

function targetInNg(target: BloodTarget): { low?: number; high?: number } {
  const convert = (value: number) => toNgPerMl({ value, unit: target.unit });
  return {
    ...(target.low === undefined ? {} : { low: convert(target.low) }),
    ...(target.high === undefined ? {} : { high: convert(target.high) }),
  };
}

/** The band edges of one guideline in ng/mL, for the chart and the legend. */
function guidelineBands(id: keyof typeof GUIDELINES): ReportGuideline {
  const guideline = GUIDELINES[id];
  return {
    name: guideline.name,
    citation: guideline.source.name,
    bands: guideline.categories.map((category) => ({
      label: category.label,
      ...(category.from === undefined ? {} : { fromNgPerMl: category.from.threshold.ngPerMl }),
      ...(category.to === undefined ? {} : { toNgPerMl: category.to.threshold.ngPerMl }),
    })),
  };
}

const TRIGGERS: Record<Flare['suspectedTrigger'], string> = {
  'fever-or-infection': 'fever or infection',
  heat: 'heat',
  stress: 'stress',
  'none-known': 'none known',
};

/** The seed computeInsights takes (its methods are closed-form; see insights.ts). */
const INSIGHTS_SEED = 20_261_125;

/** Builds the report model for the range. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { range, profile } = input;
  const inRange = (date: LocalDate) => date >= range.from && date <= range.to;
  const monthInRange = (month: string) => month >= range.from.slice(0, 7) && month <= range.to.slice(0, 7);

  const regimens = input.regimens
    .filter(
      (regimen) =>
        regimen.startDate <= range.to && (regimen.endDate === undefined || regimen.endDate >= range.from),
    )
    .sort((a, b) => compare(a.startDate, b.startDate))
    .map((regimen) => ({
      productName: regimen.productName,
      form: regimen.form,
      dose: bothIntakeUnits(regimen.amountPerDose),
      schedule: scheduleText(regimen.schedule),
      startDate: regimen.startDate,
      endDate: regimen.endDate ?? null,
      current: regimen.endDate === undefined || regimen.endDate >= range.to,
    }));

  const doses = input.intakes
    .filter((intake) => inRange(intake.localDate))
    .sort((a, b) => compare(a.localDate, b.localDate) || compare(a.takenAt, b.takenAt))
    .map((intake) => ({
      date: intake.localDate,
      time: intake.takenAt.slice(11, 16),
      amount: bothIntakeUnits(intake.amount),
      status: intake.status,
    }));

  // The same engine as the Insights screen, over the range only.
  const insightsInput = insightsInputFromRecords(
    {
      profile,
      regimens: input.regimens,
      intakes: input.intakes,
      labResults: input.labResults,
      symptomChecks: input.symptomChecks,
      flares: input.flares,
    },
    { today: range.to },
  );
  const insights = computeInsights({ ...insightsInput, trackingStart: range.from }, { seed: INSIGHTS_SEED });

  const adherence = insights.adherenceByMonth
    .filter((month) => monthInRange(month.detail.month))
    .map((month) => ({
      month: month.detail.month,
      scheduled: month.detail.scheduled,
      taken: month.detail.taken,
      percent:
        month.detail.scheduled === 0 ? null : Math.round((month.detail.taken / month.detail.scheduled) * 100),
    }));

  const target = profile.bloodTarget ?? null;
  const vitaminDResults = byDateThenCreated(
    input.labResults.filter(
      (result): result is VitaminDLabResult =>
        result.analyte === '25-hydroxyvitamin-d-total' && inRange(result.sampleDate),
    ),
  ).map((result) => {
    const shown = convertBlood(result.level, profile.bloodUnit);
    const range = result.referenceRange;
    return {
      date: result.sampleDate,
      entered: `${result.level.value} ${result.level.unit}`,
      shown: formatLevel(shown.value, shown.unit),
      ngPerMl: toNgPerMl(result.level),
      bands: GUIDELINE_ORDER.map((id) => {
        const { guideline, category } = classifyVitaminD(result.level, id);
        return `${guideline.name}: ${category.label}`;
      }),
      target: compareWithTarget(result.level, target),
      labRange: range === undefined ? null : `${range.low ?? '…'} to ${range.high ?? '…'} ${range.unit}`,
      labName: result.labName ?? null,
    };
  });

  const calcium = byDateThenCreated(
    input.labResults.filter((result) => result.analyte === 'calcium' && inRange(result.sampleDate)),
  ).map((result) => ({ date: result.sampleDate, value: `${result.level.value} ${result.level.unit}` }));

  const flares = input.flares
    .filter(
      (flare) => flare.startDate <= range.to && (flare.endDate === undefined || flare.endDate >= range.from),
    )
    .sort((a, b) => compare(a.startDate, b.startDate))
    .map((flare) => ({
      startDate: flare.startDate,
      endDate: flare.endDate ?? null,
      durationDays: flare.endDate === undefined ? null : daysBetween(flare.startDate, flare.endDate) + 1,
      severity: flare.severity,
      symptoms: flare.symptoms.join(', '),
      steroids: flare.steroidTreatment,
      trigger: TRIGGERS[flare.suspectedTrigger],
    }));

  const symptoms = insights.symptomTrends
    .filter((insight) => monthInRange(insight.detail.month))
    .map((insight) => ({
      scale: SCALE_TEXT[insight.detail.symptom as SymptomScale] ?? insight.detail.symptom,
      month: insight.detail.month,
      mean: insight.estimate,
      low: insight.uncertainty?.low ?? null,
      high: insight.uncertainty?.high ?? null,
      days: insight.detail.days,
      sentence: insight.sentence,
    }));

  const questions = input.checkIns
    .filter((checkIn) => monthInRange(checkIn.month) && checkIn.questionsForDoctor.length > 0)
    .sort((a, b) => compare(a.month, b.month))
    .map((checkIn) => ({ month: checkIn.month, questions: [...checkIn.questionsForDoctor] }));

  return {
    title: 'Vitamin D and MS journal: summary for the clinician',
    displayName: profile.displayName,
    range,
    generatedOn: input.generatedOn,
    bloodUnit: profile.bloodUnit,
    regimens,
    doses,
    adherence,
    vitaminD: {
      results: vitaminDResults,
      latest: vitaminDResults.at(-1) ?? null,
      target: target === null ? null : targetText(target),
      targetNgPerMl: target === null ? null : targetInNg(target),
      trend: insights.levelTrend.sentence,
      guideline: guidelineBands('iom-2011'),
      otherGuidelines: GUIDELINE_ORDER.filter((id) => id !== 'iom-2011').map(
        (id) => GUIDELINES[id].source.name,
      ),
    },
    calcium,
    flares,
    flareLabel: FLARE_LABEL.replace('(reported by you)', '(reported by the person, not a diagnosis)'),
    symptoms,
    questions,
    disclaimers: [
      'This report was made by the person with Sunlog from their own records. It is not a medical record and has not been checked by a clinician.',
      DISCLAIMERS.general,
      DISCLAIMERS.patterns,
      DISCLAIMERS.flares,
    ],
  };
}

const GUIDELINE_ORDER = ['iom-2011', 'endocrine-society-2011', 'mayo-clinic-laboratories'] as const;

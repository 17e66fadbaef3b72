/**
 * The plain input the insights engine reads. It is deliberately independent of the record
 * schemas: a caller (server service, CLI, benchmark) flattens a person's records into days.
 *
 * Conventions:
 * - Every date is a local calendar date 'YYYY-MM-DD' in the person's own time zone.
 * - `days` holds one row per local day on which a dose was scheduled or a dose record exists;
 *   a day absent from `days` counts as "nothing scheduled, nothing recorded".
 * - Scores are the daily 0–10 ratings exactly as entered (not validated instruments).
 * - Blood levels are total 25(OH)D in ng/mL (convert nmol/L × 0.4006 before calling; see
 *   docs/medical-reference.md §1).
 */

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** The daily quick-check ratings, 0–10 (the daily check). */
export const SYMPTOMS = [
  'fatigue',
  'energy',
  'mobility',
  'mood',
  'sleep',
  'pain',
  'overallWellness',
] as const;

/** One of the daily quick-check ratings. */
export type SymptomKey = (typeof SYMPTOMS)[number];

/** Plain-language names for the ratings, used in sentences. */
export const SYMPTOM_LABELS: Record<SymptomKey, string> = {
  fatigue: 'fatigue',
  energy: 'energy',
  mobility: 'walking/mobility',
  mood: 'mood',
  sleep: 'sleep',
  pain: 'pain',
  overallWellness: 'overall wellness',
};

/** Intake on one local day. */
export interface IntakeDay {
  date: LocalDate;
  /** IU taken that local day; null when nothing was recorded. */
  doseIu: number | null;
  /** Whether the regimen scheduled a dose that day. */
  scheduled: boolean;
  /** Whether the scheduled dose was marked taken. */
  taken: boolean;
}

/** The ratings entered on one local day; a missing key means that rating was skipped. */
export interface SymptomDay {
  date: LocalDate;
  scores: Partial<Record<SymptomKey, number>>;
}

/** One 25(OH)D result, total, in ng/mL, dated by the blood draw. */
export interface LabPoint {
  date: LocalDate;
  ngPerMl: number;
}

/** A patient-reported suspected relapse; `end` null while it is ongoing. */
export interface FlareSpan {
  start: LocalDate;
  end: LocalDate | null;
}

/** Meteorological seasons differ by hemisphere. */
export type Hemisphere = 'northern' | 'southern';

/** Everything `computeInsights` reads. */
export interface InsightsInput {
  /** The person's local "today"; nothing after it is read. */
  today: LocalDate;
  /** The local date the current supplement regimen began, or null when none. */
  regimenStart: LocalDate | null;
  /** First day of tracking; defaults to the earliest date found in the records. */
  trackingStart?: LocalDate;
  /** Defaults to 'northern'. */
  hemisphere?: Hemisphere;
  /** The unit the person reads blood levels in, for sentences; 'ng/mL' when absent (numbers stay ng/mL). */
  bloodUnit?: 'ng/mL' | 'nmol/L';
  days: readonly IntakeDay[];
  symptoms: readonly SymptomDay[];
  labs: readonly LabPoint[];
  flares: readonly FlareSpan[];
}

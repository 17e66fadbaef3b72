import type { LocalDate } from './input.ts';

/**
 * The one shape every insight takes, so screens, the PDF report and the CLI can show any of them
 * the same way: a number, how sure it is, what it rests on, and one plain sentence.
 */

/** 'not-enough-data' is an honest answer, not an error: `missing` says what would change it. */
export type InsightStatus = 'ok' | 'not-enough-data';

/** A confidence interval from data, or a range taken from published averages. */
export type Uncertainty =
  | { kind: 'ci'; level: number; low: number; high: number; method: string }
  | { kind: 'range'; low: number; high: number; source: string };

/** What an estimate rests on. */
export interface Basis {
  /** Days of records used. */
  days?: number;
  /** Data points used (blood results, events). */
  points?: number;
  from?: LocalDate;
  to?: LocalDate;
}

/** One insight. `detail` carries the method-specific numbers behind the sentence. */
export interface Insight<Kind extends string = string, Detail = unknown> {
  kind: Kind;
  /** What the insight is about: a month, a symptom, a season… */
  subject: string;
  status: InsightStatus;
  estimate: number | null;
  /** The unit of `estimate` and `uncertainty`, e.g. 'ng/mL', 'points', 'proportion'. */
  unit: string;
  uncertainty: Uncertainty | null;
  basis: Basis;
  /** Plain words, never causal (see wording.ts). */
  sentence: string;
  /** For 'not-enough-data': what is missing, e.g. "needs 3 more weeks of fatigue checks". */
  missing?: string;
  detail: Detail;
}

/** Builds a 'not-enough-data' insight. */
export function notEnoughData<Kind extends string, Detail>(fields: {
  kind: Kind;
  subject: string;
  unit: string;
  basis: Basis;
  sentence: string;
  missing: string;
  detail: Detail;
}): Insight<Kind, Detail> {
  return { ...fields, status: 'not-enough-data', estimate: null, uncertainty: null };
}

/** A 95% confidence interval as an `Uncertainty`. */
export function ci95(low: number, high: number, method: string): Uncertainty {
  return { kind: 'ci', level: 0.95, low, high, method };
}

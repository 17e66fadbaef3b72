import type { Basis, Insight, Uncertainty } from '@sunlog/core/insights/insight';
import type { BloodUnit } from '@sunlog/core/records/profile';
import { convertBlood, formatQuantity } from '@sunlog/core/units';
import { countOf, type NounForms } from '../../plural.ts';

/**
 * How the screens write numbers, dates and the parts every insight shares (its estimate, its
 * uncertainty and what it rests on). Dates are local calendar dates, so they are formatted as UTC
 * days: the reader's own clock never shifts them.
 */

/** "March 2026" for "2026-03". */
export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );
}

/** "Mar 2026" for "2026-03": for chart axes and table cells. */
export function formatShortMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );
}

/** "4 March 2026" for "2026-03-04". */
export function formatDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** A number with `digits` decimals at most, in the person's locale; minus written as "−". */
export function formatNumber(value: number, locale: string, digits = 1): string {
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(Math.abs(value));
  return value < 0 && text !== '0' ? `−${text}` : text;
}

/** "80%" for 0.8. */
export function formatPercent(proportion: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(proportion);
}

/** A 25(OH)D level given in ng/mL, written in the person's unit ("30 ng/mL", "75 nmol/L"). */
export function formatLevel(ngPerMl: number, unit: BloodUnit, locale: string): string {
  return formatQuantity(convertBlood({ value: ngPerMl, unit: 'ng/mL' }, unit), locale);
}

/** A 25(OH)D level given in ng/mL as a number in the person's unit. */
export function levelIn(ngPerMl: number, unit: BloodUnit): number {
  return convertBlood({ value: ngPerMl, unit: 'ng/mL' }, unit).value;
}

/** What a count of `points` means for an insight kind. */
const POINT_WORDS: Record<string, NounForms> = {
  'level-trend': ['blood result', 'blood results'],
  'steady-state': ['blood result', 'blood results'],
  season: ['blood result', 'blood results'],
  'flare-rate': ['flare-up', 'flare-ups'],
};

/** "Based on 94 days", "Based on 3 blood results", with the period when the insight names it. */
export function formatBasis(kind: string, basis: Basis, locale: string): string {
  const parts: string[] = [];
  if (basis.days !== undefined) parts.push(countOf(basis.days, ['day', 'days'], locale));
  if (basis.points !== undefined) {
    parts.push(countOf(basis.points, POINT_WORDS[kind] ?? ['record', 'records'], locale));
  }
  const what = parts.length === 0 ? 'no records yet' : parts.join(' and ');
  const period =
    basis.from !== undefined && basis.to !== undefined
      ? `, ${formatDate(basis.from, locale)} to ${formatDate(basis.to, locale)}`
      : '';
  return `Based on ${what}${period}`;
}

/** How a number in the insight's unit is written. */
export type ValueFormatter = (value: number) => string;

/**
 * How sure an estimate is, in plain words: "Likely between 3.1 and 4.2" for a confidence interval, or
 * "A range of 28 to 40 ng/mL, from Ekwaru 2014 …" for a range from published averages. The exact
 * statistical wording is one tap away (formatExactUncertainty).
 */
export function formatUncertainty(uncertainty: Uncertainty | null, format: ValueFormatter): string {
  if (uncertainty === null) return 'No range yet: too few records to say how sure this is.';
  if (uncertainty.kind === 'ci')
    return `Likely between ${format(uncertainty.low)} and ${format(uncertainty.high)}`;
  return `A range of ${format(uncertainty.low)} to ${format(uncertainty.high)}, from ${uncertainty.source}`;
}

/** The exact figure behind "likely between": "95% confidence interval: 3.1 to 4.2 (t interval …)". */
export function formatExactUncertainty(uncertainty: Uncertainty, format: ValueFormatter): string | null {
  if (uncertainty.kind !== 'ci') return null;
  const level = Math.round(uncertainty.level * 100);
  return `${level}% confidence interval: ${format(uncertainty.low)} to ${format(uncertainty.high)} (${uncertainty.method}).`;
}

/** True when the insight could be computed. */
export function isOk(insight: Insight): boolean {
  return insight.status === 'ok' && insight.estimate !== null;
}

/**
 * An engine sentence written for people: ISO dates ("2026-03-04") and months ("2026-03") in words in the
 * person's locale, and "(95% CI 3.1 to 4.2)" as "(likely between 3.1 and 4.2)". The exact interval
 * stays under each finding's "Exact figures".
 */
export function readableSentence(sentence: string, locale: string): string {
  return sentence
    .replace(/\(95% CI (\S+) to (\S+)\)/g, '(likely between $1 and $2)')
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (date) => formatDate(date, locale))
    .replace(/\b(\d{4}-\d{2})\b(?!-)/g, (month) => formatMonth(month, locale));
}

/**
 * A rating interval as shown: a monthly average of 0–10 ratings cannot lie outside 0–10, so an
 * interval reaching past the scale (few, very persistent ratings) is cut at its ends.
 */
export function onRatingScale(value: number): number {
  return Math.min(10, Math.max(0, value));
}

import { type BloodTarget, BloodTargetSchema, type BloodUnit } from '@sunlog/core/records/profile';
import { convertBlood, UNIT_LABELS } from '@sunlog/core/units';
import { numberProblem, parseNumber } from '../../forms/parse-number.ts';
import { bloodTargetStrings as t } from './blood-target-strings.ts';

/** What the person typed: two optional numbers as text and the unit they belong to. */
export interface BloodTargetDraft {
  low: string;
  high: string;
  unit: BloodUnit;
}

export type BloodTargetErrors = Partial<Record<'low' | 'high', string>>;

export type CheckedTarget = { ok: true; target: BloodTarget } | { ok: false; errors: BloodTargetErrors };

/** The draft of a saved target (or an empty one in the person's blood unit). */
export function draftOf(target: BloodTarget | null | undefined, unit: BloodUnit): BloodTargetDraft {
  const text = (value: number | undefined) =>
    value === undefined
      ? ''
      : new Intl.NumberFormat('en', { useGrouping: false, maximumFractionDigits: 1 }).format(value);
  return target == null
    ? { low: '', high: '', unit }
    : { low: text(target.low), high: text(target.high), unit: target.unit };
}

function readBound(text: string): { value: number | undefined; error?: string } {
  if (text.trim() === '') return { value: undefined };
  const parsed = parseNumber(text);
  if (!parsed.ok) return { value: undefined, error: numberProblem(text, t.notANumber) ?? t.notANumber };
  if (parsed.value <= 0) return { value: undefined, error: t.notANumber };
  if (parsed.value > 1000) return { value: undefined, error: t.tooHigh };
  return { value: parsed.value };
}

/**
 * Reads the draft into a target the server accepts, or says what is wrong beside the field it is
 * about. Core's BloodTargetSchema has the last word; its rules are repeated here only to word them.
 */
export function checkTarget(draft: BloodTargetDraft): CheckedTarget {
  const low = readBound(draft.low);
  const high = readBound(draft.high);
  const errors: BloodTargetErrors = {};
  if (low.error !== undefined) errors.low = low.error;
  if (high.error !== undefined) errors.high = high.error;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (low.value === undefined && high.value === undefined) return { ok: false, errors: { low: t.needOne } };
  if (low.value !== undefined && high.value !== undefined && low.value > high.value) {
    return { ok: false, errors: { high: t.highBelowLow } };
  }
  const target = {
    unit: draft.unit,
    ...(low.value === undefined ? {} : { low: low.value }),
    ...(high.value === undefined ? {} : { high: high.value }),
  };
  const parsed = BloodTargetSchema.safeParse(target);
  return parsed.success ? { ok: true, target: parsed.data } : { ok: false, errors: { low: t.needOne } };
}

function rangeIn(target: Pick<BloodTarget, 'low' | 'high'>, unit: BloodUnit, locale: string): string {
  const number = (value: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 'ng/mL' ? 1 : 0 }).format(value);
  const label = UNIT_LABELS[unit];
  const { low, high } = target;
  if (low !== undefined && high !== undefined) return `${number(low)} to ${number(high)} ${label}`;
  if (low !== undefined) return `${number(low)} ${label} or more`;
  return `up to ${number(high ?? 0)} ${label}`;
}

/** "30 to 50 ng/mL (75 to 125 nmol/L)": the target in its own unit, then in the other. */
export function targetInBothUnits(target: BloodTarget, locale: string): string {
  const other: BloodUnit = target.unit === 'ng/mL' ? 'nmol/L' : 'ng/mL';
  const convert = (value: number | undefined) =>
    value === undefined ? undefined : convertBlood({ value, unit: target.unit }, other).value;
  const converted = { low: convert(target.low), high: convert(target.high) };
  return `${rangeIn(target, target.unit, locale)} (${rangeIn(converted, other, locale)})`;
}

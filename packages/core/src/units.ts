import type { CalciumUnit } from './records/lab-result.ts';
import type { BloodUnit, IntakeUnit } from './records/profile.ts';

/**
 * Units, their conversions and how they are shown. A quantity keeps the value and unit the person
 * entered; conversion happens only for display and analysis, never before storing.
 */

/** A value in a unit, exactly as entered or as converted for display. */
export interface Quantity<U extends string = string> {
  value: number;
  unit: U;
}

export type AnyUnit = IntakeUnit | BloodUnit | CalciumUnit;

/**
 * International units per microgram of vitamin D3 or D2. Vitamin-D-specific: UCUM treats [IU] as an
 * arbitrary unit, so no general library can do this conversion. Not valid for calcifediol.
 * See: docs/medical-reference.md §1 [V] (FDA ergocalciferol labels): 1 µg = 40 IU.
 */
export const IU_PER_MICROGRAM = 40;

/**
 * nmol/L of serum 25(OH)D per ng/mL, from its molar mass (≈ 400.6 g/mol). The reference also gives
 * 1 nmol/L = 0.4006 ng/mL; Sunlog divides by 2.496 instead so that a round trip returns the value typed.
 * Some labs round to 2.5, which is why the entered value is always kept. See: docs/medical-reference.md §1 [V].
 */
export const NMOL_PER_L_PER_NG_PER_ML = 2.496;

/** Calcium mg/dL ↔ mmol/L is deliberately absent: the domain reference gives no factor for it. */

/** The amount in international units. */
export function toIu(amount: Quantity<IntakeUnit>): number {
  return amount.unit === 'IU' ? amount.value : amount.value * IU_PER_MICROGRAM;
}

/** The amount in micrograms. */
export function toMicrograms(amount: Quantity<IntakeUnit>): number {
  return amount.unit === 'ug' ? amount.value : amount.value / IU_PER_MICROGRAM;
}

/** The same vitamin D amount expressed in `unit`. */
export function convertIntake(amount: Quantity<IntakeUnit>, unit: IntakeUnit): Quantity<IntakeUnit> {
  return { value: unit === 'IU' ? toIu(amount) : toMicrograms(amount), unit };
}

/** A 25(OH)D level in ng/mL. */
export function toNgPerMl(level: Quantity<BloodUnit>): number {
  return level.unit === 'ng/mL' ? level.value : level.value / NMOL_PER_L_PER_NG_PER_ML;
}

/** A 25(OH)D level in nmol/L. */
export function toNmolPerL(level: Quantity<BloodUnit>): number {
  return level.unit === 'nmol/L' ? level.value : level.value * NMOL_PER_L_PER_NG_PER_ML;
}

/** The same 25(OH)D level expressed in `unit`. */
export function convertBlood(level: Quantity<BloodUnit>, unit: BloodUnit): Quantity<BloodUnit> {
  return { value: unit === 'ng/mL' ? toNgPerMl(level) : toNmolPerL(level), unit };
}

/** UCUM codes for each unit, as used in FHIR `valueQuantity.code`. See: docs/medical-reference.md §1. */
export const UCUM_CODES: Record<AnyUnit, string> = {
  IU: '[IU]',
  ug: 'ug',
  'ng/mL': 'ng/mL',
  'nmol/L': 'nmol/L',
  'mg/dL': 'mg/dL',
  'mmol/L': 'mmol/L',
};

/** How each unit is written for people ("µg", not "ug" or "mcg"). */
export const UNIT_LABELS: Record<AnyUnit, string> = {
  IU: 'IU',
  ug: 'µg',
  'ng/mL': 'ng/mL',
  'nmol/L': 'nmol/L',
  'mg/dL': 'mg/dL',
  'mmol/L': 'mmol/L',
};

/**
 * Decimal places shown for each unit: IU and nmol/L whole, µg and ng/mL one decimal.
 * Calcium gets two (mmol/L values are small, e.g. 2.35) and one for mg/dL (e.g. 9.4).
 */
export const DISPLAY_DECIMALS: Record<AnyUnit, number> = {
  IU: 0,
  ug: 1,
  'ng/mL': 1,
  'nmol/L': 0,
  'mg/dL': 1,
  'mmol/L': 2,
};

/**
 * Rounds half away from zero to `decimals` places. It shifts the decimal point in the number's text form,
 * so 1.005 rounds to 1.01 rather than falling foul of its binary representation (1.00499…).
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) {
    return value;
  }
  const sign = value < 0 ? -1 : 1;
  const text = String(Math.abs(value));
  if (text.includes('e')) {
    // Very large or very small numbers are already in exponent form; plain scaling is precise enough there.
    const factor = 10 ** decimals;
    return (sign * Math.round(Math.abs(value) * factor)) / factor;
  }
  const shifted = Math.round(Number(`${text}e${decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
}

/** The value rounded the way its unit is shown. */
export function roundForDisplay(quantity: Quantity<AnyUnit>): number {
  return roundTo(quantity.value, DISPLAY_DECIMALS[quantity.unit]);
}

/** A quantity as text for people, e.g. "1,000 IU" or "74.9 nmol/L" → "75 nmol/L"; `locale` picks separators. */
export function formatQuantity(quantity: Quantity<AnyUnit>, locale = 'en'): string {
  const number = quantityFormatter(locale, DISPLAY_DECIMALS[quantity.unit]).format(roundForDisplay(quantity));
  return `${number} ${UNIT_LABELS[quantity.unit]}`;
}

/** Formatters already built, by locale and decimals: building an Intl.NumberFormat per call is slow. */
const quantityFormatters = new Map<string, Intl.NumberFormat>();

function quantityFormatter(locale: string, decimals: number): Intl.NumberFormat {
  const key = `${decimals} ${locale}`;
  let formatter = quantityFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: decimals });
    // Locales come from callers (a person's setting): keep the map small whatever they send.
    if (quantityFormatters.size >= 64) quantityFormatters.clear();
    quantityFormatters.set(key, formatter);
  }
  return formatter;
}

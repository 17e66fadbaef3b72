import { ADULT_UPPER_LIMIT_IU_PER_DAY, BLOOD_CONTACT_PROMPTLY_NG_PER_ML } from './cautions.ts';
import type { BloodUnit, IntakeUnit } from './records/profile.ts';
import type { Regimen } from './records/regimen.ts';
import { dailyEquivalentIu } from './regimen-schedule.ts';
import {
  formatQuantity,
  type Quantity,
  roundTo,
  toIu,
  toMicrograms,
  toNgPerMl,
  toNmolPerL,
} from './units.ts';

/**
 * Numbers unusual enough that a form asks "Is this right?" before saving, with the number in both units,
 * so a slip (an extra zero, the wrong unit chosen) is caught. The person can always answer yes: Sunlog
 * records and never blocks a value a doctor may have prescribed or a lab may have reported.
 */

/** What a form shows when it asks; `amounts` is the number in both units, e.g. "9,999 ng/mL (24,958 nmol/L)". */
export interface UnusualEntry {
  amounts: string;
  reason: string;
}

function isAbove(value: number, limit: number): boolean {
  return roundTo(value, 6) > limit;
}

/**
 * A 25(OH)D result above 150 ng/mL (375 nmol/L): most reported toxicity cases were above it
 * (docs/medical-reference.md §2.3 and §2.1, Mayo), so a value beyond it is far outside the levels people
 * usually have, and is asked about before it is saved.
 */
export function unusualBloodLevel(level: Quantity<BloodUnit>, locale = 'en'): UnusualEntry | null {
  const ngPerMl = toNgPerMl(level);
  if (!isAbove(ngPerMl, BLOOD_CONTACT_PROMPTLY_NG_PER_ML)) return null;
  const ng = formatQuantity({ value: ngPerMl, unit: 'ng/mL' }, locale);
  const nmol = formatQuantity({ value: toNmolPerL(level), unit: 'nmol/L' }, locale);
  return {
    amounts: level.unit === 'ng/mL' ? `${ng} (${nmol})` : `${nmol} (${ng})`,
    reason:
      'This is far above the levels labs usually report: most cases of too much vitamin D were above 150 ng/mL (375 nmol/L). Check the number and the unit on the report.',
  };
}

function bothIntakeUnits(amount: Quantity<IntakeUnit>, locale: string): string {
  const iu = formatQuantity({ value: toIu(amount), unit: 'IU' }, locale);
  const ug = formatQuantity({ value: toMicrograms(amount), unit: 'ug' }, locale);
  return amount.unit === 'IU' ? `${iu} (${ug})` : `${ug} (${iu})`;
}

/**
 * A plan whose daily equivalent is above the tolerable upper intake of 4,000 IU (100 µg) a day
 * (docs/medical-reference.md §2.4). Doctors prescribe more, so this only asks.
 */
export function unusualPlan(
  plan: Pick<Regimen, 'amountPerDose' | 'schedule'>,
  locale = 'en',
): UnusualEntry | null {
  const dailyIu = dailyEquivalentIu(plan);
  if (!isAbove(dailyIu, ADULT_UPPER_LIMIT_IU_PER_DAY)) return null;
  const perDay = formatQuantity({ value: dailyIu, unit: 'IU' }, locale);
  return {
    amounts: bothIntakeUnits(plan.amountPerDose, locale),
    reason: `Each dose is this amount, about ${perDay} a day: above 4,000 IU (100 µg), the daily upper limit for adults taking vitamin D on their own. Check the number and the unit on the pack or prescription.`,
  };
}

/**
 * One dose above the daily upper intake of 4,000 IU (100 µg) (docs/medical-reference.md §2.4), unless it
 * is an amount already confirmed (the plan's amount, or the amount the dose was stored with).
 */
export function unusualDose(
  amount: Quantity<IntakeUnit>,
  confirmedAmount?: Quantity<IntakeUnit>,
  locale = 'en',
): UnusualEntry | null {
  const iu = toIu(amount);
  if (!isAbove(iu, ADULT_UPPER_LIMIT_IU_PER_DAY)) return null;
  if (confirmedAmount !== undefined && roundTo(toIu(confirmedAmount), 6) === roundTo(iu, 6)) return null;
  return {
    amounts: bothIntakeUnits(amount, locale),
    reason:
      'One dose of this size is above 4,000 IU (100 µg), the daily upper limit for adults taking vitamin D on their own. Check the number and the unit.',
  };
}

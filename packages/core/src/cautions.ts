import type { LocalDate } from './calendar.ts';
import type { Source } from './ranges.ts';
import type { BloodUnit } from './records/profile.ts';
import { combinedDailyEquivalentIu } from './regimen-schedule.ts';
import { formatQuantity, type Quantity, roundTo, toNgPerMl } from './units.ts';

/**
 * Cautions inform; they never block logging and never suggest a dose. Doctors prescribe more than the
 * upper limit (the MS trials used 5,000–14,000 IU/day), so a caution says what a source says and points to
 * the doctor. See: docs/medical-reference.md §2.4 and §6.
 */

export type CautionSeverity = 'notice' | 'warning' | 'urgent';

export type CautionCode =
  | 'intake-above-upper-limit'
  | 'intake-above-advice-level'
  | 'blood-level-above-guidelines'
  | 'blood-level-very-high';

export interface Caution {
  code: CautionCode;
  severity: CautionSeverity;
  /** Plain words for the person; shown as is. */
  message: string;
  source: Source;
}

/**
 * Tolerable upper intake level for people aged 9 and over, 4,000 IU (100 µg) a day. It is a ceiling for
 * unsupervised healthy people, and does not apply to people with granulomatous disease such as
 * sarcoidosis, or hyperparathyroidism. See: docs/medical-reference.md §2.4 [V] (IOM 2011).
 */
export const ADULT_UPPER_LIMIT_IU_PER_DAY = 4000;

/**
 * A higher level at which Sunlog suggests checking the amount with a doctor. 10,000 IU/day is the
 * "ceiling for at-risk adults" often quoted from the Endocrine Society 2011 guideline; the domain
 * reference marks it UNVERIFIED [U] (§2.1), so it is kept in this one constant and shown only as a
 * caution, never as a fact or a limit.
 */
export const SEEK_ADVICE_IU_PER_DAY = 10_000;

/** Sunlog's first blood-level band: above guideline ranges. See: docs/medical-reference.md §2.3 (after Mayo, §2.1). */
export const BLOOD_ABOVE_GUIDELINES_NG_PER_ML = 100;

/**
 * Sunlog's second blood-level band: most reported toxicity cases were above 150 ng/mL (375 nmol/L).
 * See: docs/medical-reference.md §2.3 and §2.1 (Mayo Clinic Laboratories [V]).
 */
export const BLOOD_CONTACT_PROMPTLY_NG_PER_ML = 150;

const IOM_UPPER_LIMIT_SOURCE: Source = {
  name: 'IOM 2011 tolerable upper intake level',
  citation:
    'IOM. Dietary Reference Intakes for Calcium and Vitamin D. Washington, DC: National Academies Press; 2011.',
  verified: true,
};

const ADVICE_LEVEL_SOURCE: Source = {
  name: 'Often-quoted ceiling from the Endocrine Society 2011 guideline (not verified)',
  citation:
    'Attributed to Holick MF, et al. J Clin Endocrinol Metab. 2011;96(7):1911–1930; Sunlog could not verify this figure.',
  verified: false,
};

const BLOOD_BANDS_SOURCE: Source = {
  name: 'Sunlog caution bands, based on Mayo Clinic Laboratories reference values',
  citation:
    'Mayo Clinic Laboratories test 25HDN: toxicity possible above 80 ng/mL; most toxic cases above 150 ng/mL (375 nmol/L).',
  verified: true,
};

/** Compared after rounding away float noise, so exactly 4,000 IU is not "above" 4,000. */
function isAbove(value: number, limit: number): boolean {
  return roundTo(value, 6) > limit;
}

/**
 * Cautions for an average daily intake in IU (see dailyEquivalentIu and combinedDailyEquivalentIu):
 * none up to 4,000 IU/day, otherwise the single most serious one that applies.
 */
export function intakeCautions(dailyIu: number): Caution[] {
  const amount = formatQuantity({ value: dailyIu, unit: 'IU' });
  if (isAbove(dailyIu, SEEK_ADVICE_IU_PER_DAY)) {
    return [
      {
        code: 'intake-above-advice-level',
        severity: 'warning',
        message: `This works out at about ${amount} a day, far above the 4,000 IU daily upper limit for adults. Please check this amount with your doctor, even if it was prescribed some time ago.`,
        source: ADVICE_LEVEL_SOURCE,
      },
    ];
  }
  if (isAbove(dailyIu, ADULT_UPPER_LIMIT_IU_PER_DAY)) {
    return [
      {
        code: 'intake-above-upper-limit',
        severity: 'notice',
        message: `This works out at about ${amount} a day, above 4,000 IU, the upper limit the IOM set for healthy adults taking vitamin D on their own. Doctors sometimes prescribe more; if this amount was not prescribed, mention it to your doctor.`,
        source: IOM_UPPER_LIMIT_SOURCE,
      },
    ];
  }
  return [];
}

/** Cautions for a 25(OH)D result: none up to 100 ng/mL (249.6 nmol/L), otherwise the most serious band. */
export function bloodLevelCautions(level: Quantity<BloodUnit>): Caution[] {
  const ngPerMl = toNgPerMl(level);
  if (isAbove(ngPerMl, BLOOD_CONTACT_PROMPTLY_NG_PER_ML)) {
    return [
      {
        code: 'blood-level-very-high',
        severity: 'urgent',
        message:
          'This result is far higher than guideline ranges. Contact your doctor promptly, and tell them if you feel sick, very thirsty, confused or unusually tired.',
        source: BLOOD_BANDS_SOURCE,
      },
    ];
  }
  if (isAbove(ngPerMl, BLOOD_ABOVE_GUIDELINES_NG_PER_ML)) {
    return [
      {
        code: 'blood-level-above-guidelines',
        severity: 'warning',
        message: 'This result is higher than guideline ranges. Mention it to your doctor.',
        source: BLOOD_BANDS_SOURCE,
      },
    ];
  }
  return [];
}

/** Cautions for everything a person's regimens add up to on `date` (several products' doses add up). */
export function regimenCautions(
  regimens: Parameters<typeof combinedDailyEquivalentIu>[0],
  date: LocalDate,
): Caution[] {
  return intakeCautions(combinedDailyEquivalentIu(regimens, date));
}

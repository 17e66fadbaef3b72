import type { BloodTarget, BloodUnit } from './records/profile.ts';
import { NMOL_PER_L_PER_NG_PER_ML, type Quantity, roundTo, toNgPerMl, toNmolPerL } from './units.ts';

/**
 * Serum 25-hydroxyvitamin D categories from named guidelines. Every category says whose it is, so a
 * screen can write "per IOM 2011"; none of them is Sunlog's own judgement, and none is a target for
 * people with MS (no MS guideline sets one). See: docs/medical-reference.md §2.1 and §2.2.
 */

/** A published source, with enough detail to look it up. */
export interface Source {
  name: string;
  citation: string;
  /** False when the domain reference could only partly verify the figures (marked [P]). */
  verified: boolean;
}

/**
 * A band edge as the source states it: in ng/mL and, where the source prints it, in nmol/L. A result is
 * compared in its own unit, so a lab report of 75 nmol/L sits exactly on IOM's 75 nmol/L edge rather than
 * at 75 ÷ 2.496 = 30.05 ng/mL.
 */
export interface Threshold {
  ngPerMl: number;
  nmolPerL: number;
}

/** A threshold the source gives in ng/mL only; nmol/L derived with 2.496 (docs/medical-reference.md §1). */
function fromNgPerMl(ngPerMl: number): Threshold {
  return { ngPerMl, nmolPerL: roundTo(ngPerMl * NMOL_PER_L_PER_NG_PER_ML, 6) };
}

export const GUIDELINE_IDS = ['iom-2011', 'endocrine-society-2011', 'mayo-clinic-laboratories'] as const;
export type GuidelineId = (typeof GUIDELINE_IDS)[number];

/** One band of a guideline. `from` is inclusive or exclusive as the source words it; so is `to`. */
export interface VitaminDCategory {
  guideline: GuidelineId;
  /** Stable within its guideline, e.g. "possibly-inadequate". */
  id: string;
  label: string;
  /** What the band means, in plain words. */
  description: string;
  from?: { threshold: Threshold; inclusive: boolean };
  to?: { threshold: Threshold; inclusive: boolean };
}

export interface Guideline {
  id: GuidelineId;
  /** Short name for "per …" labels. */
  name: string;
  source: Source;
  /** Context a screen should show beside the classification. */
  context?: string;
  /** From lowest to highest; together they cover every value above zero. */
  categories: readonly VitaminDCategory[];
}

/**
 * IOM (now NAM) 2011, Dietary Reference Intakes for Calcium and Vitamin D. See: docs/medical-reference.md §2.1 [V]
 * (books.nap.edu record 13050, pp. 14 and 445): < 12 ng/mL (30 nmol/L) risk of deficiency; 12–< 20 (30–50)
 * possibly inadequate for some; ≥ 20 (50) enough for practically everyone; > 30 (75) no consistent extra
 * benefit; > 50 (125) possible concern.
 */
const IOM_2011: Guideline = {
  id: 'iom-2011',
  name: 'IOM 2011',
  source: {
    name: 'Institute of Medicine (now National Academy of Medicine), 2011',
    citation:
      'IOM. Dietary Reference Intakes for Calcium and Vitamin D. Washington, DC: National Academies Press; 2011.',
    verified: true,
  },
  categories: [
    {
      guideline: 'iom-2011',
      id: 'risk-of-deficiency',
      label: 'At risk of deficiency',
      description: 'Below the level the IOM links with a risk of vitamin D deficiency.',
      to: { threshold: { ngPerMl: 12, nmolPerL: 30 }, inclusive: false },
    },
    {
      guideline: 'iom-2011',
      id: 'possibly-inadequate',
      label: 'Possibly not enough for some people',
      description: 'Enough for some people, but possibly too low for others, according to the IOM.',
      from: { threshold: { ngPerMl: 12, nmolPerL: 30 }, inclusive: true },
      to: { threshold: { ngPerMl: 20, nmolPerL: 50 }, inclusive: false },
    },
    {
      guideline: 'iom-2011',
      id: 'sufficient',
      label: 'Enough for almost everyone',
      description: 'The IOM considers this enough for practically everyone.',
      from: { threshold: { ngPerMl: 20, nmolPerL: 50 }, inclusive: true },
      to: { threshold: { ngPerMl: 30, nmolPerL: 75 }, inclusive: true },
    },
    {
      guideline: 'iom-2011',
      id: 'no-consistent-extra-benefit',
      label: 'Above what the IOM found useful',
      description: 'The IOM found no consistent extra benefit from levels above 30 ng/mL (75 nmol/L).',
      from: { threshold: { ngPerMl: 30, nmolPerL: 75 }, inclusive: false },
      to: { threshold: { ngPerMl: 50, nmolPerL: 125 }, inclusive: true },
    },
    {
      guideline: 'iom-2011',
      id: 'possible-concern',
      label: 'Possible reason for concern',
      description:
        'The IOM noted possible concern above 50 ng/mL (125 nmol/L). Worth raising with your doctor.',
      from: { threshold: { ngPerMl: 50, nmolPerL: 125 }, inclusive: false },
    },
  ],
};

/**
 * Endocrine Society 2011 (Holick et al.). See: docs/medical-reference.md §2.1 [P]: < 20 ng/mL (50 nmol/L)
 * deficiency; 21–29 (52.5–72.5) insufficiency; aim > 30 (75). The guideline writes whole numbers; Sunlog
 * closes the gaps so 20 up to (not including) 30 is insufficiency and 30 and above is sufficiency.
 * The often-quoted "preferred 40–60" and "safe up to 100" figures are unverified [U] and not used.
 */
const ENDOCRINE_SOCIETY_2011: Guideline = {
  id: 'endocrine-society-2011',
  name: 'Endocrine Society 2011',
  source: {
    name: 'Endocrine Society clinical practice guideline, 2011 (Holick et al.)',
    citation:
      'Holick MF, et al. Evaluation, treatment, and prevention of vitamin D deficiency: an Endocrine Society clinical practice guideline. J Clin Endocrinol Metab. 2011;96(7):1911–1930.',
    verified: false,
  },
  context:
    'The Endocrine Society replaced this guideline in 2024 with one that sets no cut-off levels and advises against routine testing for people without a specific reason. Whether MS is such a reason is not addressed.',
  categories: [
    {
      guideline: 'endocrine-society-2011',
      id: 'deficiency',
      label: 'Deficiency',
      description: 'Below the level this guideline called vitamin D deficiency.',
      to: { threshold: { ngPerMl: 20, nmolPerL: 50 }, inclusive: false },
    },
    {
      guideline: 'endocrine-society-2011',
      id: 'insufficiency',
      label: 'Insufficiency',
      description: 'Between deficiency and the level this guideline aimed for.',
      from: { threshold: { ngPerMl: 20, nmolPerL: 50 }, inclusive: true },
      to: { threshold: { ngPerMl: 30, nmolPerL: 75 }, inclusive: false },
    },
    {
      guideline: 'endocrine-society-2011',
      id: 'sufficiency',
      label: 'At or above the level aimed for',
      description: 'At or above 30 ng/mL (75 nmol/L), the level this guideline suggested aiming for.',
      from: { threshold: { ngPerMl: 30, nmolPerL: 75 }, inclusive: true },
    },
  ],
};

/**
 * Mayo Clinic Laboratories reference values (IOM-based). See: docs/medical-reference.md §2.1 [V]
 * (muhealth.testcatalog.org 25HDN): < 10 ng/mL severe deficiency; 10–19 mild to moderate; 20–50 optimal;
 * 51–80 risk of high urinary calcium with long-term calcium use; > 80 toxicity possible. Given in ng/mL
 * only; nmol/L edges are derived with 2.496. Whole-number edges are closed as 10–< 20, 20–50, > 50–80, > 80.
 */
const MAYO_CLINIC_LABORATORIES: Guideline = {
  id: 'mayo-clinic-laboratories',
  name: 'Mayo Clinic Laboratories',
  source: {
    name: 'Mayo Clinic Laboratories, 25-hydroxyvitamin D2 and D3 reference values',
    citation:
      'Mayo Clinic Laboratories test 25HDN (25-Hydroxyvitamin D2 and D3, Serum), reference values as listed at muhealth.testcatalog.org/show/25HDN.',
    verified: true,
  },
  categories: [
    {
      guideline: 'mayo-clinic-laboratories',
      id: 'severe-deficiency',
      label: 'Severe deficiency',
      description: 'Mayo Clinic Laboratories call levels below 10 ng/mL a severe deficiency.',
      to: { threshold: fromNgPerMl(10), inclusive: false },
    },
    {
      guideline: 'mayo-clinic-laboratories',
      id: 'mild-to-moderate-deficiency',
      label: 'Mild to moderate deficiency',
      description: 'Mayo Clinic Laboratories call 10 to 19 ng/mL a mild to moderate deficiency.',
      from: { threshold: fromNgPerMl(10), inclusive: true },
      to: { threshold: fromNgPerMl(20), inclusive: false },
    },
    {
      guideline: 'mayo-clinic-laboratories',
      id: 'optimal',
      label: 'Optimal',
      description: 'Mayo Clinic Laboratories call 20 to 50 ng/mL the optimal range.',
      from: { threshold: fromNgPerMl(20), inclusive: true },
      to: { threshold: fromNgPerMl(50), inclusive: true },
    },
    {
      guideline: 'mayo-clinic-laboratories',
      id: 'urinary-calcium-risk',
      label: 'Higher than optimal',
      description:
        'Above 50 and up to 80 ng/mL. Mayo Clinic Laboratories note a risk of too much calcium in the urine for people who also take calcium for a long time.',
      from: { threshold: fromNgPerMl(50), inclusive: false },
      to: { threshold: fromNgPerMl(80), inclusive: true },
    },
    {
      guideline: 'mayo-clinic-laboratories',
      id: 'toxicity-possible',
      label: 'Toxicity possible',
      description:
        'Above 80 ng/mL, the lowest level at which vitamin D toxicity has been reported. Talk to your doctor.',
      from: { threshold: fromNgPerMl(80), inclusive: false },
    },
  ],
};

/** Every guideline Sunlog can classify against, in the order screens list them. */
export const GUIDELINES: Record<GuidelineId, Guideline> = {
  'iom-2011': IOM_2011,
  'endocrine-society-2011': ENDOCRINE_SOCIETY_2011,
  'mayo-clinic-laboratories': MAYO_CLINIC_LABORATORIES,
};

function edgeValue(threshold: Threshold, unit: BloodUnit): number {
  return unit === 'ng/mL' ? threshold.ngPerMl : threshold.nmolPerL;
}

function isInCategory(value: number, unit: BloodUnit, category: VitaminDCategory): boolean {
  const { from, to } = category;
  if (from !== undefined) {
    const edge = edgeValue(from.threshold, unit);
    if (from.inclusive ? value < edge : value <= edge) {
      return false;
    }
  }
  if (to !== undefined) {
    const edge = edgeValue(to.threshold, unit);
    if (to.inclusive ? value > edge : value >= edge) {
      return false;
    }
  }
  return true;
}

export interface VitaminDClassification {
  guideline: Guideline;
  category: VitaminDCategory;
}

/** The band a 25(OH)D result falls in under one guideline, compared in the result's own unit. */
export function classifyVitaminD(
  level: Quantity<BloodUnit>,
  guidelineId: GuidelineId,
): VitaminDClassification {
  const guideline = GUIDELINES[guidelineId];
  const category =
    guideline.categories.find((candidate) => isInCategory(level.value, level.unit, candidate)) ??
    // Unreachable for the bands above, which cover every number; the last band is the safe fallback.
    guideline.categories[guideline.categories.length - 1];
  if (category === undefined) {
    throw new Error(`Guideline ${guidelineId} has no categories`);
  }
  return { guideline, category };
}

/** The band under every guideline, in GUIDELINE_IDS order. */
export function classifyVitaminDAll(level: Quantity<BloodUnit>): VitaminDClassification[] {
  return GUIDELINE_IDS.map((id) => classifyVitaminD(level, id));
}

export type TargetPosition = 'below' | 'within' | 'above';

/**
 * Where a result sits against the personal target set with the clinician; null when there is no target
 * (the default — Sunlog never suggests one; docs/medical-reference.md §2.2). The result is converted into the
 * target's unit; both bounds are inclusive.
 */
export function compareWithTarget(
  level: Quantity<BloodUnit>,
  target: BloodTarget | null | undefined,
): TargetPosition | null {
  if (target === null || target === undefined) {
    return null;
  }
  const value = target.unit === 'ng/mL' ? toNgPerMl(level) : toNmolPerL(level);
  // A relative tolerance so a converted value sitting on a bound (74.88 nmol/L vs 30 ng/mL) is not pushed
  // outside it by floating-point noise.
  const tolerance = 1e-9 * Math.max(1, Math.abs(value));
  if (target.low !== undefined && value < target.low - tolerance) {
    return 'below';
  }
  if (target.high !== undefined && value > target.high + tolerance) {
    return 'above';
  }
  return 'within';
}

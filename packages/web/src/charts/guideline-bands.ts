import { GUIDELINES } from '@sunlog/core/ranges';
import type { BloodUnit } from '@sunlog/core/records/profile';
import type { BandTint, ValueBand } from './TimeSeriesChart.tsx';

/** A short name that fits inside each IOM 2011 band on a phone-wide chart. */
const SHORT_LABELS: Readonly<Record<string, string>> = {
  'risk-of-deficiency': 'Deficiency risk',
  'possibly-inadequate': 'Possibly low',
  sufficient: 'Enough for most',
  'no-consistent-extra-benefit': 'No added benefit',
  'possible-concern': 'Possible concern',
};

/** Each IOM 2011 category's own tint (their contrast is checked in the charts browser test). */
const TINTS: Readonly<Record<string, BandTint>> = {
  'risk-of-deficiency': 'red',
  'possibly-inadequate': 'amber',
  sufficient: 'green',
  'no-consistent-extra-benefit': 'blue',
  'possible-concern': 'purple',
};

/**
 * IOM 2011's 25(OH)D categories as labelled chart bands in `unit`: context, never a suggested target.
 * See: docs/medical-reference.md §2.1 (IOM 2011) and §2.2 (no MS target; never suggest one).
 */
export function iomGuidelineBands(unit: BloodUnit): ValueBand[] {
  return GUIDELINES['iom-2011'].categories.map((category) => {
    const edge = (threshold: { ngPerMl: number; nmolPerL: number }) =>
      unit === 'ng/mL' ? threshold.ngPerMl : threshold.nmolPerL;
    return {
      ...(category.from === undefined ? {} : { from: edge(category.from.threshold) }),
      ...(category.to === undefined ? {} : { to: edge(category.to.threshold) }),
      label: category.label,
      shortLabel: SHORT_LABELS[category.id] ?? category.label,
      tint: TINTS[category.id] ?? 'blue',
    };
  });
}

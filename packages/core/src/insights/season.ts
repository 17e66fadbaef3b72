import type { Hemisphere, LabPoint } from './input.ts';
import { ci95, type Insight, notEnoughData } from './insight.ts';
import { monthNumber } from './local-date.ts';
import { meanWithTInterval } from './summary-stats.ts';
import { formatInterval, formatNumber, plural } from './wording.ts';

/** Meteorological seasons: whole months, Dec–Feb winter in the northern hemisphere. */
export type Season = 'winter' | 'spring' | 'summer' | 'autumn';

export const SEASONS: readonly Season[] = ['winter', 'spring', 'summer', 'autumn'];

/** The meteorological season of a month (1–12) in a hemisphere. */
export function seasonOfMonth(month: number, hemisphere: Hemisphere): Season {
  const northern: Season[] = ['winter', 'spring', 'summer', 'autumn'];
  const index = Math.floor((month % 12) / 3);
  const shift = hemisphere === 'northern' ? 0 : 2;
  return northern[(index + shift) % 4] ?? 'winter';
}

/** Numbers behind one season's blood levels. */
export interface SeasonDetail {
  season: Season;
  results: number;
}

export type SeasonInsight = Insight<'season', SeasonDetail>;

/**
 * Mean 25(OH)D per meteorological season, pooled over years, with a t interval when there are
 * at least two results. Sunlight makes seasonal swings common; this only describes the person's results.
 */
export function levelBySeason(labs: readonly LabPoint[], hemisphere: Hemisphere): SeasonInsight[] {
  return SEASONS.map((season) => {
    const values = labs
      .filter((lab) => seasonOfMonth(monthNumber(lab.date), hemisphere) === season)
      .map((l) => l.ngPerMl);
    const detail = { season, results: values.length };
    if (values.length === 0) {
      return notEnoughData({
        kind: 'season',
        subject: season,
        unit: 'ng/mL',
        basis: { points: 0 },
        sentence: `No blood results from ${season} yet.`,
        missing: `needs a blood result taken in ${season}`,
        detail,
      });
    }
    const { mean, interval } = meanWithTInterval(values);
    return {
      kind: 'season',
      subject: season,
      status: 'ok',
      estimate: mean,
      unit: 'ng/mL',
      uncertainty: interval ? ci95(interval.low, interval.high, 't interval') : null,
      basis: { points: values.length },
      sentence:
        `Your ${season} results averaged ${formatNumber(mean)} ng/mL (${plural(values.length, 'result')}` +
        (interval ? `; 95% CI ${formatInterval(interval.low, interval.high)}).` : ').'),
      detail,
    };
  });
}

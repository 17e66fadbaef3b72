import { gammaQuantile } from './distributions.ts';
import type { FlareSpan, LocalDate } from './input.ts';
import { ci95, type Insight, notEnoughData } from './insight.ts';
import { daysBetween } from './local-date.ts';
import { formatInterval, formatNumber, plural, pluralNumber } from './wording.ts';

/**
 * Flare-ups starting less than this many days after the previous one began are counted as one:
 * a relapse begins at least 30 days after the previous relapse began (NHS England 2014,
 * docs/medical-reference.md §4).
 */
export const MERGE_WITHIN_DAYS = 30;

/** A rate is shown only after this much tracking: one person's short-run rate is unstable (§4). */
export const MIN_TRACKING_DAYS_FOR_RATE = 365;

const DAYS_PER_YEAR = 365.25;

/** Exact (Garwood) Poisson 95% interval for a count k: χ² quantiles via the gamma distribution. */
export function poissonExactInterval(k: number, level = 0.95): { low: number; high: number } {
  const alpha = 1 - level;
  return {
    low: k === 0 ? 0 : gammaQuantile(alpha / 2, k),
    high: gammaQuantile(1 - alpha / 2, k + 1),
  };
}

/** Merges flare-ups that start under `MERGE_WITHIN_DAYS` after the previous episode began; returns the episode starts. */
export function mergeFlares(flares: readonly FlareSpan[]): LocalDate[] {
  const starts = flares.map((f) => f.start).sort();
  const episodes: LocalDate[] = [];
  for (const start of starts) {
    const previous = episodes.at(-1);
    if (previous === undefined || daysBetween(previous, start) >= MERGE_WITHIN_DAYS) episodes.push(start);
  }
  return episodes;
}

/** Numbers behind the flare-up rate. */
export interface FlareRateDetail {
  episodes: number;
  recorded: number;
  trackingDays: number;
  personYears: number;
}

export type FlareRateInsight = Insight<'flare-rate', FlareRateDetail>;

/**
 * Annualised rate of patient-reported suspected relapses = episodes ÷ person-years, with an exact
 * Poisson 95% interval. Before 12 months of tracking only the count and period are given.
 */
export function flareRate(
  flares: readonly FlareSpan[],
  trackingStart: LocalDate,
  today: LocalDate,
): FlareRateInsight {
  const inPeriod = flares.filter((f) => f.start >= trackingStart && f.start <= today);
  const episodes = mergeFlares(inPeriod);
  const trackingDays = Math.max(0, daysBetween(trackingStart, today) + 1);
  const personYears = trackingDays / DAYS_PER_YEAR;
  const detail = { episodes: episodes.length, recorded: inPeriod.length, trackingDays, personYears };
  const count = plural(episodes.length, 'flare-up');
  const months = Math.floor(trackingDays / 30.44);
  const period = months >= 2 ? plural(months, 'month') : plural(trackingDays, 'day');
  if (trackingDays < MIN_TRACKING_DAYS_FOR_RATE) {
    return notEnoughData({
      kind: 'flare-rate',
      subject: 'flare-ups',
      unit: 'per year',
      basis: { days: trackingDays, points: episodes.length, from: trackingStart, to: today },
      sentence: `${count} recorded in ${period} of tracking. A yearly rate is shown after 12 months of tracking; over a shorter period it would mislead.`,
      missing: `needs ${plural(Math.ceil((MIN_TRACKING_DAYS_FOR_RATE - trackingDays) / 30.44), 'more month')} of tracking`,
      detail,
    });
  }
  const rate = episodes.length / personYears;
  const { low, high } = poissonExactInterval(episodes.length);
  return {
    kind: 'flare-rate',
    subject: 'flare-ups',
    status: 'ok',
    estimate: rate,
    unit: 'per year',
    uncertainty: ci95(low / personYears, high / personYears, 'exact Poisson interval'),
    basis: { days: trackingDays, points: episodes.length, from: trackingStart, to: today },
    sentence:
      `${count} in ${pluralNumber(personYears, 1, 'year')} of tracking: about ${formatNumber(rate, 2)} a year ` +
      `(95% CI ${formatInterval(low / personYears, high / personYears, 2)}). ` +
      'Flare-ups here are your own reports of suspected relapses.',
    detail,
  };
}

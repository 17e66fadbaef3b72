import type { LocalDate } from './common.ts';
import type { LabResult, VitaminDLabResult } from './lab-result.ts';

/**
 * The one order of blood results that every screen, export and report uses to say which result is
 * "the latest". Newest first:
 * 1. by the day the blood was drawn (`sampleDate`; a result records no time of day, so the day is all
 *    there is);
 * 2. on the same day, by when the result was entered (`createdAt`, compared as instants, so offsets do
 *    not matter): the result typed last is the newest, e.g. a corrected value entered after a first one;
 * 3. then by id, so the order never depends on how a list happened to arrive.
 *
 * A result with no `createdAt` (not possible for a stored record) sorts as entered before any with one.
 */

/** The fields the order reads; stored results and results waiting in the outbox both have them. */
export type OrderedResult = Pick<LabResult, 'sampleDate'> & {
  id?: string | undefined;
  createdAt?: string | undefined;
};

function enteredAt(result: OrderedResult): number {
  if (result.createdAt === undefined) return Number.NEGATIVE_INFINITY;
  const instant = Date.parse(result.createdAt);
  return Number.isNaN(instant) ? Number.NEGATIVE_INFINITY : instant;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A comparator for `Array.prototype.sort`: the newest result first (see the order above). */
export function newestResultFirst(a: OrderedResult, b: OrderedResult): number {
  const byDate = compareText(b.sampleDate, a.sampleDate);
  if (byDate !== 0) return byDate;
  const ea = enteredAt(a);
  const eb = enteredAt(b);
  if (ea !== eb) return ea < eb ? 1 : -1;
  return compareText(b.id ?? '', a.id ?? '');
}

/** The same order, oldest first (for charts that run left to right). */
export function oldestResultFirst(a: OrderedResult, b: OrderedResult): number {
  return newestResultFirst(b, a);
}

export interface LatestResultOptions {
  /** Only results drawn on or before this day count (e.g. the end of a month, or today). */
  onOrBefore?: LocalDate | undefined;
}

/** The newest of a list of results in the one order above, or null when there is none. */
export function latestResult<T extends OrderedResult>(
  results: readonly T[],
  options: LatestResultOptions = {},
): T | null {
  let latest: T | null = null;
  for (const result of results) {
    if (options.onOrBefore !== undefined && result.sampleDate > options.onOrBefore) continue;
    if (latest === null || newestResultFirst(result, latest) < 0) latest = result;
  }
  return latest;
}

/** The newest total 25-hydroxyvitamin D result (calcium results are ignored), or null. */
export function latestVitaminDResult<T extends LabResult>(
  results: readonly T[],
  options: LatestResultOptions = {},
): (T & VitaminDLabResult) | null {
  const vitaminD = results.filter(
    (result): result is T & VitaminDLabResult => result.analyte === '25-hydroxyvitamin-d-total',
  );
  return latestResult(vitaminD, options);
}

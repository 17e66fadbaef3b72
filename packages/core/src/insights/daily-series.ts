import type { InsightsInput, LocalDate, SymptomKey } from './input.ts';
import { SYMPTOMS } from './input.ts';
import { addDays, daysBetween, monthOf, toDayNumber } from './local-date.ts';

/**
 * A person's records laid out on a dense day grid (index 0 = `firstDay`), so the analyses can
 * run over typed arrays. Missing values are NaN; a day outside `days` is "nothing scheduled".
 */
export interface DailySeries {
  firstDay: LocalDate;
  length: number;
  scheduled: Uint8Array;
  taken: Uint8Array;
  /** IU recorded each day; NaN when nothing was recorded. */
  doseIu: Float64Array;
  symptoms: Record<SymptomKey, Float64Array>;
}

/** Lays out the records dated `firstDay`..`lastDay` inclusive; anything outside is ignored. */
export function buildDailySeries(input: InsightsInput, firstDay: LocalDate, lastDay: LocalDate): DailySeries {
  const length = Math.max(0, daysBetween(firstDay, lastDay) + 1);
  const origin = toDayNumber(firstDay);
  const indexOf = (date: LocalDate) => {
    const i = toDayNumber(date) - origin;
    return i >= 0 && i < length ? i : -1;
  };
  const scheduled = new Uint8Array(length);
  const taken = new Uint8Array(length);
  const doseIu = new Float64Array(length).fill(Number.NaN);
  for (const day of input.days) {
    const i = indexOf(day.date);
    if (i < 0) continue;
    if (day.scheduled) scheduled[i] = 1;
    if (day.scheduled && day.taken) taken[i] = 1;
    if (day.doseIu !== null) doseIu[i] = day.doseIu;
  }
  const symptoms = Object.fromEntries(
    SYMPTOMS.map((key) => [key, new Float64Array(length).fill(Number.NaN)]),
  ) as Record<SymptomKey, Float64Array>;
  for (const row of input.symptoms) {
    const i = indexOf(row.date);
    if (i < 0) continue;
    for (const key of SYMPTOMS) {
      const score = row.scores[key];
      if (score !== undefined && Number.isFinite(score)) symptoms[key][i] = score;
    }
  }
  return { firstDay, length, scheduled, taken, doseIu, symptoms };
}

/**
 * Share of scheduled doses taken in the `window` days ending on each day (that day included);
 * NaN when the window holds no scheduled day or reaches before the grid.
 */
export function trailingAdherence(series: DailySeries, window = 7): Float64Array {
  const out = new Float64Array(series.length).fill(Number.NaN);
  let scheduledSum = 0;
  let takenSum = 0;
  for (let t = 0; t < series.length; t++) {
    scheduledSum += series.scheduled[t] ?? 0;
    takenSum += series.taken[t] ?? 0;
    if (t >= window) {
      scheduledSum -= series.scheduled[t - window] ?? 0;
      takenSum -= series.taken[t - window] ?? 0;
    }
    if (t >= window - 1 && scheduledSum > 0) out[t] = takenSum / scheduledSum;
  }
  return out;
}

const monthsCache = new WeakMap<DailySeries, readonly string[]>();

/**
 * The calendar month 'YYYY-MM' of each day of the grid, worked out once per series (one date
 * conversion per month, not per day) and shared by the monthly insights.
 */
export function monthOfEachDay(series: DailySeries): readonly string[] {
  const cached = monthsCache.get(series);
  if (cached) return cached;
  const months = new Array<string>(series.length);
  let i = 0;
  let date = series.firstDay;
  while (i < series.length) {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const dayOfMonth = Number(date.slice(8, 10));
    // Day 0 of the next month is the last day of this one.
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const run = Math.min(series.length - i, daysInMonth - dayOfMonth + 1);
    months.fill(monthOf(date), i, i + run);
    i += run;
    date = addDays(date, run);
  }
  monthsCache.set(series, months);
  return months;
}

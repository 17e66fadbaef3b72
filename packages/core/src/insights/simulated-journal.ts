import type { FlareSpan, InsightsInput, IntakeDay, LocalDate, SymptomDay, SymptomKey } from './input.ts';
import { SYMPTOMS } from './input.ts';
import { addDays } from './local-date.ts';
import { createRandom, type Random, standardNormal } from './random.ts';

/**
 * A second generator of synthetic journals, written apart from the estimator so the truth tests
 * cannot flatter it: nothing here imports the analysis code or shares its definitions (the
 * estimator reads a 7-day share of doses on a daily lag curve; the effects below follow other
 * rules). Pure: the same options give the same person. Nothing here is medical data; every
 * choice is a modelling assumption, stated so the measured rates can be read against it:
 *
 * - Adherence varies over time: the person switches between spells of good adherence (each
 *   scheduled dose taken with a personal chance of 0.85–0.98) and poor adherence (0.2–0.6). A
 *   spell lasts 1–6 weeks, drawn afresh each time, so a year holds weeks of both.
 * - Each rating has a personal mean (3–7) and day-to-day noise with marginal sd `noiseSd` (2)
 *   that persists as AR(1) with φ drawn per rating from `persistence` (0.5 by default; the truth
 *   tests also draw it from 0.3–0.8). Ratings are rounded
 *   to whole points and clamped to 0–10, as the app records them.
 * - Days without a check-in: a share `missingShare` (20% by default, or drawn per person from a
 *   range such as 10–50%) in all, half of it as single skipped days and half as runs of 3–10 days
 *   (holidays, bad spells).
 * - Flare-ups: about 1.5 a year, each lasting 7–30 days, during which fatigue and pain are
 *   2 points higher and energy, mobility and overall wellness 2 points lower (a flare-up is
 *   recorded as such). They are independent of dose-taking.
 * - A planted effect, with one of three response shapes at a delay `lagDays`:
 *   - `five-of-seven`: `points` added on day t when at least 5 of the 7 scheduled doses on days
 *     t − lagDays − 6 … t − lagDays were taken;
 *   - `share-14`: `points` × the share of scheduled doses taken on days t − lagDays − 13 …
 *     t − lagDays (grows with the share; `points` is the change from none to all);
 *   - `regimen-step`: `points` added on every day from `lagDays` days after the regimen starts
 *     (whatever the dose-taking; a before/after change, not a dose-taking pattern).
 */

/** How a planted effect follows dose-taking. */
export type ResponseShape = 'five-of-seven' | 'share-14' | 'regimen-step';

/** A planted effect on one rating. */
export interface SimulatedEffect {
  symptom: SymptomKey;
  points: number;
  lagDays: number;
  shape: ResponseShape;
}

/** Options for one simulated person. */
export interface SimulatedJournalOptions {
  seed: number;
  /** Days on the regimen (default 365). */
  days?: number;
  /** Days of ratings before the regimen starts, nothing scheduled (default 0). */
  daysBeforeRegimen?: number;
  /** First tracked day (default 2026-01-05). */
  start?: LocalDate;
  /** Marginal sd of each rating's noise (default 2). */
  noiseSd?: number;
  /** Range of the AR(1) persistence of the noise, drawn per rating (default 0.5 to 0.5). */
  persistence?: { low: number; high: number };
  /** Share of days without a check-in: a number, or a range drawn once per person (default 0.2). */
  missingShare?: number | { low: number; high: number };
  /** Flare-ups per year (default 1.5). */
  flaresPerYear?: number;
  effect?: SimulatedEffect;
}

/** A simulated person and the truth behind them. */
export interface SimulatedJournal {
  input: InsightsInput;
  truth: {
    effect: SimulatedEffect | null;
    taken: Uint8Array;
    regimenStartIndex: number;
    /** The planted effect's points on each day (before rounding and clamping; 0 without an effect). */
    effectByDay: Float64Array;
  };
}

const GOOD_SPELL_CHANCE = { low: 0.85, high: 0.98 } as const;
const POOR_SPELL_CHANCE = { low: 0.2, high: 0.6 } as const;
const SPELL_WEEKS = { low: 1, high: 6 } as const;
const FLARE_DAYS = { low: 7, high: 30 } as const;
const FLARE_SHIFT: Partial<Record<SymptomKey, number>> = {
  fatigue: 2,
  pain: 2,
  energy: -2,
  mobility: -2,
  overallWellness: -2,
};

const uniform = (random: Random, low: number, high: number) => low + (high - low) * random();
const integer = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** Builds one simulated person. */
export function simulatedJournal(options: SimulatedJournalOptions): SimulatedJournal {
  const random = createRandom(options.seed ^ 0x5f3759df);
  const onRegimen = options.days ?? 365;
  const before = options.daysBeforeRegimen ?? 0;
  const total = before + onRegimen;
  const start = options.start ?? '2026-01-05';
  const noiseSd = options.noiseSd ?? 2;
  const persistence = options.persistence ?? { low: 0.5, high: 0.5 };
  const missingOption = options.missingShare ?? 0.2;
  const flaresPerYear = options.flaresPerYear ?? 1.5;
  const effect = options.effect ?? null;

  // Dose-taking: alternating spells of good and poor adherence.
  const goodChance = uniform(random, GOOD_SPELL_CHANCE.low, GOOD_SPELL_CHANCE.high);
  const poorChance = uniform(random, POOR_SPELL_CHANCE.low, POOR_SPELL_CHANCE.high);
  const taken = new Uint8Array(total);
  let good = random() < 0.5;
  let spellLeft = 7 * integer(random, SPELL_WEEKS.low, SPELL_WEEKS.high);
  for (let t = before; t < total; t++) {
    if (spellLeft === 0) {
      good = !good;
      spellLeft = 7 * integer(random, SPELL_WEEKS.low, SPELL_WEEKS.high);
    }
    spellLeft--;
    taken[t] = random() < (good ? goodChance : poorChance) ? 1 : 0;
  }
  const dose = [1000, 2000, 4000][integer(random, 0, 2)] ?? 2000;
  const days: IntakeDay[] = [];
  for (let t = before; t < total; t++) {
    const wasTaken = taken[t] === 1;
    days.push({ date: addDays(start, t), scheduled: true, taken: wasTaken, doseIu: wasTaken ? dose : null });
  }

  /** Doses taken on days from..to inclusive, counting only regimen days; null before the regimen. */
  const takenBetween = (from: number, to: number): number | null => {
    if (from < before) return null;
    let sum = 0;
    for (let d = from; d <= to; d++) sum += taken[d] ?? 0;
    return sum;
  };
  const effectOn = (t: number): number => {
    if (!effect) return 0;
    const end = t - effect.lagDays;
    switch (effect.shape) {
      case 'five-of-seven': {
        const count = takenBetween(end - 6, end);
        return count !== null && count >= 5 ? effect.points : 0;
      }
      case 'share-14': {
        const count = takenBetween(end - 13, end);
        return count === null ? 0 : (effect.points * count) / 14;
      }
      case 'regimen-step':
        return t >= before + effect.lagDays ? effect.points : 0;
    }
  };

  // Flare-ups, independent of dose-taking.
  const inFlare = new Uint8Array(total);
  const flares: FlareSpan[] = [];
  for (let t = 0; t < total; t++) {
    if (random() < flaresPerYear / 365) {
      const length = integer(random, FLARE_DAYS.low, FLARE_DAYS.high);
      const last = Math.min(total - 1, t + length - 1);
      for (let d = t; d <= last; d++) inFlare[d] = 1;
      flares.push({ start: addDays(start, t), end: t + length - 1 < total ? addDays(start, last) : null });
      t += length + 30;
    }
  }

  const effectByDay = Float64Array.from({ length: total }, (_, t) => effectOn(t));

  // Ratings.
  const rows: Array<Partial<Record<SymptomKey, number>>> = Array.from({ length: total }, () => ({}));
  for (const symptom of SYMPTOMS) {
    const mean = uniform(random, 3, 7);
    const phi = uniform(random, persistence.low, persistence.high);
    const innovation = noiseSd * Math.sqrt(1 - phi * phi);
    let noise = noiseSd * standardNormal(random);
    for (let t = 0; t < total; t++) {
      if (t > 0) noise = phi * noise + innovation * standardNormal(random);
      let value = mean + noise + (inFlare[t] ? (FLARE_SHIFT[symptom] ?? 0) : 0);
      if (effect && effect.symptom === symptom) value += effectByDay[t] ?? 0;
      const row = rows[t];
      if (row) row[symptom] = Math.min(10, Math.max(0, Math.round(value)));
    }
  }

  // Missing check-ins: half single days, half runs of 3–10 days (mean 6.5). The share is drawn
  // last so that a fixed share gives the same person as before ranges existed.
  const missingShare =
    typeof missingOption === 'number'
      ? missingOption
      : uniform(random, missingOption.low, missingOption.high);
  const symptoms: SymptomDay[] = [];
  const singleChance = missingShare / 2;
  const runStartChance = missingShare / 2 / 6.5;
  let runLeft = 0;
  for (let t = 0; t < total; t++) {
    if (runLeft === 0 && random() < runStartChance) runLeft = integer(random, 3, 10);
    if (runLeft > 0) {
      runLeft--;
      continue;
    }
    if (random() < singleChance) continue;
    symptoms.push({ date: addDays(start, t), scores: { ...rows[t] } });
  }

  return {
    input: {
      today: addDays(start, total - 1),
      regimenStart: addDays(start, before),
      trackingStart: start,
      hemisphere: 'northern',
      days,
      symptoms,
      labs: [],
      flares,
    },
    truth: { effect, taken, regimenStartIndex: before, effectByDay },
  };
}

import type {
  FlareSpan,
  InsightsInput,
  IntakeDay,
  LabPoint,
  LocalDate,
  SymptomDay,
  SymptomKey,
} from './input.ts';
import { SYMPTOMS } from './input.ts';
import { addDays } from './local-date.ts';
import { createRandom, type Random, standardNormal } from './random.ts';

/**
 * Synthetic people whose truth is known, for the truth tests and the benchmark. Pure: the same
 * seed gives the same person. Nothing here is medical data; it only mimics the shape of a daily
 * journal, and every choice below is a modelling assumption, stated so the truth tests' claims
 * can be read against it:
 * - Adherence varies by week: each week of the regimen is, independently, an adherent week
 *   (6 or 7 of its 7 doses taken) with a personal probability between 0.35 and 0.75, otherwise a
 *   non-adherent week (2 to 5 doses); the missed days fall at random within the week. Every
 *   person therefore has both kinds of week, which is what lets any method compare them.
 * - A minority (25%) drift slowly: their chance of an adherent week moves linearly between two
 *   values in that same range, and each of their ratings drifts by up to ±2 points over the
 *   period. Drift in both at once is the classic source of a spurious association, so the
 *   analysis must remove time trends to stay honest on these people.
 * - Each rating has a personal mean (3 to 7) and day-to-day noise with sd `noiseSd` (default 2)
 *   that persists as AR(1) with φ between 0.0 and 0.4. That is the range the truth tests
 *   vouch for; stronger persistence (or slower, mood-like swings) is not covered by them.
 * - Ratings are rounded to whole points and clipped to 0..10.
 * - About 10% of days have no check-in: single skipped days (6%) plus occasional runs of 2–6
 *   skipped days (about 4% of days); a few check-ins also leave the sleep rating blank.
 * - A planted association adds `points` to one rating on day t whenever the 7 days ending on day
 *   t − lagDays were an adherent stretch (at least 6 of 7 doses taken). The window slides day by
 *   day, so it straddles calendar weeks as often as not, exactly as a real delayed response would.
 */

/** A planted association: `points` added to `symptom` on days `lagDays` after an adherent week. */
export interface PlantedEffect {
  symptom: SymptomKey;
  points: number;
  lagDays: number;
}

/** Options for one synthetic person. */
export interface SyntheticOptions {
  seed: number;
  /** Days of tracking, all on the regimen (default 180). */
  days?: number;
  /** Days of symptom tracking before the regimen starts (default 0). */
  daysBeforeRegimen?: number;
  /** First tracked day (default 2026-01-05). */
  start?: LocalDate;
  /** Marginal sd of each rating's day-to-day variation (default 2). */
  noiseSd?: number;
  /** Range of the AR(1) day-to-day persistence φ of each rating's noise (default 0.0 to 0.4). */
  persistence?: { low: number; high: number };
  plantedEffect?: PlantedEffect;
}

/** A synthetic person and the truth used to make them. */
export interface SyntheticPerson {
  input: InsightsInput;
  truth: { plantedEffect: PlantedEffect | null; doseIu: number };
}

/** A 7-day stretch counts as adherent when at least this many of its daily doses were taken. */
export const ADHERENT_WEEK_MIN_TAKEN = 6;

/** Range of the personal chance that a week is adherent (both kinds of week must occur). */
const ADHERENT_WEEK_CHANCE = { low: 0.35, high: 0.75 } as const;
/** Doses taken in a non-adherent week, drawn uniformly. */
const NON_ADHERENT_WEEK_TAKEN = { low: 2, high: 5 } as const;
/** Share of people whose adherence and ratings drift slowly over the period. */
const DRIFTING_SHARE = 0.25;
/** Largest total drift of a rating over the whole period, in points. */
const MAX_RATING_DRIFT = 2;
/** Default range of the AR(1) day-to-day persistence of a rating's noise. */
const PERSISTENCE = { low: 0, high: 0.4 } as const;
/** Daily chance of a single skipped check-in, and of starting a run of 2–6 skipped days. */
const SKIP_DAY_CHANCE = 0.06;
const SKIP_RUN_CHANCE = 0.01;

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));
const between = (random: Random, low: number, high: number) => low + (high - low) * random();
const integerBetween = (random: Random, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/** Which of a week's 7 days had the dose taken, `count` of them chosen at random. */
function weekPattern(random: Random, count: number): boolean[] {
  const days = [0, 1, 2, 3, 4, 5, 6];
  for (let i = days.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [days[i], days[j]] = [days[j] ?? 0, days[i] ?? 0];
  }
  const taken = new Array<boolean>(7).fill(false);
  for (const d of days.slice(0, count)) taken[d] = true;
  return taken;
}

/** Builds one synthetic person from a seed. */
export function syntheticPerson(options: SyntheticOptions): SyntheticPerson {
  const random = createRandom(options.seed);
  const onRegimen = options.days ?? 180;
  const before = options.daysBeforeRegimen ?? 0;
  const total = before + onRegimen;
  const start = options.start ?? '2026-01-05';
  const noiseSd = options.noiseSd ?? 2;
  const persistenceRange = options.persistence ?? PERSISTENCE;
  const doseIu = [1000, 2000, 4000, 5000][Math.floor(random() * 4)] ?? 2000;
  const drifting = random() < DRIFTING_SHARE;

  const taken = new Uint8Array(total);
  const chanceAtStart = between(random, ADHERENT_WEEK_CHANCE.low, ADHERENT_WEEK_CHANCE.high);
  const chanceAtEnd = drifting
    ? between(random, ADHERENT_WEEK_CHANCE.low, ADHERENT_WEEK_CHANCE.high)
    : chanceAtStart;
  for (let week = 0; week * 7 < onRegimen; week++) {
    const progress = (week * 7) / onRegimen;
    const adherent = random() < chanceAtStart + (chanceAtEnd - chanceAtStart) * progress;
    const count = adherent
      ? integerBetween(random, ADHERENT_WEEK_MIN_TAKEN, 7)
      : integerBetween(random, NON_ADHERENT_WEEK_TAKEN.low, NON_ADHERENT_WEEK_TAKEN.high);
    weekPattern(random, count).forEach((wasTaken, d) => {
      if (week * 7 + d < onRegimen) taken[before + week * 7 + d] = wasTaken ? 1 : 0;
    });
  }

  const days: IntakeDay[] = [];
  for (let t = before; t < total; t++) {
    const wasTaken = taken[t] === 1;
    const recordedMiss = random() < 0.5;
    days.push({
      date: addDays(start, t),
      scheduled: true,
      taken: wasTaken,
      doseIu: wasTaken ? doseIu : recordedMiss ? 0 : null,
    });
  }

  /** 1 on day t when the 7 days ending on t lie on the regimen and at least 6 doses were taken. */
  const adherentWeekEnding = new Uint8Array(total);
  let windowTaken = 0;
  for (let t = 0; t < total; t++) {
    windowTaken += taken[t] ?? 0;
    if (t >= 7) windowTaken -= taken[t - 7] ?? 0;
    adherentWeekEnding[t] = t >= before + 6 && windowTaken >= ADHERENT_WEEK_MIN_TAKEN ? 1 : 0;
  }

  const scoreRows: Array<Partial<Record<SymptomKey, number>>> = Array.from({ length: total }, () => ({}));
  for (const symptom of SYMPTOMS) {
    const personalMean = between(random, 3, 7);
    const persistence = between(random, persistenceRange.low, persistenceRange.high);
    const drift = drifting ? between(random, -MAX_RATING_DRIFT, MAX_RATING_DRIFT) : 0;
    const innovationSd = noiseSd * Math.sqrt(1 - persistence * persistence);
    let state = noiseSd * standardNormal(random);
    for (let t = 0; t < total; t++) {
      if (t > 0) state = persistence * state + innovationSd * standardNormal(random);
      let value = personalMean + drift * (t / total) + state;
      const effect = options.plantedEffect;
      if (effect && effect.symptom === symptom && t - effect.lagDays >= 0) {
        value += effect.points * (adherentWeekEnding[t - effect.lagDays] ?? 0);
      }
      const row = scoreRows[t];
      if (row) row[symptom] = clamp(Math.round(value), 0, 10);
    }
  }

  const symptoms: SymptomDay[] = [];
  let gapLeft = 0;
  for (let t = 0; t < total; t++) {
    if (gapLeft === 0 && random() < SKIP_RUN_CHANCE) gapLeft = integerBetween(random, 2, 6);
    if (gapLeft > 0) {
      gapLeft--;
      continue;
    }
    if (random() < SKIP_DAY_CHANCE) continue;
    const scores = { ...scoreRows[t] };
    if (random() < 0.03) delete scores.sleep;
    symptoms.push({ date: addDays(start, t), scores });
  }

  const baseline = between(random, 12, 30);
  const labs: LabPoint[] = [];
  for (let t = before; t < total; t += 90) {
    const rise = Math.min(1, (t - before) / 60) * (doseIu / 100) * 0.5;
    labs.push({
      date: addDays(start, t),
      ngPerMl: Math.round((baseline + rise + 3 * standardNormal(random)) * 10) / 10,
    });
  }

  const flares: FlareSpan[] = [];
  for (let t = 0; t < total; t++) {
    if (random() < 1 / 365) {
      const length = 3 + Math.floor(random() * 20);
      flares.push({ start: addDays(start, t), end: t + length < total ? addDays(start, t + length) : null });
      t += length;
    }
  }

  return {
    input: {
      today: addDays(start, total - 1),
      regimenStart: addDays(start, before),
      trackingStart: start,
      hemisphere: 'northern',
      days,
      symptoms,
      labs,
      flares,
    },
    truth: { plantedEffect: options.plantedEffect ?? null, doseIu },
  };
}

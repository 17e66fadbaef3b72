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
 * seed gives the same person. Nothing here is medical data; it only mimics its shape:
 * - adherence varies by week (a personal habit, occasional lapse weeks, for some a slow drift);
 * - each rating has a personal mean, AR(1) day-to-day persistence, sd 2, for some a slow drift,
 *   and is rounded and clipped to 0..10;
 * - check-ins are skipped on some days, sometimes for several days in a row.
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
  plantedEffect?: PlantedEffect;
}

/** A synthetic person and the truth used to make them. */
export interface SyntheticPerson {
  input: InsightsInput;
  truth: { plantedEffect: PlantedEffect | null; doseIu: number };
}

/** A week counts as adherent when at least this many of its 7 daily doses were taken. */
export const ADHERENT_WEEK_MIN_TAKEN = 6;

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));
const between = (random: Random, low: number, high: number) => low + (high - low) * random();

/** Builds one synthetic person from a seed. */
export function syntheticPerson(options: SyntheticOptions): SyntheticPerson {
  const random = createRandom(options.seed);
  const onRegimen = options.days ?? 180;
  const before = options.daysBeforeRegimen ?? 0;
  const total = before + onRegimen;
  const start = options.start ?? '2026-01-05';
  const noiseSd = options.noiseSd ?? 2;
  const doseIu = [1000, 2000, 4000, 5000][Math.floor(random() * 4)] ?? 2000;

  const taken = new Uint8Array(total);
  const habit = between(random, 0.55, 0.95);
  const adherenceDrift = random() < 0.3 ? between(random, -0.4, 0.3) : 0;
  for (let week = 0; week * 7 < onRegimen; week++) {
    const lapse = random() < 0.25;
    const progress = (week * 7) / onRegimen;
    const weekChance = lapse
      ? between(random, 0, 0.5)
      : clamp(habit + adherenceDrift * progress + 0.08 * standardNormal(random), 0.05, 1);
    for (let d = week * 7; d < Math.min(onRegimen, week * 7 + 7); d++) {
      taken[before + d] = random() < weekChance ? 1 : 0;
    }
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
    const persistence = between(random, 0.2, 0.7);
    const drift = random() < 0.3 ? between(random, -2, 2) : 0;
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
    if (gapLeft === 0 && random() < 0.02) gapLeft = 2 + Math.floor(random() * 6);
    if (gapLeft > 0) {
      gapLeft--;
      continue;
    }
    if (random() < 0.08) continue;
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

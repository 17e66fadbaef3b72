import { describe, expect, test } from 'vitest';
import { wilsonInterval } from './adherence-by-month.ts';
import { ar1Regression } from './ar1-regression.ts';
import { gammaQuantile, normalQuantile, studentTQuantile, studentTTwoSidedP } from './distributions.ts';
import { adjustedPValues, benjaminiHochberg } from './false-discovery.ts';
import { poissonExactInterval } from './flare-rate.ts';
import { createRandom, deriveSeed, type Random, standardNormal } from './random.ts';
import { effectiveSampleSize, lag1Autocorrelation, meanWithTInterval } from './summary-stats.ts';

describe('Benjamini–Hochberg', () => {
  // Benjamini & Hochberg 1995, section 4: 15 p-values; BH at q = 0.05 rejects the four smallest
  // (Bonferroni only three).
  const textbook = [
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
    0.759, 1,
  ];

  test('rejects the four smallest p-values of the 1995 paper example at q = 0.05', () => {
    const rejected = benjaminiHochberg(textbook, 0.05);
    expect(rejected.filter(Boolean)).toHaveLength(4);
    expect(rejected.slice(0, 4)).toEqual([true, true, true, true]);
  });

  test('keeps the input order when p-values arrive shuffled', () => {
    const shuffled = [0.759, 0.0019, 1, 0.0001, 0.0459, 0.0095, 0.0004];
    const rejected = benjaminiHochberg(shuffled, 0.05);
    expect(rejected).toEqual([false, true, false, true, false, true, true]);
  });

  test('adjusted p-values are monotone in p and at most 1', () => {
    const q = adjustedPValues(textbook);
    expect(q[0]).toBeCloseTo(0.0015, 10);
    expect(q[3]).toBeCloseTo((0.0095 * 15) / 4, 10);
    for (let i = 1; i < q.length; i++) expect(q[i] ?? 0).toBeGreaterThanOrEqual(q[i - 1] ?? 0);
    expect(Math.max(...q)).toBeLessThanOrEqual(1);
  });
});

describe('exact Poisson interval', () => {
  // Published exact (Garwood) 95% limits, e.g. Ulm 1990 table: 0 → 0–3.689; 1 → 0.0253–5.572;
  // 10 → 4.795–18.39.
  test.each([
    [0, 0, 3.689],
    [1, 0.0253, 5.572],
    [10, 4.795, 18.39],
  ])('for %i events gives %f to %f', (k, low, high) => {
    const interval = poissonExactInterval(k);
    expect(interval.low).toBeCloseTo(low, 3);
    expect(interval.high).toBeCloseTo(high, 2);
  });
});

describe('distributions', () => {
  test('match printed quantile tables', () => {
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157, 5);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(gammaQuantile(0.975, 1)).toBeCloseTo(3.688879, 5);
    expect(studentTTwoSidedP(2.262157, 9)).toBeCloseTo(0.05, 6);
  });
});

describe('t interval and effective sample size', () => {
  test('gives mean 5.5 ± 2.166 for the numbers 1 to 10', () => {
    const { mean, interval } = meanWithTInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(mean).toBe(5.5);
    expect(interval?.low).toBeCloseTo(3.334, 3);
    expect(interval?.high).toBeCloseTo(7.666, 3);
  });

  test('widens the interval when fewer effective values are given', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const plain = meanWithTInterval(values).interval;
    const fewer = meanWithTInterval(values, { effectiveN: 4 }).interval;
    expect((fewer?.high ?? 0) - (fewer?.low ?? 0)).toBeGreaterThan((plain?.high ?? 0) - (plain?.low ?? 0));
  });

  test('n(1 − ρ)/(1 + ρ): 100 values at ρ = 0.5 count as 33.3, and negative ρ never inflates n', () => {
    expect(effectiveSampleSize(100, 0.5)).toBeCloseTo(33.333, 3);
    expect(effectiveSampleSize(100, 0)).toBe(100);
    expect(effectiveSampleSize(100, -0.4)).toBe(100);
  });

  test('lag-1 autocorrelation of a long AR(1) series with φ = 0.6 is close to 0.6, skipping gaps', () => {
    const random = createRandom(7);
    const series = new Float64Array(5000);
    let state = 0;
    for (let i = 0; i < series.length; i++) {
      const u = 1 - random();
      const v = random();
      state = 0.6 * state + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      series[i] = i % 17 === 0 ? Number.NaN : state;
    }
    expect(lag1Autocorrelation(series)).toBeCloseTo(0.6, 1);
  });

  test('Wilson interval for 0 of 10 starts at 0 and for 10 of 10 ends at 1', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 12);
    expect(wilsonInterval(5, 10).low).toBeCloseTo(0.2366, 3);
  });
});

describe('seeded randomness', () => {
  test('repeats for the same seed and differs across seeds and labels', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(deriveSeed(1, 'bootstrap')).not.toBe(deriveSeed(1, 'synthetic'));
  });
});

/** A weekly-blocked 7-day share like the exposure the associations use, and AR(1) noise with sd 2. */
function persistentPair(random: Random, n: number, phi: number): { x: Float64Array; y: Float64Array } {
  const daily: number[] = [];
  for (let week = 0; week * 7 < n + 7; week++) {
    const taken = random() < 0.55 ? 6 + Math.floor(random() * 2) : 2 + Math.floor(random() * 4);
    for (let d = 0; d < 7; d++) daily.push(d < taken ? 1 : 0);
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let state = 2 * standardNormal(random);
  for (let t = 0; t < n; t++) {
    let sum = 0;
    for (let k = 0; k < 7; k++) sum += daily[t + k] ?? 0;
    x[t] = sum / 7;
    if (t > 0) state = phi * state + 2 * Math.sqrt(1 - phi * phi) * standardNormal(random);
    y[t] = state;
  }
  return { x, y };
}

/** Plain least-squares t statistic of y on x given a line in time (errors taken as independent). */
function leastSquaresT(times: Float64Array, y: Float64Array, x: Float64Array): number {
  const n = times.length;
  const residualOnTime = (v: Float64Array) => {
    const mt = times.reduce((a, b) => a + b, 0) / n;
    const mv = v.reduce((a, b) => a + b, 0) / n;
    let stv = 0;
    let stt = 0;
    for (let i = 0; i < n; i++) {
      stv += ((times[i] ?? 0) - mt) * ((v[i] ?? 0) - mv);
      stt += ((times[i] ?? 0) - mt) ** 2;
    }
    return v.map((value, i) => value - mv - (stv / stt) * ((times[i] ?? 0) - mt));
  };
  const rx = residualOnTime(x);
  const ry = residualOnTime(y);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (rx[i] ?? 0) ** 2;
    sxy += (rx[i] ?? 0) * (ry[i] ?? 0);
  }
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += ((ry[i] ?? 0) - slope * (rx[i] ?? 0)) ** 2;
  return slope / Math.sqrt(rss / (n - 3) / sxx);
}

function fitWithTrend(times: Float64Array, y: Float64Array, x: Float64Array) {
  return ar1Regression(times, y, [new Float64Array(times.length).fill(1), times.map((t) => t / 180), x]);
}

describe('regression with AR(1) errors', () => {
  test('recovers the slope and the persistence of a long series with gaps', () => {
    const random = createRandom(11);
    const { x, y } = persistentPair(random, 4000, 0.5);
    const kept = Array.from({ length: 4000 }, (_, t) => t).filter((t) => t % 9 !== 4);
    const times = Float64Array.from(kept);
    const fit = fitWithTrend(
      times,
      Float64Array.from(kept, (t) => (y[t] ?? 0) - 1.5 * (x[t] ?? 0)),
      Float64Array.from(kept, (t) => x[t] ?? 0),
    );
    expect(fit?.persistence).toBeCloseTo(0.5, 1);
    expect(fit?.coefficients[2]).toBeCloseTo(-1.5, 0);
  });

  test('claims at its nominal rate on persistent noise where plain least squares claims too often', () => {
    const random = createRandom(deriveSeed(12, 'ar1-size'));
    const runs = 2000;
    let prewhitened = 0;
    let naive = 0;
    for (let run = 0; run < runs; run++) {
      const { x, y } = persistentPair(random, 150, 0.4);
      const times = Float64Array.from({ length: 150 }, (_, t) => t);
      const fit = fitWithTrend(times, y, x);
      const t = (fit?.coefficients[2] ?? 0) / (fit?.standardErrors[2] ?? 1);
      if (studentTTwoSidedP(t, fit?.degreesOfFreedom[2] ?? 1) < 0.05) prewhitened++;
      if (studentTTwoSidedP(leastSquaresT(times, y, x), 147) < 0.05) naive++;
    }
    expect(prewhitened / runs).toBeGreaterThan(0.035);
    expect(prewhitened / runs).toBeLessThan(0.065);
    expect(naive / runs).toBeGreaterThan(0.1);
  });
});

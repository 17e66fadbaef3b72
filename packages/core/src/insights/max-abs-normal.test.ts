import { describe, expect, it } from 'vitest';
import { normalQuantile, normalTwoSidedP } from './distributions.ts';
import { maxAbsNormalTail } from './max-abs-normal.ts';
import { createRandom, createStandardNormal } from './random.ts';

/** P(|Z| ≥ c) for one standard normal, from the incomplete-gamma erfc (not the module's own). */
const single = (c: number) => normalTwoSidedP(c);

function matrix(m: number, entry: (i: number, j: number) => number): Float64Array {
  const r = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) r[i * m + j] = entry(i, j);
  return r;
}

/** The exact equicorrelated probability, by Simpson's rule on the one-dimensional integral. */
function equicorrelatedTail(m: number, rho: number, c: number): number {
  const steps = 4000;
  const h = 20 / steps;
  const spread = Math.sqrt(1 - rho);
  let sum = 0;
  for (let s = 0; s <= steps; s++) {
    const u = -10 + s * h;
    const weight = s === 0 || s === steps ? 1 : s % 2 === 1 ? 4 : 2;
    const centre = Math.sqrt(rho) * u;
    const above = (x: number) => (x >= 0 ? normalTwoSidedP(x) / 2 : 1 - normalTwoSidedP(x) / 2);
    const inside = 1 - above((c - centre) / spread) - above((c + centre) / spread);
    sum += (weight * Math.exp((-u * u) / 2) * inside ** m) / Math.sqrt(2 * Math.PI);
  }
  return 1 - (sum * h) / 3;
}

/** Plain seeded Monte Carlo of P(max |Z_i| ≥ c) with its draws. */
function monteCarloTail(r: Float64Array, m: number, c: number, draws: number): number {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = r[i * m + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * m + k] as number) * (l[j * m + k] as number);
      l[i * m + j] = i === j ? Math.sqrt(s) : s / (l[j * m + j] as number);
    }
  }
  const normal = createStandardNormal(createRandom(20_261_129));
  const z = new Float64Array(m);
  let hits = 0;
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < m; i++) {
      z[i] = normal();
      let v = 0;
      for (let j = 0; j <= i; j++) v += (l[i * m + j] as number) * (z[j] as number);
      if (Math.abs(v) >= c) {
        hits++;
        break;
      }
    }
  }
  return hits / draws;
}

/**
 * The null correlation of the lag-0…28 slopes of a 7-day moving share of random 0/1 dose days
 * (probability 0.7) over half a year, intercept removed: the MA(6)-like R of the lag scan.
 */
function lagStatisticCorrelation(seed: number, days: number): Float64Array {
  const lags = 29;
  const random = createRandom(seed);
  const taken = Array.from({ length: days + lags + 7 }, () => (random() < 0.7 ? 1 : 0));
  const share = taken.map((_, t) => {
    let s = 0;
    for (let k = 0; k < 7; k++) s += taken[Math.max(0, t - k)] as number;
    return s / 7;
  });
  const columns = Array.from({ length: lags }, (_, l) => {
    const column = share.slice(lags + 7 - l, share.length - l);
    const mean = column.reduce((a, b) => a + b, 0) / column.length;
    return column.map((v) => v - mean);
  });
  const dot = (a: number[], b: number[]) => a.reduce((s, v, t) => s + v * (b[t] as number), 0);
  return matrix(lags, (i, j) => {
    const a = columns[i] as number[];
    const b = columns[j] as number[];
    return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
  });
}

const within = (got: number, truth: number, relative: number) =>
  expect(Math.abs(got / truth - 1)).toBeLessThanOrEqual(relative);

describe('maxAbsNormalTail', () => {
  it('is exact for independent statistics: 1 − (1 − p1)^m', () => {
    for (const m of [1, 5, 29, 87]) {
      for (const c of [1, 2.5, 3.5, 4.2]) {
        within(
          maxAbsNormalTail(
            matrix(m, (i, j) => (i === j ? 1 : 0)),
            m,
            c,
          ),
          1 - (1 - single(c)) ** m,
          0.05,
        );
      }
    }
  });

  it('is exact for identical statistics: p1', () => {
    for (const c of [1, 2.5, 3.5])
      within(
        maxAbsNormalTail(
          matrix(29, () => 1),
          29,
          c,
        ),
        single(c),
        1e-9,
      );
  });

  it('matches the one-dimensional integral for equicorrelated statistics', () => {
    for (const [m, rho] of [
      [29, 0.3],
      [29, 0.8],
      [60, 0.5],
    ] as const) {
      for (const c of [2, 3, 3.8]) {
        const r = matrix(m, (i, j) => (i === j ? 1 : rho));
        within(maxAbsNormalTail(r, m, c), equicorrelatedTail(m, rho, c), 0.05);
      }
    }
  });

  it('matches a large Monte Carlo for AR(1) Toeplitz and realistic lag-statistic correlations', () => {
    const draws = 200_000;
    const cases: [Float64Array, number][] = [
      [matrix(29, (i, j) => 0.9 ** Math.abs(i - j)), 29],
      [lagStatisticCorrelation(3, 180), 29],
      [lagStatisticCorrelation(11, 365), 29],
    ];
    for (const [r, m] of cases) {
      for (const c of [2, 2.8, 3.3]) {
        const reference = monteCarloTail(r, m, c, draws);
        const standardError = Math.sqrt((reference * (1 - reference)) / draws);
        const got = maxAbsNormalTail(r, m, c);
        expect(Math.abs(got - reference)).toBeLessThanOrEqual(4 * standardError + 0.03 * reference);
      }
    }
  });

  it('repeats exactly and respects the trivial cases', () => {
    const r = lagStatisticCorrelation(5, 200);
    expect(maxAbsNormalTail(r, 29, 3.1)).toBe(maxAbsNormalTail(r, 29, 3.1));
    expect(maxAbsNormalTail(r, 29, 0)).toBe(1);
    expect(maxAbsNormalTail(r, 29, Number.POSITIVE_INFINITY)).toBe(0);
    const p = maxAbsNormalTail(r, 29, 3.1);
    expect(p).toBeGreaterThanOrEqual(single(3.1));
    expect(p).toBeLessThanOrEqual(29 * single(3.1));
  });
});

describe('normalQuantile (AS 241)', () => {
  // The incomplete-gamma tail is computed as 1 − P(½, z²/2), exact to 1e-12 relative only for
  // p ≥ 0.001; beyond, AS 241 is checked against R's qnorm.
  it('inverts the incomplete-gamma normal tail to 1e-12 relative', () => {
    const grid = [0.001, 0.002, 0.005, 0.01, 0.025, 0.1, 0.2, 0.3, 0.4, 0.45, 0.499];
    for (let k = 1; k < 200; k++) grid.push(k / 400);
    for (const p of grid) {
      const q = normalQuantile(p);
      expect(q).toBeLessThan(0);
      expect(Math.abs(normalTwoSidedP(q) / (2 * p) - 1)).toBeLessThanOrEqual(1e-12);
      expect(normalQuantile(1 - p)).toBeCloseTo(-q, Math.abs(q) < 5 ? 12 : 6);
    }
    expect(normalQuantile(1e-20)).toBeCloseTo(-9.262_340_089_798_41, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(Number.isFinite(normalQuantile(1))).toBe(true);
    expect(Number.isFinite(normalQuantile(0))).toBe(true);
  });
});

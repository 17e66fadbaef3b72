import { describe, expect, it, vi } from 'vitest';
import { normalQuantile, normalTwoSidedP } from './distributions.ts';
import { lagStatisticCorrelation, matrix, monteCarloTail } from './max-abs-normal.fixtures.ts';
import { maxAbsNormalTail } from './max-abs-normal.ts';

/** P(|Z| ≥ c) for one standard normal, from the incomplete-gamma erfc (not the module's own). */
const single = (c: number) => normalTwoSidedP(c);

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

  it('resolves a plainly large p more coarsely only when asked, and a small p alike', () => {
    const r = lagStatisticCorrelation(9, 300, 0.5);
    const precise = maxAbsNormalTail(r, 29, 2);
    within(maxAbsNormalTail(r, 29, 2, 0.1), precise, 0.15);
    expect(maxAbsNormalTail(r, 29, 3.6, 0.1)).toBe(maxAbsNormalTail(r, 29, 3.6));
  });

  it('answers from its input alone, whatever the sizes of earlier calls', async () => {
    // Bonferroni sum 5 × P(|Z| ≥ 1) ≈ 1.6: Genz's lattice, whose random shifts are laid out per size.
    const small = matrix(5, (i, j) => (i === j ? 1 : 0.5));
    vi.resetModules();
    const fresh = (await import('./max-abs-normal.ts')).maxAbsNormalTail;
    const first = fresh(small, 5, 1);
    fresh(
      matrix(40, (i, j) => (i === j ? 1 : 0.5)),
      40,
      1,
    );
    expect(fresh(small, 5, 1)).toBe(first);
    // This file's own instance has already seen sizes up to 87.
    expect(maxAbsNormalTail(small, 5, 1)).toBe(first);
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

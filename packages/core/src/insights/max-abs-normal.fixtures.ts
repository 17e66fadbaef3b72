import { createRandom, createStandardNormal } from './random.ts';

/**
 * Correlation matrices and a reference Monte Carlo for checking `maxAbsNormalTail` (tests and the
 * micro-benchmark); nothing in the product uses them.
 */

/** An m×m row-major matrix from its entries. */
export function matrix(m: number, entry: (i: number, j: number) => number): Float64Array {
  const r = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) r[i * m + j] = entry(i, j);
  return r;
}

/** Plain seeded Monte Carlo of P(max |Z_i| ≥ c) from `draws` draws (a reference truth). */
export function monteCarloTail(r: Float64Array, m: number, c: number, draws: number): number {
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
 * (probability 0.7) over `days` days, prewhitened with AR(1) `persistence` as the scan does
 * (x_t − φ·x_{t−1}), intercept removed: the MA(6)-like R of the lag scan.
 */
export function lagStatisticCorrelation(seed: number, days: number, persistence = 0): Float64Array {
  const lags = 29;
  const random = createRandom(seed);
  const taken = Array.from({ length: days + lags + 7 }, () => (random() < 0.7 ? 1 : 0));
  const share = taken.map((_, t) => {
    let s = 0;
    for (let k = 0; k < 7; k++) s += taken[Math.max(0, t - k)] as number;
    return s / 7;
  });
  const columns = Array.from({ length: lags }, (_, l) => {
    const column = share
      .slice(lags + 7 - l, share.length - l)
      .map((v, t, all) => (t === 0 ? v : v - persistence * (all[t - 1] as number)));
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

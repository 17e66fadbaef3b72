/**
 * Micro-benchmark of `maxAbsNormalTail` against the lag scan's Monte Carlo p-value (a copy of
 * `maxAbsPValue` from lagged-association.ts, so the two are timed in the same run): per-call
 * times and agreement on constructed lag-statistic correlations (7-day moving share of random
 * dose days, lags 0–28, prewhitened) and on three of them side by side (m = 87, as when several
 * exposure transforms are scanned together). "ms@0.1" is with `plainlyLarge` = 0.1, as the lag
 * scan would call it. Run: npx tsx bench/max-abs-normal.ts
 */
import { availableParallelism, loadavg } from 'node:os';
import { maxAbsNormalTail } from '@sunlog/core/insights/max-abs-normal';
import {
  lagStatisticCorrelation,
  matrix,
  monteCarloTail,
} from '@sunlog/core/insights/max-abs-normal.fixtures';
import { createRandom, createStandardNormal, type Random } from '@sunlog/core/insights/random';

// --- copied from lagged-association.ts (maxAbsPValue and its constants), for comparison only ---
const MAX_SCAN_DRAWS = 20_000;
const ENOUGH_EXCEEDANCES = 100;
const FEW_EXCEEDANCES = 20;
const PLAINLY_LARGE_P = 0.1;
const MIN_DRAWS_TO_STOP = 2_000;
const CHECK_EVERY = 500;
const SMALLEST_THRESHOLD = 0.02 / 7;
function maxAbsPValue(cholesky: Float64Array, size: number, observed: number, random: Random): number {
  const nextNormal = createStandardNormal(random);
  const normal = new Float64Array(size);
  let exceed = 0;
  let draws = 0;
  while (draws < MAX_SCAN_DRAWS) {
    let reached = false;
    for (let i = 0; i < size; i++) {
      normal[i] = nextNormal();
      const row = i * size;
      let v = 0;
      for (let j = 0; j <= i; j++) v += (cholesky[row + j] as number) * (normal[j] as number);
      if (Math.abs(v) >= observed) {
        reached = true;
        break;
      }
    }
    draws++;
    if (reached) {
      exceed++;
      if (exceed >= ENOUGH_EXCEEDANCES) break;
      if (exceed >= FEW_EXCEEDANCES && exceed >= PLAINLY_LARGE_P * draws) break;
    }
    if (draws >= MIN_DRAWS_TO_STOP && draws % CHECK_EVERY === 0) {
      const upper = (Math.sqrt(exceed + 1) + 1.5) ** 2 / draws;
      if (upper < SMALLEST_THRESHOLD) break;
    }
  }
  return (exceed + 1) / (draws + 1);
}
// --- end of copy ---

function cholesky(r: Float64Array, m: number): Float64Array {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = r[i * m + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * m + k] as number) * (l[j * m + k] as number);
      l[i * m + j] = i === j ? Math.sqrt(s) : s / (l[j * m + j] as number);
    }
  }
  return l;
}

/** Three lag-statistic correlations side by side, correlated 0.6 across blocks at equal lags. */
function stacked(seed: number): Float64Array {
  const base = lagStatisticCorrelation(seed, 365, 0.4);
  return matrix(
    87,
    (i, j) =>
      (base[(i % 29) * 29 + (j % 29)] as number) * (Math.floor(i / 29) === Math.floor(j / 29) ? 1 : 0.6),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const REFERENCE_DRAWS = 200_000;
const CUTS = [1.5, 2, 2.5, 2.8, 3.1, 3.4, 3.7, 4.0];
console.log(`1-minute load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
for (const [label, r, m] of [
  ['lag R, 180 days, φ = 0.3', lagStatisticCorrelation(3, 180, 0.3), 29],
  ['lag R, 365 days, φ = 0.6', lagStatisticCorrelation(8, 365, 0.6), 29],
  ['3 stacked lag R', stacked(5), 87],
] as const) {
  console.log(`\n${label} (m = ${m})`);
  console.log('c     new p       ms/call  ms@0.1   old MC p    ms/call  reference (±1 SE)        new/ref');
  const factor = cholesky(r, m);
  const newTimes: number[] = [];
  const looseTimes: number[] = [];
  const oldTimes: number[] = [];
  for (const c of CUTS) {
    maxAbsNormalTail(r, m, c);
    let started = performance.now();
    const runs = 5;
    let p = 0;
    for (let k = 0; k < runs; k++) p = maxAbsNormalTail(r, m, c);
    const newMs = (performance.now() - started) / runs;
    maxAbsNormalTail(r, m, c, 0.1);
    started = performance.now();
    for (let k = 0; k < runs; k++) maxAbsNormalTail(r, m, c, 0.1);
    const looseMs = (performance.now() - started) / runs;
    started = performance.now();
    let old = 0;
    for (let k = 0; k < runs; k++) old = maxAbsPValue(factor, m, c, createRandom(k + 1));
    const oldMs = (performance.now() - started) / runs;
    const reference = monteCarloTail(r, m, c, REFERENCE_DRAWS);
    const se = Math.sqrt((reference * (1 - reference)) / REFERENCE_DRAWS);
    newTimes.push(newMs);
    looseTimes.push(looseMs);
    oldTimes.push(oldMs);
    console.log(
      [
        c.toFixed(1).padEnd(5),
        p.toExponential(3).padEnd(11),
        newMs.toFixed(3).padEnd(8),
        looseMs.toFixed(3).padEnd(8),
        old.toExponential(3).padEnd(11),
        oldMs.toFixed(3).padEnd(8),
        `${reference.toExponential(3)} ± ${((se / reference) * 100).toFixed(1)}%`.padEnd(24),
        `${((p / reference - 1) * 100).toFixed(1)}%`,
      ].join(' '),
    );
  }
  console.log(
    `median ms/call over these c: new ${median(newTimes).toFixed(3)}, new with plainlyLarge = 0.1 ${median(looseTimes).toFixed(3)}, old ${median(oldTimes).toFixed(3)}`,
  );
}

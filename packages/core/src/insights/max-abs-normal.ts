import { normalQuantile } from './distributions.ts';
import { createRandom, createStandardNormal } from './random.ts';

/**
 * P(max_i |Z_i| ≥ c) for Z ~ N(0, R): the p-value of a single-step max-|T| test over correlated
 * statistics (Hothorn, Bretz & Westfall 2008, Biom J 50:346–63), by one of two deterministic
 * randomised-quadrature methods:
 *
 * - Rare unions (Bonferroni sum Σ_i P(|Z_i| ≥ c) below `UNION_SAMPLING_BELOW`, i.e. p below about
 *   0.3–0.5 for lag scans): Owen, Maximov & Chertkov's ALOE importance sampler (see
 *   `unionImportanceSampling`), whose relative error does not grow as p shrinks.
 * - Otherwise Genz's separation of variables, as R's mvtnorm `pmvnorm` and multcomp use (Genz 1992,
 *   J Comput Graph Stat 1:141–9; Genz & Bretz 2009, "Computation of Multivariate Normal and t
 *   Probabilities", §4.1): P(all |Z_i| < c) as nested one-dimensional
 *   conditional probabilities over the Cholesky factor of R, with the variables reordered while
 *   factorising (Genz & Bretz 2009, §4.1.3: at each step the one least likely to stay inside, given
 *   the expected values of those already placed), averaged over a randomly shifted Richtmyer
 *   (Kronecker) lattice with the baker's (tent) transform and antithetic pairs.
 * - Both use a fixed seed, so the same input always gives the same answer, and 8 independent
 *   replicates whose spread is the error estimate: draws are added until the standard error is at
 *   most `RELATIVE_ERROR` (1%; `UNION_RELATIVE_ERROR` 0.7% for the sampler) of p, or
 *   `LARGE_RELATIVE_ERROR` once p is at least the caller's `plainlyLarge`.
 * - The answer is kept inside the elementary bounds max_i P(|Z_i| ≥ c) ≤ p ≤ Σ_i P(|Z_i| ≥ c).
 *
 * The estimate is unbiased up to the sequential stopping (not conservative); measured errors on
 * exact and large-Monte-Carlo truths are within ±3% (max-abs-normal.test.ts, bench/max-abs-normal.ts).
 *
 * Works on scratch buffers kept between calls (grown when a larger m arrives): no allocation per
 * call after the first, and not re-entrant (core runs single-threaded).
 *
 * @param correlation m×m row-major, symmetric positive semi-definite; its diagonal (about 1) is
 *   taken as the variances.
 * @param plainlyLarge once the estimate is at least this, a relative standard error of
 *   `LARGE_RELATIVE_ERROR` (5%) is enough: for a caller whose decisions cannot turn on p above it
 *   (the lag scan: 0.1, five times its largest claim threshold). By default every p is resolved
 *   to `RELATIVE_ERROR`.
 */
export function maxAbsNormalTail(
  correlation: Float64Array,
  m: number,
  c: number,
  plainlyLarge = Number.POSITIVE_INFINITY,
): number {
  if (!(c > 0)) return 1;
  if (c === Number.POSITIVE_INFINITY || m === 0) return 0;
  ensureScratch(m);
  let lower = 0;
  let upper = 0;
  for (let i = 0; i < m; i++) {
    const single = 2 * upperTail(c / Math.sqrt(correlation[i * m + i] as number));
    lower = Math.max(lower, single);
    upper += single;
    tails[i] = single;
  }
  if (upper <= lower * (1 + 1e-12)) return lower;
  let estimate: number;
  if (upper < UNION_SAMPLING_BELOW) estimate = unionImportanceSampling(correlation, m, c, plainlyLarge);
  else {
    const rank = reorderedCholesky(correlation, m, c);
    estimate = latticeMean(m, rank, c, plainlyLarge);
  }
  return Math.min(Math.max(estimate, lower), Math.min(1, upper));
}

/**
 * Below this Bonferroni sum the union importance sampler is used (its relative variance is at
 * most Σ_i P(A_i)/p − 1 per draw, small when the union is rare); above it, Genz's lattice.
 */
const UNION_SAMPLING_BELOW = 1.5;
/** Draws of W per replicate and batch (each serves all m events), and at most in all. */
const UNION_BATCH = 2;
/** Draws of W per replicate before the error is first looked at (stopping on a lucky small spread biases p down). */
const UNION_MIN_DRAWS = 16;
/** The union sampler's target relative standard error: tighter than the lattice's, as its 8-replicate error estimate runs low on heavy-tailed weights. */
const UNION_RELATIVE_ERROR = 0.007;
const UNION_MAX_DRAWS = 4096;
const ROOT_TWO = Math.SQRT2 - 1;
/** The union sampler's fixed seed. */
const UNION_SEED = 0x0a10_e5ed;

/**
 * Owen, Maximov & Chertkov's ALOE estimator of a union of rare events (Electron J Stat 2019,
 * 13:231–54), for A_i = {|Z_i| ≥ c}: p = Σ_i P(A_i)·E[1/S(Z) | A_i], where S counts the events
 * that occur. Each draw of W ~ N(0, R) serves every event i (Z = W moved to a tail value of Z_i,
 * an exact draw given A_i), so m conditional draws cost about 2m² operations. Relative variance per
 * conditional draw is at most Σ/p − 1: small for a strongly correlated scan.
 */
function unionImportanceSampling(
  correlation: Float64Array,
  m: number,
  c: number,
  plainlyLarge: number,
): number {
  ensureCholesky(correlation, m);
  // Column i of R as a row (R_ri at i·m + r), and per event its half tail and sd, worked out once.
  const column = transposed;
  for (let i = 0; i < m; i++) {
    for (let r = 0; r < m; r++) column[i * m + r] = correlation[r * m + i] as number;
    halfTails[i] = (tails[i] as number) / 2;
    sds[i] = Math.sqrt(correlation[i * m + i] as number);
  }
  // Independent replicates, each with its own random start of the two Kronecker sequences:
  // the spread of their means is an honest standard error of the stratified estimate.
  depths.set(UNION_START_DEPTHS);
  sums.fill(0);
  let perReplicate = 0;
  // The seed is fixed, so every call reads the same stream of normals: from the shared table.
  let drawn = 0;
  for (;;) {
    const normals = unionNormals(drawn + SHIFTS * UNION_BATCH * m);
    for (let s = 0; s < SHIFTS; s++) {
      let total = 0;
      for (let n = 0; n < UNION_BATCH; n++) {
        drawW(normals, drawn, m);
        drawn += m;
        total = addEventWeights(total, s, correlation, m, c);
      }
      sums[s] = (sums[s] as number) + total;
    }
    perReplicate += UNION_BATCH;
    const { mean, standardError } = replicateMean(perReplicate);
    if (mean >= plainlyLarge) {
      if (standardError <= LARGE_RELATIVE_ERROR * mean) return mean;
    } else if (perReplicate >= UNION_MIN_DRAWS && standardError <= UNION_RELATIVE_ERROR * mean) return mean;
    if (perReplicate * SHIFTS >= UNION_MAX_DRAWS) return mean;
  }
}

/*
 * The union sampler's work per draw, in functions of their own: inside its long loop V8 compiled
 * the loop alone (OSR) and kept the running sums boxed, allocating a number at each step.
 */

/**
 * W ~ N(0, R) into `point` from the Cholesky factor and the normals from `x` on, two rows of L at a
 * time (they share the loads of x; each row's sum still runs k = 0, 1, … in order).
 */
function drawW(normals: Float64Array, x: number, m: number): void {
  const l = cholesky;
  const w = point;
  let r = 0;
  for (; r + 1 < m; r += 2) {
    const row0 = r * m;
    const row1 = row0 + m;
    let v0 = 0;
    let v1 = 0;
    for (let k = 0; k <= r; k++) {
      const normal = normals[x + k] as number;
      v0 += (l[row0 + k] as number) * normal;
      v1 += (l[row1 + k] as number) * normal;
    }
    w[r] = v0;
    w[r + 1] = v1 + (l[row1 + r + 1] as number) * (normals[x + r + 1] as number);
  }
  if (r < m) {
    const row = r * m;
    let v = 0;
    for (let k = 0; k <= r; k++) v += (l[row + k] as number) * (normals[x + k] as number);
    w[r] = v;
  }
}

/**
 * `total` plus every event's weight P(A_i)/S(Z) for the draw W in `point`, in event order, with
 * replicate s's depth sequence (kept in `depths`). Every event i reuses W: Z = W + R_i (z_i − W_i)/R_ii
 * is an exact draw given A_i at the cost of m operations, not m²/2. Two events at a time share the
 * pass over W; each keeps its own count.
 */
function addEventWeights(total: number, s: number, correlation: Float64Array, m: number, c: number): number {
  const w = point;
  const column = transposed;
  let depthPosition = depths[s] as number;
  let sum = total;
  let i = 0;
  for (; i + 1 < m; i += 2) {
    // |Z_i| beyond c by its inverse CDF at a Kronecker (√2) depth, so every depth gets its
    // share of draws. The sign is irrelevant: S(−Z) = S(Z).
    depthPosition += ROOT_TWO;
    if (depthPosition >= 1) depthPosition -= 1;
    const u0 = depthPosition * (halfTails[i] as number);
    depthPosition += ROOT_TWO;
    if (depthPosition >= 1) depthPosition -= 1;
    const u1 = depthPosition * (halfTails[i + 1] as number);
    const z0 = -normalQuantile(u0 > 0 ? u0 : Number.MIN_VALUE) * (sds[i] as number);
    const z1 = -normalQuantile(u1 > 0 ? u1 : Number.MIN_VALUE) * (sds[i + 1] as number);
    const move0 = (z0 - (w[i] as number)) / (correlation[i * m + i] as number);
    const move1 = (z1 - (w[i + 1] as number)) / (correlation[(i + 1) * m + i + 1] as number);
    const at0 = i * m;
    const at1 = at0 + m;
    let count0 = 0;
    let count1 = 0;
    for (let r = 0; r < m; r++) {
      const v = w[r] as number;
      if (Math.abs(v + (column[at0 + r] as number) * move0) >= c) count0++;
      if (Math.abs(v + (column[at1 + r] as number) * move1) >= c) count1++;
    }
    sum += (tails[i] as number) / Math.max(1, count0);
    sum += (tails[i + 1] as number) / Math.max(1, count1);
  }
  if (i < m) {
    depthPosition += ROOT_TWO;
    if (depthPosition >= 1) depthPosition -= 1;
    const u = depthPosition * (halfTails[i] as number);
    const zi = -normalQuantile(u > 0 ? u : Number.MIN_VALUE) * (sds[i] as number);
    const move = (zi - (w[i] as number)) / (correlation[i * m + i] as number);
    const at = i * m;
    let count = 0;
    for (let r = 0; r < m; r++) {
      if (Math.abs((w[r] as number) + (column[at + r] as number) * move) >= c) count++;
    }
    sum += (tails[i] as number) / Math.max(1, count);
  }
  depths[s] = depthPosition;
  return sum;
}

/** Mean of the replicates' means (`sums` over `count` each) and its standard error. */
function replicateMean(count: number): { mean: number; standardError: number } {
  let mean = 0;
  for (let s = 0; s < SHIFTS; s++) mean += (sums[s] as number) / count;
  mean /= SHIFTS;
  let spread = 0;
  for (let s = 0; s < SHIFTS; s++) spread += ((sums[s] as number) / count - mean) ** 2;
  return { mean, standardError: Math.sqrt(spread / (SHIFTS * (SHIFTS - 1))) };
}

/** Target standard error of the estimate, relative to p: 5% is five standard errors. */
const RELATIVE_ERROR = 0.01;
/** The relative standard error accepted above the caller's `plainlyLarge`. */
const LARGE_RELATIVE_ERROR = 0.05;
/** Below this absolute standard error the estimate is precise enough whatever p (p ≪ 1e-4). */
const ABSOLUTE_ERROR = 1e-7;
/** Randomly shifted copies of the lattice; their spread estimates the error. */
const SHIFTS = 8;
/** Lattice points per shift in the first batch; each further batch doubles the total. */
const FIRST_BATCH = 4;
/** Lattice points per shift before the 1% error target is trusted (8-replicate spreads run low). */
const MIN_POINTS = 16;
/** At most this many lattice points per shift (×2 antithetic ×`SHIFTS` evaluations). */
const MAX_POINTS = 4096;
/** A conditional variance at or below this (relative to the variance) makes a variable redundant. */
const DEGENERATE = 1e-12;
/** The seed of the shifts: fixed, so the answer is a function of the input alone. */
const SHIFT_SEED = 0x5eed_3a11;

let capacity = 0;
/** Working copy of R, permuted as variables are reordered. */
let work = new Float64Array(0);
/** Reordered Cholesky factor, row i at i·m (lower triangle). */
let factor = new Float64Array(0);
/** 1 / L_ii of the reordered factor (0 for redundant variables). */
let inverseSd = new Float64Array(0);
/** Expected values of the variables placed so far (for the reordering), then per-point draws. */
let values = new Float64Array(0);
/** Richtmyer generators frac(√prime_j). */
let generators = new Float64Array(0);
/** Current lattice position of each shift and coordinate (shift s at s·m). */
let positions = new Float64Array(0);
/** The fixed random shifts (shift s at s·m). */
let shifts = new Float64Array(0);
/** The current (tent-transformed) point. */
let point = new Float64Array(0);
/** P(|Z_i| ≥ c). */
let tails = new Float64Array(0);
/** Plain Cholesky factor of R for the union sampler (row i at i·m). */
let cholesky = new Float64Array(0);
/** Running sum of the integrand per shift or replicate. */
const sums = new Float64Array(SHIFTS);
/** The union sampler's replicates' positions in their depth sequences. */
const depths = new Float64Array(SHIFTS);
/** R transposed (column i of R at i·m), P(|Z_i| ≥ c)/2 and √R_ii, for the union sampler. */
let transposed = new Float64Array(0);
let halfTails = new Float64Array(0);
let sds = new Float64Array(0);

/**
 * The union sampler's random stream, from its fixed seed: first the replicates' start depths, then
 * the standard normals of every draw of W, in order. The same for every call, so drawn once and kept.
 */
const unionRandom = createRandom(UNION_SEED);
const UNION_START_DEPTHS = Float64Array.from({ length: SHIFTS }, () => unionRandom());
const unionNormal = createStandardNormal(unionRandom);
let unionNormalTable = new Float64Array(0);
let unionNormalCount = 0;

/** The first `count` (at least) normals of the union sampler's stream. */
function unionNormals(count: number): Float64Array {
  if (count > unionNormalCount) {
    if (count > unionNormalTable.length) {
      const grown = new Float64Array(Math.max(count, 2 * unionNormalTable.length, 1024));
      grown.set(unionNormalTable.subarray(0, unionNormalCount));
      unionNormalTable = grown;
    }
    while (unionNormalCount < unionNormalTable.length) unionNormalTable[unionNormalCount++] = unionNormal();
  }
  return unionNormalTable;
}

function ensureScratch(m: number): void {
  if (m <= capacity) return;
  capacity = m;
  work = new Float64Array(m * m);
  factor = new Float64Array(m * m);
  inverseSd = new Float64Array(m);
  values = new Float64Array(m);
  generators = new Float64Array(m);
  const primes = firstPrimes(m);
  for (let j = 0; j < m; j++) {
    const root = Math.sqrt(primes[j] as number);
    generators[j] = root - Math.floor(root);
  }
  positions = new Float64Array(SHIFTS * m);
  shifts = new Float64Array(SHIFTS * m);
  point = new Float64Array(m);
  tails = new Float64Array(m);
  cholesky = new Float64Array(m * m);
  transposed = new Float64Array(m * m);
  halfTails = new Float64Array(m);
  sds = new Float64Array(m);
  const random = createRandom(SHIFT_SEED);
  for (let s = 0; s < SHIFTS; s++) for (let j = 0; j < m; j++) shifts[s * m + j] = random();
}

/** Cholesky factor of R (semi-definite allowed: a non-positive pivot leaves a zero column). */
function ensureCholesky(correlation: Float64Array, m: number): void {
  cholesky.fill(0, 0, m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = correlation[i * m + j] as number;
      for (let k = 0; k < j; k++) s -= (cholesky[i * m + k] as number) * (cholesky[j * m + k] as number);
      if (i === j)
        cholesky[i * m + i] = s > DEGENERATE * (correlation[i * m + i] as number) ? Math.sqrt(s) : 0;
      else {
        const pivot = cholesky[j * m + j] as number;
        cholesky[i * m + j] = pivot > 0 ? s / pivot : 0;
      }
    }
  }
}

function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let n = 2; primes.length < count; n++) {
    if (primes.every((p) => p * p > n || n % p !== 0)) primes.push(n);
  }
  return primes;
}

/**
 * Cholesky factor of R with Genz & Bretz's variable reordering into `factor`, for limits ±c.
 * Returns the rank: the variables from there on have no variance left given the earlier ones
 * (their rows hold the coefficients that determine them).
 */
function reorderedCholesky(correlation: Float64Array, m: number, c: number): number {
  work.set(correlation.subarray(0, m * m));
  factor.fill(0, 0, m * m);
  let rank = m;
  for (let i = 0; i < m; i++) {
    let best = -1;
    let bestInside = 2;
    let bestSd = 0;
    let bestShift = 0;
    for (let j = i; j < m; j++) {
      const row = j * m;
      let variance = work[row + j] as number;
      let shift = 0;
      for (let k = 0; k < i; k++) {
        const l = factor[row + k] as number;
        variance -= l * l;
        shift += l * (values[k] as number);
      }
      if (!(variance > DEGENERATE * (work[row + j] as number))) continue;
      const sd = Math.sqrt(variance);
      const inside = 1 - upperTail((c - shift) / sd) - upperTail((c + shift) / sd);
      if (inside < bestInside) {
        best = j;
        bestInside = inside;
        bestSd = sd;
        bestShift = shift;
      }
    }
    if (best < 0) {
      rank = i;
      break;
    }
    if (best !== i) swapVariables(m, i, best);
    const rowI = i * m;
    factor[rowI + i] = bestSd;
    inverseSd[i] = 1 / bestSd;
    for (let r = i + 1; r < m; r++) {
      const row = r * m;
      let s = work[row + i] as number;
      for (let k = 0; k < i; k++) s -= (factor[row + k] as number) * (factor[rowI + k] as number);
      factor[row + i] = s / bestSd;
    }
    // Mean of the standard normal truncated to the conditional limits: where it sits on average.
    const a = (-c - bestShift) / bestSd;
    const b = (c - bestShift) / bestSd;
    values[i] = bestInside > 1e-300 ? (density(a) - density(b)) / bestInside : 0;
  }
  for (let i = rank; i < m; i++) inverseSd[i] = 0;
  return rank;
}

/** Swaps variables i < j: rows and columns of the working R, and the computed part of the factor's rows. */
function swapVariables(m: number, i: number, j: number): void {
  for (let k = 0; k < m; k++) {
    const t = work[i * m + k] as number;
    work[i * m + k] = work[j * m + k] as number;
    work[j * m + k] = t;
  }
  for (let k = 0; k < m; k++) {
    const t = work[k * m + i] as number;
    work[k * m + i] = work[k * m + j] as number;
    work[k * m + j] = t;
  }
  for (let k = 0; k < i; k++) {
    const t = factor[i * m + k] as number;
    factor[i * m + k] = factor[j * m + k] as number;
    factor[j * m + k] = t;
  }
}

/**
 * 1 − P(all |Z_i| < c | the draws at w): the separation-of-variables integrand at the point
 * w = `point` (its first `rank` − 1 coordinates; `flip` uses 1 − w, the antithetic point).
 */
function integrand(m: number, rank: number, c: number, point: Float64Array, flip: boolean): number {
  // Module-level buffers read through locals: V8 optimises these loops far better.
  const l = factor;
  const y = values;
  const inverse = inverseSd;
  const last = rank - 1;
  let lowerCdf = upperTail(c * (inverse[0] as number));
  let width = 1 - 2 * lowerCdf;
  let inside = width;
  for (let i = 0; i < m; i++) {
    if (i > 0) {
      const row = i * m;
      let shift = 0;
      const known = Math.min(i, rank);
      for (let k = 0; k < known; k++) shift += (l[row + k] as number) * (y[k] as number);
      if (i >= rank) {
        // A redundant variable is fixed by the earlier ones: inside or not.
        if (Math.abs(shift) >= c) return 1;
        continue;
      }
      const scale = inverse[i] as number;
      lowerCdf = upperTail((c + shift) * scale);
      width = 1 - lowerCdf - upperTail((c - shift) * scale);
      if (!(width > 0)) return 1;
      inside *= width;
    }
    if (i < last) {
      const w = point[i] as number;
      y[i] = normalQuantile(lowerCdf + (flip ? 1 - w : w) * width);
    }
  }
  return 1 - inside;
}

/** Mean of the integrand over the shifted lattices, extended until precise enough. */
function latticeMean(m: number, rank: number, c: number, plainlyLarge: number): number {
  const dims = Math.max(1, rank - 1);
  for (let s = 0; s < SHIFTS; s++) {
    for (let j = 0; j < dims; j++) positions[s * m + j] = shifts[s * m + j] as number;
  }
  sums.fill(0);
  let points = 0;
  let batch = FIRST_BATCH;
  for (;;) {
    for (let s = 0; s < SHIFTS; s++) {
      const at = s * m;
      let sum = 0;
      for (let n = 0; n < batch; n++) {
        for (let j = 0; j < dims; j++) {
          let x = (positions[at + j] as number) + (generators[j] as number);
          if (x >= 1) x -= 1;
          positions[at + j] = x;
          // The baker's (tent) transform makes the integrand periodic for the lattice.
          point[j] = Math.abs(2 * x - 1);
        }
        sum += integrand(m, rank, c, point, false) + integrand(m, rank, c, point, true);
      }
      sums[s] = (sums[s] as number) + sum / 2;
    }
    points += batch;
    const { mean, standardError } = replicateMean(points);
    if (points >= MAX_POINTS) return mean;
    if (mean >= plainlyLarge) {
      if (standardError <= LARGE_RELATIVE_ERROR * mean) return mean;
    } else if (points >= MIN_POINTS && standardError <= Math.max(RELATIVE_ERROR * mean, ABSOLUTE_ERROR)) {
      return mean;
    }
    batch = points;
  }
}

const INVERSE_SQRT_2PI = 0.398_942_280_401_432_7;

/** The standard normal density. */
function density(x: number): number {
  return Number.isFinite(x) ? INVERSE_SQRT_2PI * Math.exp(-0.5 * x * x) : 0;
}

/**
 * Q(x) = P(Z > x), by Hart's rational approximation (algorithm 5666, "Computer Approximations"
 * 1968, as given by West 2005, Wilmott Magazine: "Better approximations to cumulative normal
 * functions"): one exponential, absolute error below 1e-15 — the integrand needs absolute, not
 * tail-relative, accuracy, and this runs tens of thousands of times per call.
 */
function upperTail(x: number): number {
  const a = Math.abs(x);
  let tail: number;
  if (a > 37) tail = 0;
  else {
    const e = Math.exp(-0.5 * a * a);
    if (a < 7.071_067_811_865_47) {
      let n = 0.035_262_496_599_891_1 * a + 0.700_383_064_443_688;
      n = n * a + 6.373_962_203_531_65;
      n = n * a + 33.912_866_078_383;
      n = n * a + 112.079_291_497_871;
      n = n * a + 221.213_596_169_931;
      n = n * a + 220.206_867_912_376;
      let d = 0.088_388_347_648_318_4 * a + 1.755_667_163_182_64;
      d = d * a + 16.064_177_579_207;
      d = d * a + 86.780_732_202_946_1;
      d = d * a + 296.564_248_779_674;
      d = d * a + 637.333_633_378_831;
      d = d * a + 793.826_512_519_948;
      d = d * a + 440.413_735_824_752;
      tail = (e * n) / d;
    } else {
      let d = a + 0.65;
      d = a + 4 / d;
      d = a + 3 / d;
      d = a + 2 / d;
      d = a + 1 / d;
      tail = e / d / 2.506_628_274_631;
    }
  }
  return x >= 0 ? tail : 1 - tail;
}

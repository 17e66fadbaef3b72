import { lowerGram } from './inner-products.ts';

/**
 * Least-squares regression on a daily series whose errors persist from day to day as AR(1),
 * e_t = φ e_{t−1} + u_t, with days missing. Ordinary least squares on such data gives the right
 * slope but a standard error that is too small whenever the regressor also persists (a 7-day
 * adherence share does), so its tests claim too often. Prewhitening fixes that:
 *
 * 1. Fit by OLS and estimate φ from the residuals of consecutive observed days (bias-corrected).
 * 2. Transform every variable (the outcome and each regressor column alike): the first observed
 *    day is kept as is, and a day observed k days after the previous observed one becomes
 *    (v_t − φ^k v_{t−k}) / √(1 − φ^{2k}). For a stationary AR(1) this leaves independent errors
 *    of equal variance; with k = 1 everywhere it is exactly the Prais–Winsten transform, and the
 *    gap-aware form is the same idea for irregular spacing (the k-step AR(1) transition).
 * 3. Refit by OLS on the transformed data, re-estimate φ from the untransformed residuals of that
 *    fit, and repeat (iterated Cochrane–Orcutt).
 * 4. Test each coefficient with a t statistic whose degrees of freedom also allow for the
 *    uncertainty in φ (see `ar1Regression`).
 *
 * See: Prais & Winsten 1954, Cowles Commission Discussion Paper 383; Cochrane & Orcutt 1949,
 * J Am Stat Assoc 44:32–61; Hamilton, Time Series Analysis (1994), §8.3.
 */

/** Cochrane–Orcutt refits after the first OLS fit; φ settles within a couple. */
const ITERATIONS = 2;
/** φ is kept inside ±0.95 so the transform never divides by almost zero. */
const MAX_PERSISTENCE = 0.95;
/** Step in φ for the numerical derivative of the standard errors. */
const PERSISTENCE_STEP = 0.01;

/** The fitted regression. Coefficients are in the order of the columns given. */
export interface Ar1Fit {
  coefficients: number[];
  standardErrors: number[];
  /** Estimated day-to-day persistence φ of the errors (bias-corrected). */
  persistence: number;
  /** Per coefficient: Satterthwaite degrees of freedom for its t statistic. */
  degreesOfFreedom: number[];
  /** Observations used. */
  n: number;
  /** Covariance matrix of the coefficients (same order), for joint tests of several of them. */
  covariance: number[][];
}

interface GlsFit {
  beta: number[];
  /** Diagonal of (Z'Z)⁻¹. */
  inverseDiagonal: number[];
  /** (Z'Z)⁻¹. */
  inverse: number[][];
  variance: number;
}

/**
 * Inverse of a small symmetric positive-definite matrix by Gauss–Jordan with partial pivoting;
 * null when singular. `matrix` is p×p row-major; the work is on one flat p×2p array (nested arrays
 * of mixed small integers and doubles kept the optimiser from compiling this hot path).
 */
function invert(matrix: Float64Array, p: number): number[][] | null {
  const width = 2 * p;
  const a = new Float64Array(p * width);
  let scale = 1e-300;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) a[i * width + j] = matrix[i * p + j] as number;
    a[i * width + p + i] = 1;
    scale = Math.max(scale, Math.abs(matrix[i * p + i] as number));
  }
  // Row r of the working matrix starts at rowStart[r] (rows are swapped by swapping these).
  const rowStart = new Int32Array(p);
  for (let r = 0; r < p; r++) rowStart[r] = r * width;
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) {
      if (
        Math.abs(a[(rowStart[r] as number) + col] as number) >
        Math.abs(a[(rowStart[pivot] as number) + col] as number)
      )
        pivot = r;
    }
    const pivotAt = rowStart[pivot] as number;
    if (Math.abs(a[pivotAt + col] as number) < 1e-12 * scale) return null;
    rowStart[pivot] = rowStart[col] as number;
    rowStart[col] = pivotAt;
    const lead = a[pivotAt + col] as number;
    for (let j = 0; j < width; j++) a[pivotAt + j] = (a[pivotAt + j] as number) / lead;
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const at = rowStart[r] as number;
      const factor = a[at + col] as number;
      if (factor === 0) continue;
      for (let j = 0; j < width; j++) a[at + j] = (a[at + j] as number) - factor * (a[pivotAt + j] as number);
    }
  }
  const inverse: number[][] = [];
  for (let r = 0; r < p; r++) {
    const at = (rowStart[r] as number) + p;
    const row: number[] = [];
    for (let j = 0; j < p; j++) row.push(a[at + j] as number);
    inverse.push(row);
  }
  return inverse;
}

/**
 * Working arrays kept between fits and grown when needed (core runs single-threaded, and nothing
 * returned points into them): a fit per rating no longer allocates, and frees, a dozen arrays.
 */
let carryScratch = new Float64Array(0);
let scaleScratch = new Float64Array(0);
let columnsScratch: Float64Array[] = [];

/** Row i's carry (0) and scale (1) of the transform for n days, before any φ is applied. */
function transformScratch(n: number): { carries: Float64Array; scales: Float64Array } {
  if (carryScratch.length < n) {
    carryScratch = new Float64Array(n);
    scaleScratch = new Float64Array(n);
  }
  const carries = carryScratch.subarray(0, n);
  const scales = scaleScratch.subarray(0, n);
  carries.fill(0);
  scales.fill(1);
  return { carries, scales };
}

/** `count` columns of n days each (views of kept arrays; their contents are overwritten by the caller). */
function columnScratch(count: number, n: number): Float64Array[] {
  if (columnsScratch.length < count || (columnsScratch[0] as Float64Array).length < n) {
    const length = Math.max(n, columnsScratch[0]?.length ?? 0);
    const size = Math.max(count, columnsScratch.length);
    columnsScratch = Array.from({ length: size }, () => new Float64Array(length));
  }
  return columnsScratch.slice(0, count).map((column) => column.subarray(0, n));
}

/**
 * The transform's rows for φ ≠ 0 (row 0 keeps carry 0 and scale 1). This loop and the next are
 * functions of their own: inside `glsFit`, V8 compiled each loop alone on a long series and threw
 * the code away at the code after it.
 */
function transformRows(
  times: ArrayLike<number>,
  phi: number,
  oneStepScale: number,
  carries: Float64Array,
  scales: Float64Array,
): void {
  for (let i = 1; i < carries.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    const carry = gap === 1 ? phi : phi ** gap;
    carries[i] = carry;
    scales[i] = gap === 1 ? oneStepScale : 1 / Math.sqrt(1 - carry * carry);
  }
}

/**
 * z = the transform of v: row i is (v_i − carry_i·v_{i−1})·scale_i, row 0 (carry 0) v_0·scale_0. The
 * values are finite (days with a rating and their regressors), so a carry that underflowed to 0
 * gives v_i − 0·v_{i−1} = v_i, as skipping the product did.
 */
function transformColumn(
  v: Float64Array,
  z: Float64Array,
  carries: Float64Array,
  scales: Float64Array,
): void {
  const n = carries.length;
  if (n === 0) return;
  z[0] = ((v[0] as number) - 0) * (scales[0] as number);
  for (let i = 1; i < n; i++) {
    z[i] = ((v[i] as number) - (carries[i] as number) * (v[i - 1] as number)) * (scales[i] as number);
  }
}

/**
 * Least squares after the gap-aware Prais–Winsten transform for a given φ (φ = 0 is plain OLS).
 * Each column is transformed once into `scratch`, and the normal equations (Z'Z, Z'y, y'y) are
 * their inner products (`lowerGram`), each summed over the days in order.
 */
function glsFit(
  times: ArrayLike<number>,
  y: Float64Array,
  columns: Float64Array[],
  phi: number,
  scratch: Float64Array[],
): GlsFit | null {
  const p = columns.length;
  const n = y.length;
  // Row i of the transform: (v_i − carry_i·v_{i−1})·scale_i, carry 0 and scale 1 on the first day.
  const { carries, scales } = transformScratch(n);
  const oneStepScale = 1 / Math.sqrt(1 - phi * phi);
  if (phi !== 0) transformRows(times, phi, oneStepScale, carries, scales);
  for (let a = 0; a <= p; a++) {
    const v = a < p ? (columns[a] as Float64Array) : y;
    const z = scratch[a] as Float64Array;
    // With φ = 0 every row is (v_i − 0)·1 = v_i.
    if (phi === 0) z.set(v);
    else transformColumn(v, z, carries, scales);
  }
  // The transformed outcome is the last column, so its row of products holds Z'y and y'y.
  const products = lowerGram(scratch);
  const size = p + 1;
  const xty = products.subarray(p * size, p * size + p);
  const yty = products[p * size + p] as number;
  const matrix = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++)
      matrix[a * p + b] = products[Math.max(a, b) * size + Math.min(a, b)] as number;
  }
  const inverse = invert(matrix, p);
  if (!inverse) return null;
  const beta: number[] = [];
  let explained = 0;
  for (let a = 0; a < p; a++) {
    const row = inverse[a] as number[];
    let v = 0;
    for (let j = 0; j < p; j++) v += (row[j] as number) * (xty[j] as number);
    beta.push(v);
  }
  for (let a = 0; a < p; a++) explained += (beta[a] as number) * (xty[a] as number);
  const rss = Math.max(0, yty - explained);
  return {
    beta,
    inverseDiagonal: inverse.map((row, a) => row[a] ?? 0),
    inverse,
    variance: rss / (n - p),
  };
}

/**
 * φ from the untransformed residuals y − X b over pairs of consecutive days, then corrected for
 * its small-sample bias. The raw lag-1 correlation of regression residuals runs low by about
 * (p + 4φ)/n when the p regressors vary slowly (each absorbs one slow direction of the errors,
 * and the AR(1) part is Marriott & Pope 1954, Biometrika 41:390, for the p = 1 case); left
 * uncorrected this under-corrects and makes tests claim too often.
 */
function persistenceOf(
  times: ArrayLike<number>,
  y: Float64Array,
  columns: Float64Array[],
  beta: readonly number[],
): number {
  const n = y.length;
  if (n === 0) return 0;
  // The residuals y_i − Σ_a b_a·x_ai, each subtracted column by column in order.
  if (residualScratch.length < n) residualScratch = new Float64Array(n);
  const residuals = residualScratch.subarray(0, n);
  residuals.set(y);
  for (let a = 0; a < columns.length; a++)
    subtractScaled(residuals, beta[a] ?? 0, columns[a] as Float64Array);
  consecutiveSums(times, residuals, lagOneSums);
  const cross = lagOneSums[0] as number;
  const left = lagOneSums[1] as number;
  const right = lagOneSums[2] as number;
  if (left <= 0 || right <= 0) return 0;
  const raw = cross / Math.sqrt(left * right);
  const corrected = raw + (columns.length + 4 * raw) / y.length;
  return Math.max(-MAX_PERSISTENCE, Math.min(MAX_PERSISTENCE, corrected));
}

let residualScratch = new Float64Array(0);
/** Σ e_{i−1}·e_i, Σ e_{i−1}², Σ e_i² over pairs of consecutive days. */
const lagOneSums = new Float64Array(3);

/** e_i −= b·x_i for every day. */
function subtractScaled(e: Float64Array, b: number, x: Float64Array): void {
  for (let i = 0; i < e.length; i++) e[i] = (e[i] as number) - b * (x[i] as number);
}

/** The sums of `lagOneSums` over the pairs of days one day apart, in day order, into `out`. */
function consecutiveSums(times: ArrayLike<number>, e: Float64Array, out: Float64Array): void {
  let cross = 0;
  let left = 0;
  let right = 0;
  let previous = e[0] as number;
  for (let i = 1; i < e.length; i++) {
    const current = e[i] as number;
    if ((times[i] as number) - (times[i - 1] as number) === 1) {
      cross += previous * current;
      left += previous * previous;
      right += current * current;
    }
    previous = current;
  }
  out[0] = cross;
  out[1] = left;
  out[2] = right;
}

/**
 * Fits y = X b + e with AR(1) errors. `times` are whole day numbers, strictly increasing; each
 * column is one regressor (include a column of ones for an intercept). Returns null when there
 * are too few observations or the regressors are collinear.
 *
 * Degrees of freedom: φ is estimated, so the standard error is itself uncertain beyond what the
 * residual variance alone implies. Each coefficient's t statistic gets Satterthwaite degrees of
 * freedom ν with 1/ν = 1/(n − p − 1) + 2 · (d ln se/dφ)² · Var(φ̂), Var(φ̂) ≈ (1 − φ²)/m over the m
 * pairs of consecutive observed days φ is estimated from (with days missing, m is well below n), the
 * derivative taken numerically: the log standard error's variance from both sources is matched
 * to that of a t distribution's scale. Without this the tests claim too often in the far tail
 * that multiple testing uses.
 */
export function ar1Regression(
  times: ArrayLike<number>,
  y: Float64Array,
  columns: Float64Array[],
): Ar1Fit | null {
  const n = y.length;
  const p = columns.length;
  if (n < p + 3) return null;
  // The transformed columns and outcome, reused by all four fits.
  const scratch = columnScratch(p + 1, n);
  let fit = glsFit(times, y, columns, 0, scratch);
  if (!fit) return null;
  let phi = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    phi = persistenceOf(times, y, columns, fit.beta);
    fit = glsFit(times, y, columns, phi, scratch);
    if (!fit) return null;
  }
  const final = fit;
  const stepped = glsFit(times, y, columns, Math.min(MAX_PERSISTENCE, phi + PERSISTENCE_STEP), scratch);
  const residualDf = n - p - 1;
  // φ is estimated from pairs of consecutive observed days only, so its variance follows their count.
  let consecutive = 0;
  for (let i = 1; i < n; i++) if ((times[i] ?? 0) - (times[i - 1] ?? 0) === 1) consecutive++;
  const phiVariance = (1 - phi * phi) / Math.max(1, consecutive);
  const standardErrors = final.inverseDiagonal.map((d) => Math.sqrt(Math.max(0, final.variance * d)));
  const degreesOfFreedom = final.inverseDiagonal.map((d, a) => {
    const dSteppedVar = stepped ? stepped.variance * (stepped.inverseDiagonal[a] ?? 0) : 0;
    const dFinalVar = final.variance * d;
    if (!(dSteppedVar > 0) || !(dFinalVar > 0)) return residualDf;
    const slope = (0.5 * Math.log(dSteppedVar / dFinalVar)) / PERSISTENCE_STEP;
    return 1 / (1 / residualDf + 2 * slope * slope * phiVariance);
  });
  const covariance = final.inverse.map((row) => row.map((v) => v * final.variance));
  return { coefficients: final.beta, standardErrors, persistence: phi, degreesOfFreedom, n, covariance };
}

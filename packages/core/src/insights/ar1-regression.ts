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

/** Inverse of a small symmetric positive-definite matrix by Gauss–Jordan; null when singular. */
function invert(matrix: number[][]): number[][] | null {
  const p = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(1e-300, ...matrix.map((row, i) => Math.abs(row[i] ?? 0)));
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) {
      if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    }
    const pivotRow = a[pivot];
    if (!pivotRow || Math.abs(pivotRow[col] ?? 0) < 1e-12 * scale) return null;
    a[pivot] = a[col] ?? pivotRow;
    a[col] = pivotRow;
    const lead = pivotRow[col] ?? 1;
    for (let j = 0; j < 2 * p; j++) pivotRow[j] = (pivotRow[j] ?? 0) / lead;
    for (let r = 0; r < p; r++) {
      const row = a[r];
      if (r === col || !row) continue;
      const factor = row[col] ?? 0;
      if (factor === 0) continue;
      for (let j = 0; j < 2 * p; j++) row[j] = (row[j] ?? 0) - factor * (pivotRow[j] ?? 0);
    }
  }
  return a.map((row) => row.slice(p));
}

/**
 * The regressors as one row-major array (row i at i·p): the fit reads them row by row four times
 * over, and a flat array read in order is faster than p separate columns.
 */
function rowMajor(columns: readonly Float64Array[], n: number): Float64Array {
  const p = columns.length;
  const rows = new Float64Array(n * p);
  for (let a = 0; a < p; a++) {
    const column = columns[a] as Float64Array;
    for (let i = 0; i < n; i++) rows[i * p + a] = column[i] as number;
  }
  return rows;
}

/**
 * Least squares after the gap-aware Prais–Winsten transform for a given φ (φ = 0 is plain OLS).
 * The transform is applied row by row while the normal equations are summed, so nothing is
 * copied. `rows` is the design from `rowMajor`, with p columns.
 */
function glsFit(
  times: ArrayLike<number>,
  y: Float64Array,
  rows: Float64Array,
  p: number,
  phi: number,
): GlsFit | null {
  const n = y.length;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  const z = new Float64Array(p);
  const oneStepScale = 1 / Math.sqrt(1 - phi * phi);
  let yty = 0;
  for (let i = 0; i < n; i++) {
    let carry = 0;
    let scale = 1;
    if (i > 0 && phi !== 0) {
      const gap = (times[i] as number) - (times[i - 1] as number);
      carry = gap === 1 ? phi : phi ** gap;
      scale = gap === 1 ? oneStepScale : 1 / Math.sqrt(1 - carry * carry);
    }
    const zy = ((y[i] as number) - (carry === 0 ? 0 : carry * (y[i - 1] as number))) * scale;
    const row = i * p;
    if (carry === 0) {
      for (let a = 0; a < p; a++) z[a] = ((rows[row + a] as number) - 0) * scale;
    } else {
      for (let a = 0; a < p; a++) {
        z[a] = ((rows[row + a] as number) - carry * (rows[row - p + a] as number)) * scale;
      }
    }
    yty += zy * zy;
    for (let a = 0; a < p; a++) {
      const za = z[a] as number;
      xty[a] = (xty[a] as number) + za * zy;
      const at = a * p;
      for (let b = a; b < p; b++) xtx[at + b] = (xtx[at + b] as number) + za * (z[b] as number);
    }
  }
  const matrix = Array.from({ length: p }, (_, a) =>
    Array.from({ length: p }, (_, b) => xtx[Math.min(a, b) * p + Math.max(a, b)] ?? 0),
  );
  const inverse = invert(matrix);
  if (!inverse) return null;
  const beta = inverse.map((row) => row.reduce((s, v, j) => s + v * (xty[j] ?? 0), 0));
  const rss = Math.max(0, yty - beta.reduce((s, b, a) => s + b * (xty[a] ?? 0), 0));
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
  rows: Float64Array,
  p: number,
  beta: readonly number[],
): number {
  const residualAt = (i: number) => {
    let e = y[i] as number;
    const row = i * p;
    for (let a = 0; a < p; a++) e -= (beta[a] as number) * (rows[row + a] as number);
    return e;
  };
  let cross = 0;
  let left = 0;
  let right = 0;
  let previous = residualAt(0);
  for (let i = 1; i < y.length; i++) {
    const current = residualAt(i);
    if ((times[i] ?? 0) - (times[i - 1] ?? 0) === 1) {
      cross += previous * current;
      left += previous * previous;
      right += current * current;
    }
    previous = current;
  }
  if (left <= 0 || right <= 0) return 0;
  const raw = cross / Math.sqrt(left * right);
  const corrected = raw + (p + 4 * raw) / y.length;
  return Math.max(-MAX_PERSISTENCE, Math.min(MAX_PERSISTENCE, corrected));
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
  const rows = rowMajor(columns, n);
  let fit = glsFit(times, y, rows, p, 0);
  if (!fit) return null;
  let phi = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    phi = persistenceOf(times, y, rows, p, fit.beta);
    fit = glsFit(times, y, rows, p, phi);
    if (!fit) return null;
  }
  const final = fit;
  const stepped = glsFit(times, y, rows, p, Math.min(MAX_PERSISTENCE, phi + PERSISTENCE_STEP));
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

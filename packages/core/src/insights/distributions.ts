/**
 * The few probability distributions the insights need: normal, Student t and the gamma family
 * (for exact Poisson limits). Implemented from Numerical Recipes (Press et al., 3rd ed., §6.1–6.4)
 * so core stays dependency-free; accuracy is ~1e-10, far beyond what the sentences show.
 */

const LANCZOS = [
  57.156_235_665_862_92, -59.597_960_355_475_49, 14.136_097_974_741_746, -0.491_913_816_097_620_2,
  0.339_946_499_848_118_9e-4, 0.465_236_289_270_485_7e-4, -0.983_744_753_048_795_4e-4,
  0.158_088_703_224_912_5e-3, -0.210_264_441_724_104_9e-3, 0.217_439_618_115_212_6e-3,
  -0.164_318_106_536_763_9e-3, 0.844_182_239_838_527_4e-4, -0.261_908_384_015_814_1e-4,
  0.368_991_826_595_316_2e-5,
];

/** ln Γ(x) for x > 0 (Lanczos, NR 6.1). */
export function logGamma(x: number): number {
  let y = x;
  const tmp0 = x + 5.242_187_5;
  const tmp = (x + 0.5) * Math.log(tmp0) - tmp0;
  let ser = 0.999_999_999_999_997_1;
  for (const c of LANCZOS) {
    y += 1;
    ser += c / y;
  }
  return tmp + Math.log((2.506_628_274_631_000_7 * ser) / x);
}

const EPS = 1e-15;
const TINY = 1e-300;

/** Regularized lower incomplete gamma P(a, x) (NR 6.2: series below a+1, continued fraction above). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 10_000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    return sum * Math.exp(lnPrefix);
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return 1 - Math.exp(lnPrefix) * h;
}

/** Continued fraction for the incomplete beta (NR 6.4). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * ln B(a, b)⁻¹ of the last (a, b) asked for: callers ask for many x at the same (a, b) (a lag
 * scan's 29 t statistics share their degrees of freedom, a quantile search bisects x), and the
 * three log-gammas cost as much as the rest.
 */
let lastA = Number.NaN;
let lastB = Number.NaN;
let lastLogInverseBeta = 0;

/** Regularized incomplete beta I_x(a, b). */
export function betaI(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (a !== lastA || b !== lastB) {
    lastLogInverseBeta = logGamma(a + b) - logGamma(a) - logGamma(b);
    lastA = a;
    lastB = b;
  }
  const lnFront = lastLogInverseBeta + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T > |t|) × 2 for Student t with `df` degrees of freedom (two-sided p-value). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return betaI(df / 2, 0.5, df / (df + t * t));
}

/** P(F > f) for Fisher's F with `d1` and `d2` degrees of freedom (the upper-tail p-value). */
export function fUpperP(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return 1;
  if (!Number.isFinite(f)) return 0;
  return betaI(d2 / 2, d1 / 2, d2 / (d2 + d1 * f));
}

/**
 * The Student t quantile: the value q with P(T ≤ q) = p, by bisection on the two-sided p-value
 * (to 1e-12 relative). Each step costs an incomplete beta, so the steps far from the root are
 * decided by a Newton estimate of it instead (`newtonRoot`), which is first checked to bracket
 * the root within `GUIDE_MARGIN`: the same steps are taken and the result is bit for bit what
 * plain bisection gives, with a few incomplete betas instead of about forty.
 */
export function studentTQuantile(p: number, df: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  // A person's monthly means ask for the same (p, df) again and again (months with as many days).
  if (p === quantileCacheP) {
    const cached = quantileCache.get(df);
    if (cached !== undefined) return cached;
  } else {
    quantileCacheP = p;
    quantileCache.clear();
  }
  const q = searchTQuantile(p, df);
  if (quantileCache.size >= QUANTILE_CACHE_SIZE) quantileCache.clear();
  quantileCache.set(df, q);
  return q;
}

/** Quantiles already found for probability `quantileCacheP`, by degrees of freedom (a pure function's values). */
const quantileCache = new Map<number, number>();
let quantileCacheP = Number.NaN;
/** The cache is emptied when it reaches this size, so it never grows without bound. */
const QUANTILE_CACHE_SIZE = 512;

/** `studentTQuantile` for p > 0.5, worked out. */
function searchTQuantile(p: number, df: number): number {
  const target = 2 * (1 - p);
  const guess = newtonRoot(target, df);
  const margin = GUIDE_MARGIN * guess;
  const guided =
    Number.isFinite(guess) &&
    guess > 0 &&
    studentTTwoSidedP(guess - margin, df) > target &&
    !(studentTTwoSidedP(guess + margin, df) > target);
  // "Is the root above t?": away from the checked bracket the guess answers as the exact test would.
  const rootAbove = (t: number) =>
    guided && Math.abs(t - guess) > margin ? t < guess : studentTTwoSidedP(t, df) > target;
  let low = 0;
  let high = 1;
  while (rootAbove(high)) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const mid = (low + high) / 2;
    if (rootAbove(mid)) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Half-width, relative to the guess, of the bracket `studentTQuantile` checks around its guess. */
const GUIDE_MARGIN = 4e-12;

/**
 * Newton's method for the t with two-sided p-value `target` (derivative: −2 × the t density),
 * started from the normal quantile; NaN when it does not settle (the caller then bisects plainly).
 */
function newtonRoot(target: number, df: number): number {
  const logScale = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  let t = normalQuantile(1 - target / 2);
  for (let i = 0; i < 50; i++) {
    const density = Math.exp(logScale - ((df + 1) / 2) * Math.log1p((t * t) / df));
    const step = (studentTTwoSidedP(t, df) - target) / (2 * density);
    const next = t + step;
    if (!(next > 0)) t /= 2;
    else t = next;
    // Convergence is quadratic: after a step this small the error is far inside the margin.
    if (Math.abs(step) <= 1e-7 * t) return t;
  }
  return Number.NaN;
}

/** Standard normal two-sided p-value, 2·P(Z > |z|), via the incomplete gamma (erfc). */
export function normalTwoSidedP(z: number): number {
  if (!Number.isFinite(z)) return 0;
  return 1 - gammaP(0.5, (z * z) / 2);
}

/**
 * Evaluates c[0] + c[1]·x + … + c[7]·x^7 (Horner), written out: the quantile below sits in inner
 * loops, and the same multiplications and additions in the same order as a loop over c.
 */
function polynomial(c: readonly number[], x: number): number {
  let sum = c[7] as number;
  sum = sum * x + (c[6] as number);
  sum = sum * x + (c[5] as number);
  sum = sum * x + (c[4] as number);
  sum = sum * x + (c[3] as number);
  sum = sum * x + (c[2] as number);
  sum = sum * x + (c[1] as number);
  return sum * x + (c[0] as number);
}

// Wichura's AS 241 PPND16 (Appl Stat 1988, 37:477–84): rational approximations with about 1e-16
// relative error, for the centre (|p − ½| ≤ 0.425) and the two tail ranges of r = √(−ln min(p, 1 − p)).
const CENTRE_NUMERATOR = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const CENTRE_DENOMINATOR = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const NEAR_NUMERATOR = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const NEAR_DENOMINATOR = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const FAR_NUMERATOR = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const FAR_DENOMINATOR = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/**
 * The standard normal quantile Φ⁻¹(p), by AS 241 (no iteration: this sits in inner loops). Exact
 * to about 1e-16 relative, also for p far in either tail. p = 0 and p = 1 give the (finite)
 * quantiles of the nearest representable interior probabilities, as the bisection this replaced
 * did, so a z built from a p-value that rounded to 1 stays finite.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p)) return Number.NaN;
  if (p <= 0) return normalQuantile(Number.MIN_VALUE);
  if (p >= 1) return normalQuantile(1 - Number.EPSILON / 2);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180_625 - q * q;
    return (q * polynomial(CENTRE_NUMERATOR, r)) / polynomial(CENTRE_DENOMINATOR, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(NEAR_NUMERATOR, r) / polynomial(NEAR_DENOMINATOR, r);
  } else {
    r -= 5;
    value = polynomial(FAR_NUMERATOR, r) / polynomial(FAR_DENOMINATOR, r);
  }
  return q < 0 ? -value : value;
}

/** The gamma(shape, 1) quantile: x with P(shape, x) = p. */
export function gammaQuantile(p: number, shape: number): number {
  if (p <= 0) return 0;
  let low = 0;
  let high = Math.max(1, shape);
  while (gammaP(shape, high) < p) high *= 2;
  for (let i = 0; i < 300 && high - low > 1e-12 * high; i++) {
    const mid = (low + high) / 2;
    if (gammaP(shape, mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

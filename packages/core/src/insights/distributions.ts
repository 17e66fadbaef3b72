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

/** Regularized incomplete beta I_x(a, b). */
export function betaI(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
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

/** The Student t quantile: the value q with P(T ≤ q) = p. */
export function studentTQuantile(p: number, df: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const target = 2 * (1 - p);
  let low = 0;
  let high = 1;
  while (studentTTwoSidedP(high, df) > target) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const mid = (low + high) / 2;
    if (studentTTwoSidedP(mid, df) > target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Standard normal two-sided p-value, 2·P(Z > |z|), via the incomplete gamma (erfc). */
export function normalTwoSidedP(z: number): number {
  if (!Number.isFinite(z)) return 0;
  return 1 - gammaP(0.5, (z * z) / 2);
}

/** The standard normal quantile. */
export function normalQuantile(p: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -normalQuantile(1 - p);
  const target = 2 * (1 - p);
  let low = 0;
  let high = 1;
  while (normalTwoSidedP(high) > target) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const mid = (low + high) / 2;
    if (normalTwoSidedP(mid) > target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
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

/**
 * The Shapiro-Wilk test of normality, by Royston's algorithm AS R94 (P. Royston, "Remark AS R94:
 * A remark on algorithm AS 181: the W-test for normality", Applied Statistics 44(4), 1995), in
 * double precision as in R's swilk.c. Valid for 3 <= n <= 5000. PRADA (Juuti et al. 2019) runs it
 * on an account's query distances and raises an alarm when W falls below its threshold delta.
 *
 * Written by hand: no well-kept npm package implements AS R94 (an index of npm packages has none
 * for Shapiro-Wilk; the JavaScript copies in public repositories are unmaintained ports), and
 * PRADA calls it once per query, so the sorted-input entry point below avoids sorting and
 * allocating on every call, and the coefficients (n/2 normal quantiles, the bulk of the cost)
 * can be computed once per size.
 * Checked against R's shapiro.test on the samples in test/fixtures/shapiroWilk.json.
 */
import { normalQuantile, normalUpperTail } from './normal';
import { asin, exp, log } from '../math/portable';

export interface ShapiroWilkResult {
  /** the W statistic, in (0, 1]; values near 1 look normal */
  w: number;
  /** P(W <= w) under normality (Royston's approximation; exact for n = 3) */
  pValue: number;
}

/** Smallest sample the test accepts. */
export const SHAPIRO_WILK_MIN_N = 3;
/** Largest sample for which Royston's p-value approximation is valid. */
export const SHAPIRO_WILK_MAX_N = 5000;

// Royston's polynomial coefficients (AS R94, lowest order first).
const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
const C6 = [-0.4803, -0.082676, 0.0030302];
const G = [-2.273, 0.459];

/** c[0] + c[1] x + c[2] x^2 + ... by Horner's rule. */
function poly(c: readonly number[], x: number): number {
  let value = 0;
  for (let i = c.length - 1; i >= 0; i--) value = value * x + c[i]!;
  return value;
}

/**
 * The Shapiro-Wilk coefficients for sample size n (3 <= n <= 5000): a[1..n/2] are the
 * antisymmetric weights of the extreme order statistics (x_(n+1-i) gets +a[i], x_(i) gets -a[i]),
 * and a[0] holds sum over the full weight vector of its squares (1 up to rounding). Royston's
 * approximation: m_i = Phi^-1((i - 3/8) / (n + 1/4)), normalised; the two most extreme weights
 * come from polynomials in 1/sqrt(n). Reusable for every sample of the same size.
 */
export function shapiroWilkCoefficients(n: number, out?: Float64Array): Float64Array {
  checkSize(n);
  const half = n >> 1;
  const a = out && out.length > half ? out : new Float64Array(half + 1);
  if (n === 3) {
    a[1] = Math.SQRT1_2;
  } else {
    const an25 = n + 0.25;
    let summ2 = 0;
    for (let i = 1; i <= half; i++) {
      const m = normalQuantile((i - 0.375) / an25);
      a[i] = m;
      summ2 += m * m;
    }
    summ2 *= 2;
    const ssumm2 = Math.sqrt(summ2);
    const rsn = 1 / Math.sqrt(n);
    const m1 = a[1]!;
    const a1 = poly(C1, rsn) - m1 / ssumm2;
    let first: number;
    let fac: number;
    if (n > 5) {
      const m2 = a[2]!;
      const a2 = -m2 / ssumm2 + poly(C2, rsn);
      fac = Math.sqrt((summ2 - 2 * m1 * m1 - 2 * m2 * m2) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
      a[2] = a2;
      first = 3;
    } else {
      fac = Math.sqrt((summ2 - 2 * m1 * m1) / (1 - 2 * a1 * a1));
      first = 2;
    }
    a[1] = a1;
    for (let i = first; i <= half; i++) a[i] = -a[i]! / fac;
  }
  let ssa = 0;
  for (let i = 1; i <= half; i++) ssa += 2 * a[i]! * a[i]!;
  a[0] = ssa;
  return a;
}

function checkSize(n: number): void {
  if (!(Number.isInteger(n) && n >= SHAPIRO_WILK_MIN_N && n <= SHAPIRO_WILK_MAX_N)) {
    throw new RangeError(`Shapiro-Wilk needs 3 to 5000 values (got ${n})`);
  }
}

/**
 * Shapiro-Wilk on values already sorted ascending: sorted[start .. end-1]. Pass `coefficients`
 * from shapiroWilkCoefficients(n) (n = end - start) to reuse them across samples of one size;
 * then nothing is allocated. Throws when n is outside [3, 5000] or the values are not sorted;
 * returns { w: NaN, pValue: NaN } when all values are identical (W is undefined: R refuses such a
 * sample and scipy reports W = 1), so callers decide what a constant sample means.
 */
export function shapiroWilkSorted(
  sorted: ArrayLike<number>,
  start = 0,
  end = sorted.length,
  coefficients?: Float64Array,
): ShapiroWilkResult {
  const n = end - start;
  checkSize(n);
  const half = n >> 1;
  const a = coefficients ?? shapiroWilkCoefficients(n);
  if (a.length <= half) throw new RangeError(`coefficients for n = ${n} need ${half + 1} entries`);

  const lo = sorted[start]!;
  const range = sorted[end - 1]! - lo;
  if (!(range > 0)) {
    if (range === 0) return { w: NaN, pValue: NaN };
    throw new RangeError('Shapiro-Wilk: values must be sorted ascending');
  }
  // W is the squared correlation between the sorted data and the coefficient vector. The data are
  // scaled by their range (and shifted by their minimum, which leaves W unchanged) for accuracy.
  const scale = 1 / range;
  // One pass for the sum and sum of squares of y = (x - min) / range, which lies in [0, 1], so
  // sum y^2 - (sum y)^2 / n loses at most a few bits (W itself is a ratio of such sums).
  let sum = 0;
  let sumSq = 0;
  let previous = lo;
  for (let i = start; i < end; i++) {
    const value = sorted[i]!;
    if (value < previous) throw new RangeError('Shapiro-Wilk: values must be sorted ascending');
    previous = value;
    const y = (value - lo) * scale;
    sum += y;
    sumSq += y * y;
  }
  const ssx = sumSq - (sum * sum) / n;
  // The weight vector is antisymmetric (its mean is 0), so sum_i a_i (x_i - mean) pairs up as
  // sum_{i <= n/2} a_i (x_(n+1-i) - x_(i)).
  let sax = 0;
  for (let i = 1; i <= half; i++)
    sax += a[i]! * ((sorted[end - i]! - sorted[start + i - 1]!) * scale);
  const ssa = a[0]!;
  // 1 - W computed as ((sqrt(ssa ssx) - sax)(sqrt(ssa ssx) + sax)) / (ssa ssx), which keeps its
  // precision when W is very close to 1 (large normal samples).
  const root = Math.sqrt(ssa * ssx);
  const w1 = ((root - sax) * (root + sax)) / (ssa * ssx);
  const w = 1 - w1;
  return { w, pValue: shapiroWilkPValue(w, w1, n) };
}

/** Royston's p-value for W (w1 = 1 - W carried separately for precision) at sample size n. */
function shapiroWilkPValue(w: number, w1: number, n: number): number {
  if (n === 3) {
    // Exact for n = 3: p = (6/pi) (asin(sqrt(W)) - pi/3), floored at 0.
    const p = (6 / Math.PI) * (asin(Math.sqrt(w)) - Math.PI / 3);
    return Math.max(0, Math.min(1, p));
  }
  let y = log(w1);
  let mean: number;
  let sd: number;
  if (n <= 11) {
    // Small samples: log(gamma - log(1 - W)) is approximately normal.
    const gamma = poly(G, n);
    if (y >= gamma) return 1e-99; // beyond the approximation's range: "obviously" non-normal (as R)
    y = -log(gamma - y);
    mean = poly(C3, n);
    sd = exp(poly(C4, n));
  } else {
    // n >= 12: log(1 - W) is approximately normal with mean and log-sd polynomial in log(n).
    const logN = log(n);
    mean = poly(C5, logN);
    sd = exp(poly(C6, logN));
  }
  return normalUpperTail((y - mean) / sd);
}

/**
 * Shapiro-Wilk test of normality on any sample (copied and sorted here; the input is not changed).
 * Same contract as shapiroWilkSorted.
 */
export function shapiroWilk(sample: ArrayLike<number>): ShapiroWilkResult {
  const sorted = Float64Array.from(sample).sort();
  return shapiroWilkSorted(sorted);
}

/**
 * One-sided exact tests for the watermark ownership check (DAWN, Szyller et al. 2021): Fisher's
 * exact test on a 2x2 table and the exact binomial test, plus log-gamma and log-binomial helpers.
 *
 * Written by hand (about 100 lines) rather than taken from a library: the ownership check needs
 * p-values far below 1e-16 (DAWN proves ownership "with confidence above 1 - 2^-64"), and library
 * upper tails computed as 1 - CDF lose everything there. Here the tail is summed term by term in
 * log space from its largest term, so tiny p-values keep their relative precision, and their
 * logarithm is available when even a double underflows. Checked against R (fisher.test,
 * binom.test) in test/core/metrics/pValues.test.ts.
 */
import { exp, log, log1p, sin } from '../math/portable';

// Lanczos approximation, g = 7, 9 terms (relative error about 1e-15 for x >= 0.5).
const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.9189385332046728;

/** Natural logarithm of the gamma function for x > 0 (log((x-1)!) for integers). */
export function logGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x === 1 || x === 2) return 0;
  if (x < 0.5) {
    // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
    return log(Math.PI / sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * log(t) - t + log(sum);
}

/** log C(n, k), the log of the binomial coefficient; -Infinity outside 0 <= k <= n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  if (k === 0 || k === n) return 0;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * Sums a run of pmf terms that shrink geometrically or faster, given the log of the first and
 * the ratio term(x+1)/term(x) as a function of x; returns the log of the sum.
 */
function logTailSum(
  logFirst: number,
  x0: number,
  last: number,
  step: 1 | -1,
  ratio: (x: number) => number,
): number {
  let term = 1;
  let sum = 1;
  for (let x = x0; x !== last; x += step) {
    term *= ratio(x);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return logFirst + log(sum);
}

/**
 * log P(X >= x) for X ~ Hypergeometric(population, successes, draws): the tail of the number of
 * successes among `draws` items drawn without replacement.
 */
function logHypergeometricUpper(
  x: number,
  population: number,
  successes: number,
  draws: number,
): number {
  const lowest = Math.max(0, draws + successes - population);
  const highest = Math.min(draws, successes);
  if (x <= lowest) return 0;
  if (x > highest) return -Infinity;
  const failures = population - successes;
  const logPmf = (k: number): number =>
    logChoose(successes, k) + logChoose(failures, draws - k) - logChoose(population, draws);
  // pmf(k+1)/pmf(k) = (K - k)(n - k) / ((k + 1)(N - K - n + k + 1))
  const up = (k: number): number =>
    ((successes - k) * (draws - k)) / ((k + 1) * (failures - draws + k + 1));
  const mode = Math.floor(((draws + 1) * (successes + 1)) / (population + 2));
  if (x > mode) return logTailSum(logPmf(x), x, highest, 1, up);
  // x at or below the mode: the upper tail is large; use 1 - P(X <= x - 1), whose terms shrink
  // going down from x - 1.
  const logLower = logTailSum(logPmf(x - 1), x - 1, lowest, -1, (k) => 1 / up(k - 1));
  return log1p(-Math.min(1, exp(logLower)));
}

/**
 * One-sided Fisher exact test ("greater") on the 2x2 table
 *
 *              match   no match
 *   group 1      a        b
 *   group 2      c        d
 *
 * p = P(X >= a) where X is hypergeometric with the table's margins fixed: small when group 1
 * matches more often than group 2. Same as R's fisher.test(matrix(c(a,b,c,d), 2, byrow = TRUE),
 * alternative = "greater"). Counts must be non-negative integers.
 */
export function fisherExactGreater(a: number, b: number, c: number, d: number): number {
  return exp(logFisherExactGreater(a, b, c, d));
}

/** Natural log of fisherExactGreater's p-value (finite even where the p-value underflows to 0). */
export function logFisherExactGreater(a: number, b: number, c: number, d: number): number {
  checkCounts([a, b, c, d]);
  return logHypergeometricUpper(a, a + b + c + d, a + c, a + b);
}

/**
 * One-sided exact binomial test: p = P(X >= k) for X ~ Binomial(n, p0). Same as R's
 * binom.test(k, n, p0, alternative = "greater").
 */
export function binomialGreater(k: number, n: number, p0: number): number {
  return exp(logBinomialGreater(k, n, p0));
}

/** Natural log of binomialGreater's p-value. */
export function logBinomialGreater(k: number, n: number, p0: number): number {
  checkCounts([k, n]);
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`p0 must be in [0, 1] (got ${p0})`);
  if (k <= 0) return 0;
  if (k > n) return -Infinity;
  if (p0 === 0) return -Infinity;
  if (p0 === 1) return 0;
  const logP = log(p0);
  const logQ = log1p(-p0);
  const logPmf = (x: number): number => logChoose(n, x) + x * logP + (n - x) * logQ;
  const odds = p0 / (1 - p0);
  // pmf(x+1)/pmf(x) = (n - x) / (x + 1) * p0 / (1 - p0)
  const up = (x: number): number => ((n - x) / (x + 1)) * odds;
  const mode = Math.floor((n + 1) * p0);
  if (k > mode) return logTailSum(logPmf(k), k, n, 1, up);
  const logLower = logTailSum(logPmf(k - 1), k - 1, 0, -1, (x) => 1 / up(x - 1));
  return log1p(-Math.min(1, exp(logLower)));
}

function checkCounts(counts: readonly number[]): void {
  for (const count of counts) {
    if (!(Number.isInteger(count) && count >= 0)) {
      throw new RangeError(`counts must be non-negative integers (got ${count})`);
    }
  }
}

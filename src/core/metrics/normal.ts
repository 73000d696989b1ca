/**
 * The standard normal distribution: its quantile function and its tails, to double precision.
 * Shapiro-Wilk (shapiroWilk.ts) needs both: the quantiles build the coefficients, the upper tail
 * turns Royston's normalised statistic into a p-value.
 *
 * Written by hand because both are small and hot (PRADA evaluates ~n/2 quantiles per test) and
 * the tails must stay accurate far out (p-values near 1e-50 are routine for synthetic queries),
 * which the usual erf-based one-liners are not. Checked against R in test/core/metrics/normal.test.ts.
 */
import { exp, log } from '../math/portable';

/**
 * Standard normal quantile z with P(Z <= z) = p: Wichura's algorithm AS 241 (PPND16, Applied
 * Statistics 37(3), 1988), relative accuracy about 1e-16. Returns -Infinity for p <= 0, Infinity
 * for p >= 1 and NaN for NaN.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p)) return NaN;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    // Central region 0.075 <= p <= 0.925: a degree-7 rational function in r = 0.425^2 - q^2,
    // evaluated by Estrin's scheme (independent halves the CPU can overlap; Shapiro-Wilk
    // evaluates thousands of these per test).
    const r = 0.180625 - q * q;
    const r2 = r * r;
    const r4 = r2 * r2;
    const num =
      3.3871328727963665 +
      133.14166789178438 * r +
      r2 * (1971.5909503065513 + 13731.69376550946 * r) +
      r4 *
        (45921.95393154987 +
          67265.7709270087 * r +
          r2 * (33430.57558358813 + 2509.0809287301227 * r));
    const den =
      1 +
      42.31333070160091 * r +
      r2 * (687.1870074920579 + 5394.196021424751 * r) +
      r4 *
        (21213.794301586597 +
          39307.89580009271 * r +
          r2 * (28729.085735721943 + 5226.495278852854 * r));
    return (q * num) / den;
  }
  // Tails: rational functions in r = sqrt(-log(min(p, 1 - p))).
  let r = Math.sqrt(-log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_32 = 5.656854249492381;

// Cody's rational approximations (W. J. Cody, "Rational Chebyshev approximations for the error
// function", Math. Comp. 23, 1969), in the arrangement of R's pnorm.c.
const A = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356,
  0.06568233791820745,
];
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  0.000029112874951168793, 0.023073441764940174,
];
const Q = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824,
  0.00007297515550839662,
];

/**
 * The smaller tail of N(0,1) beyond |z|, i.e. P(Z > |z|), by Cody's algorithm: full relative
 * precision down to the smallest doubles (about z = 37.5).
 */
function smallerTail(z: number): number {
  const y = Math.abs(z);
  if (y <= 0.67448975) {
    const xsq = y > 1.11e-16 ? y * y : 0;
    let num = A[4]! * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * xsq;
      den = (den + B[i]!) * xsq;
    }
    return 0.5 - (y * (num + A[3]!)) / (den + B[3]!);
  }
  let rational: number;
  if (y <= SQRT_32) {
    let num = C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    rational = (num + C[7]!) / (den + D[7]!);
  } else {
    const inv = 1 / (y * y);
    let num = P[5]! * inv;
    let den = inv;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * inv;
      den = (den + Q[i]!) * inv;
    }
    rational = (INV_SQRT_2PI - (inv * (num + P[4]!)) / (den + Q[4]!)) / y;
  }
  // exp(-y^2/2) split as exp(-s^2/2) * exp(-(y-s)(y+s)/2) with s = y rounded down to 1/16, so
  // the large exponent is exact and no precision is lost to cancellation.
  const s = Math.trunc(y * 16) / 16;
  const del = (y - s) * (y + s);
  return exp(-s * s * 0.5) * exp(-del * 0.5) * rational;
}

/** Upper tail P(Z > z) of the standard normal distribution. */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const tail = smallerTail(z);
  return z > 0 ? tail : 1 - tail;
}

/** Lower tail P(Z <= z) of the standard normal distribution (its CDF). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const tail = smallerTail(z);
  return z > 0 ? 1 - tail : tail;
}

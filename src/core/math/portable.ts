/**
 * Portable transcendental functions: the same bits on every JavaScript engine.
 *
 * Why by hand: ECMAScript leaves Math.exp, Math.log, Math.sin and friends "implementation-
 * approximated", and they do differ: Node 20 (V8 11.3) and Chromium 156 return different last bits
 * for exp, log, log1p, sin, cos, asin, tanh and pow (measured on 200,000 arguments each). A model
 * trained for thousands of steps amplifies those bits into different weights, so a share link
 * would not reproduce in the CLI. These ports of Sun's fdlibm (the algorithms V8 itself long used,
 * freely redistributable) use only +, -, *, / and sqrt, which IEEE 754 rounds exactly, so every
 * engine computes the same result. Accuracy is within about 1 ulp of the true value in the ranges
 * the simulator uses; libraries that do this (e.g. stdlib's ports) were 2x slower in the training
 * loop and added 50 kB to the worker, which is why these few are written here.
 *
 * sqrt, abs, floor, min and max are exact in IEEE arithmetic and stay as Math.* calls.
 */

// Bit access to a double. Endianness is detected once, so the code runs on any platform. The
// tables are built by pure expressions (marked for the bundler), so a page module that imports
// this file's neighbours without calling it loads none of it.
const scratch = /* @__PURE__ */ new Float64Array(1);
const words = /* @__PURE__ */ new Uint32Array(scratch.buffer);
const HI = /* @__PURE__ */ (() => {
  const probe = new Float64Array([1]);
  return new Uint32Array(probe.buffer)[1] === 0x3ff00000 ? 1 : 0;
})();

/** 2^k for every k in [-1074, 1023], built by exact doubling and halving. */
const POW2 = /* @__PURE__ */ (() => {
  const table = new Float64Array(1023 + 1074 + 1);
  table[1074] = 1;
  for (let k = 1; k <= 1023; k++) table[1074 + k] = table[1074 + k - 1]! * 2;
  for (let k = 1; k <= 1074; k++) table[1074 - k] = table[1074 - k + 1]! * 0.5;
  return table;
})();

/** 2^k for integer k, exact (0 or Infinity outside the double range). */
export function pow2(k: number): number {
  if (k > 1023) return Infinity;
  if (k < -1074) return 0;
  return POW2[k + 1074]!;
}

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.4513321910194110842e2;

/**
 * e^x (fdlibm e_exp.c): x = k ln2 + r with |r| <= ln2/2, then a Remez rational approximation of
 * e^r on that interval, scaled by 2^k.
 */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const ax = Math.abs(x);
  if (ax < 3.725290298461914e-9) return 1 + x; // |x| < 2^-28
  let k = 0;
  let hi = x;
  let lo = 0;
  if (ax > 0.34657359027997264) {
    // |x| > ln2/2: reduce.
    k = ax < 1.0397207708399179 ? (x > 0 ? 1 : -1) : Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  // Scale in two steps near the ends of the range so 2^k itself never overflows or underflows.
  if (k > 1023) return y * 2 * pow2(k - 1);
  if (k < -1021) return y * pow2(k + 1000) * pow2(-1000);
  return y * pow2(k);
}

/**
 * e^x for finite |x| < 700 without the edge checks of `exp` (the same algorithm and bits): the
 * hot path of the network's tanh units, where the argument is already bounded.
 */
function expBounded(x: number): number {
  const ax = x < 0 ? -x : x;
  if (ax < 3.725290298461914e-9) return 1 + x;
  if (ax <= 0.34657359027997264) {
    const t = x * x;
    const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    return 1 - ((x * c) / (c - 2) - x);
  }
  const k = ax < 1.0397207708399179 ? (x > 0 ? 1 : -1) : (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return (1 - (lo - (r * c) / (2 - c) - hi)) * POW2[k + 1074]!;
}

/** |x| beyond which tanh(x) rounds to +-1 in double precision. */
const TANH_SATURATION = 19.061547465398498;

/** Hyperbolic tangent as 1 - 2 / (e^{2x} + 1) with the portable exp (absolute error ~1e-16). */
export function tanh(x: number): number {
  if (x > TANH_SATURATION) return 1;
  if (x < -TANH_SATURATION) return -1;
  if (x !== x) return NaN;
  return 1 - 2 / (expBounded(2 * x) + 1);
}

const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const TWO54 = 1.8014398509481984e16;

/**
 * Natural logarithm (fdlibm e_log.c): x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2), then
 * log(1 + f) = 2s + s R(s^2) with s = f / (2 + f), R a Remez polynomial.
 */
export function log(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    // Subnormal: scale up by 2^54.
    k -= 54;
    x *= TWO54;
  }
  scratch[0] = x;
  let hx = words[HI]!;
  k += (hx >>> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  words[HI] = hx | (i ^ 0x3ff00000); // normalise to x or x/2
  k += i >>> 20;
  const f = scratch[0] - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0
      ? f - (hfsq - s * (hfsq + R))
      : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

/** log(1 + x), accurate for small x (Goldberg 1991, Theorem 4: log(u) * x / (u - 1), u = 1 + x). */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Infinity) return Infinity;
  return (log(u) * x) / (u - 1);
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

/** sin on [-pi/4, pi/4] of x + y (y the tail of the reduced argument), fdlibm k_sin.c. */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos on [-pi/4, pi/4] of x + y, fdlibm k_cos.c. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const hz = 0.5 * z;
  const w = 1 - hz;
  return w + (1 - w - hz + (z * r - x * y));
}

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;

/** The reduced argument of the last `reduce` call, as head + tail (two doubles). */
let reducedHead = 0;
let reducedTail = 0;

/**
 * Cody-Waite reduction x - n pi/2 with pi/2 split in two parts (fdlibm e_rem_pio2.c, first
 * round): accurate to well under an ulp for |x| below about 1e5, which covers every angle the
 * simulator draws. Returns n and leaves the reduced value in reducedHead + reducedTail.
 */
function reduce(x: number): number {
  const n = Math.round(x * INV_PIO2);
  const r = x - n * PIO2_1;
  const w = n * PIO2_1T;
  reducedHead = r - w;
  reducedTail = r - reducedHead - w;
  return n;
}

const PIO4 = 7.85398163397448278999e-1;

/** sine; exact fdlibm kernels after a two-part reduction (see `reduce`). */
export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) <= PIO4) return kernelSin(x, 0);
  const quadrant = reduce(x) & 3;
  const [y0, y1] = [reducedHead, reducedTail];
  if (quadrant === 0) return kernelSin(y0, y1);
  if (quadrant === 1) return kernelCos(y0, y1);
  if (quadrant === 2) return -kernelSin(y0, y1);
  return -kernelCos(y0, y1);
}

/** cosine; see `sin`. */
export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) <= PIO4) return kernelCos(x, 0);
  const quadrant = reduce(x) & 3;
  const [y0, y1] = [reducedHead, reducedTail];
  if (quadrant === 0) return kernelCos(y0, y1);
  if (quadrant === 1) return -kernelSin(y0, y1);
  if (quadrant === 2) return -kernelCos(y0, y1);
  return kernelSin(y0, y1);
}

const PIO2_HI = 1.570796326794896558;
const PIO2_LO = 6.12323399573676603587e-17;
const PS0 = 1.66666666666666657415e-1;
const PS1 = -3.25565818622400915405e-1;
const PS2 = 2.01212532134862925881e-1;
const PS3 = -4.00555345006794114027e-2;
const PS4 = 7.91534994289814532176e-4;
const PS5 = 3.4793310759602116757e-5;
const QS1 = -2.40339491173441421878;
const QS2 = 2.02094576023350569471;
const QS3 = -6.8828397160545329303e-1;
const QS4 = 7.70381505559019352791e-2;

function asinRational(t: number): number {
  const p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
  const q = 1 + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
  return p / q;
}

/** arcsine on [-1, 1] (fdlibm e_asin.c, without its bit-level fine tuning near 1). */
export function asin(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 1)) return NaN;
  if (ax === 1) return x * PIO2_HI + x * PIO2_LO;
  if (ax < 0.5) {
    if (ax < 7.450580596923828e-9) return x; // |x| < 2^-27
    return x + x * asinRational(x * x);
  }
  // asin(x) = pi/2 - 2 asin(sqrt((1 - x) / 2))
  const t = (1 - ax) * 0.5;
  const s = Math.sqrt(t);
  const w = s + s * asinRational(t);
  const result = PIO2_HI - (2 * w - PIO2_LO);
  return x > 0 ? result : -result;
}

/** 10^k for the integers 0..22 (all exactly representable), for rounding to k decimals. */
export function pow10(k: number): number {
  if (!Number.isInteger(k) || k < 0 || k > 22)
    throw new RangeError(`pow10: k must be an integer 0..22 (got ${k})`);
  let result = 1;
  for (let i = 0; i < k; i++) result *= 10;
  return result;
}

/**
 * The portable maths of src/core/math/portable.ts (fdlibm's exp and log, tanh as
 * 1 - 2 / (e^{2x} + 1)), ported to AssemblyScript operation for operation so that the WebAssembly
 * kernels give the very bits of the TypeScript oracle: WebAssembly's f64 +, -, *, / and sqrt are
 * IEEE 754 round-to-nearest, with no fused multiply-add, exactly as JavaScript's are.
 *
 * tanh2 is the two-lane (f64x2) version used by the dense forward pass: the same operations as the
 * scalar code, with the scalar code's branches turned into lane selects. The branches pick among
 * formulas that agree where they meet (see the notes), so selecting lanes reproduces them.
 */

const LN2_HI: f64 = 6.9314718036912381649e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const INV_LN2: f64 = 1.442695040888963387;
const P1: f64 = 1.66666666666666019037e-1;
const P2: f64 = -2.77777777770155933842e-3;
const P3: f64 = 6.61375632143793436117e-5;
const P4: f64 = -1.6533902205465251539e-6;
const P5: f64 = 4.13813679705723846039e-8;
const EXP_OVERFLOW: f64 = 7.09782712893383973096e2;
const EXP_UNDERFLOW: f64 = -7.4513321910194110842e2;
const TANH_SATURATION: f64 = 19.061547465398498;

/** 2^k for -1022 <= k <= 1023, built from its bits (exact, as the oracle's table). */
function pow2Normal(k: i32): f64 {
  return reinterpret<f64>((<u64>(k + 1023)) << 52);
}

/** e^x: fdlibm e_exp.c as `exp` in portable.ts (same reduction, polynomial and scaling). */
export function expPortable(x: f64): f64 {
  if (x != x) return NaN;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const ax = abs<f64>(x);
  if (ax < 3.725290298461914e-9) return 1 + x;
  let k: i32 = 0;
  let hi = x;
  let lo: f64 = 0;
  if (ax > 0.34657359027997264) {
    k =
      ax < 1.0397207708399179
        ? x > 0
          ? 1
          : -1
        : <i32>trunc<f64>(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    hi = x - <f64>k * LN2_HI;
    lo = <f64>k * LN2_LO;
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k > 1023) return y * 2 * pow2Normal(k - 1);
  if (k < -1021) return y * pow2Normal(k + 1000) * pow2Normal(-1000);
  return y * pow2Normal(k);
}

const LG1: f64 = 6.66666666666673513e-1;
const LG2: f64 = 3.999999999940941908e-1;
const LG3: f64 = 2.857142874366239149e-1;
const LG4: f64 = 2.222219843214978396e-1;
const LG5: f64 = 1.818357216161805012e-1;
const LG6: f64 = 1.531383769920937332e-1;
const LG7: f64 = 1.479819860511658591e-1;
const TWO54: f64 = 1.8014398509481984e16;

/** Natural logarithm: fdlibm e_log.c as `log` in portable.ts (its high-word arithmetic in i32). */
export function logPortable(x: f64): f64 {
  if (x != x || x < 0) return NaN;
  if (x == 0) return -Infinity;
  if (x == Infinity) return Infinity;
  let k: i32 = 0;
  if (x < 2.2250738585072014e-308) {
    k -= 54;
    x *= TWO54;
  }
  const bits = reinterpret<u64>(x);
  let hx = <i32>(bits >> 32);
  k += <i32>((<u32>hx) >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  const high = <u64>(<u32>(hx | (i ^ 0x3ff00000)));
  const f = reinterpret<f64>((high << 32) | (bits & 0xffffffff)) - 1;
  k += <i32>((<u32>i) >> 20);
  const dk = <f64>k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0) return k == 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k == 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k == 0
      ? f - (hfsq - s * (hfsq + R))
      : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k == 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

/**
 * e^x of both lanes, for the lanes tanh2 and exp2 use: the operations of expPortable with its
 * branches turned into lane selects. expPortable has three formulas, unified here:
 *   - |x| < 2^-28: 1 + x (selected);
 *   - |x| <= ln2/2: k = 0 and 1 - ((x c)/(c - 2) - x); the reduced formula with k = 0 gives the
 *     same bits: hi = x - 0 = x, lo = 0, r = x, and 1 - (0 - (x c)/(2 - c) - x) negates exactly
 *     the same rounded quotient (IEEE rounding is symmetric: c - 2 = -(2 - c), 0 - q = -q);
 *   - otherwise k = +-1 below 1.5 ln2, else trunc(x / ln2 +- 1/2), times 2^k built from its bits.
 * Lanes where 2^k is not a normal number (x < -708 or x > 709.78...) are wrong here: the callers
 * replace or recompute them. Nothing traps (trunc_sat saturates). Binaryen inlines it: the built
 * module is byte for byte the one the two copies of this block gave.
 */
function expLanes(x: v128): v128 {
  const one = f64x2.splat(1);
  const zero = f64x2.splat(0);
  const ax = f64x2.abs(x);
  const sign = v128.bitselect(one, f64x2.splat(-1), f64x2.gt(x, zero));
  const half = v128.bitselect(f64x2.splat(-0.5), f64x2.splat(0.5), f64x2.lt(x, zero));
  const far = f64x2.trunc(f64x2.add(f64x2.mul(f64x2.splat(INV_LN2), x), half));
  let kf = v128.bitselect(sign, far, f64x2.lt(ax, f64x2.splat(1.0397207708399179)));
  kf = v128.bitselect(zero, kf, f64x2.le(ax, f64x2.splat(0.34657359027997264)));
  const hi = f64x2.sub(x, f64x2.mul(kf, f64x2.splat(LN2_HI)));
  const lo = f64x2.mul(kf, f64x2.splat(LN2_LO));
  const r = f64x2.sub(hi, lo);
  const t = f64x2.mul(r, r);
  let poly = f64x2.add(f64x2.splat(P4), f64x2.mul(t, f64x2.splat(P5)));
  poly = f64x2.add(f64x2.splat(P3), f64x2.mul(t, poly));
  poly = f64x2.add(f64x2.splat(P2), f64x2.mul(t, poly));
  poly = f64x2.add(f64x2.splat(P1), f64x2.mul(t, poly));
  const c = f64x2.sub(r, f64x2.mul(t, poly));
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2), c));
  const y = f64x2.sub(one, f64x2.sub(f64x2.sub(lo, q), hi));
  const k64 = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(kf));
  const scale = i64x2.shl(i64x2.add(k64, i64x2.splat(1023)), 52);
  const e = f64x2.mul(y, scale);
  return v128.bitselect(f64x2.add(one, x), e, f64x2.lt(ax, f64x2.splat(3.725290298461914e-9)));
}

/**
 * tanh of both lanes: 1 - 2 / (e^{2x} + 1) with e^{2x} as portable.ts's expBounded (expLanes),
 * lane by lane bit-identical to the scalar `tanh`. Saturated lanes (|x| > 19.06...) are replaced
 * by +-1 afterwards, so their e^{2x} (possibly wrong) only feeds a discarded lane.
 */
export function tanh2(x: v128): v128 {
  const one = f64x2.splat(1);
  const e = expLanes(f64x2.mul(f64x2.splat(2), x));
  let out = f64x2.sub(one, f64x2.div(f64x2.splat(2), f64x2.add(e, one)));
  out = v128.bitselect(one, out, f64x2.gt(x, f64x2.splat(TANH_SATURATION)));
  out = v128.bitselect(f64x2.splat(-1), out, f64x2.lt(x, f64x2.splat(-TANH_SATURATION)));
  return out;
}

/**
 * e^x of both lanes for x <= -0 or x > -708 (the softmax's shifted logits x = z - max <= 0): the
 * operations of expPortable as tanh2 computes them (expLanes). Lanes below -745.13... give 0 as
 * there; lanes below -708 (where expPortable scales by 2^k in two steps) and lanes above 0 are not
 * handled: the caller recomputes them with expPortable (`exp2Exact` tells which).
 */
export function exp2(x: v128): v128 {
  return v128.bitselect(f64x2.splat(0), expLanes(x), f64x2.lt(x, f64x2.splat(EXP_UNDERFLOW)));
}

/** Lanes exp2 computes as expPortable does: -708 <= x <= 0 or x < -745.13... (or NaN: none). */
export function exp2Exact(x: v128): bool {
  const inside = v128.and(f64x2.ge(x, f64x2.splat(-708)), f64x2.le(x, f64x2.splat(0)));
  return v128.all_true<i64>(v128.or(inside, f64x2.lt(x, f64x2.splat(EXP_UNDERFLOW))));
}

/**
 * The chat model's softmax and decoding step (assembly/lm.ts): exponentials two lanes at a time
 * (portable.ts exp2, expPortable for the lanes it does not cover), summed one by one in order.
 */
import { at, f64At } from './lm-memory';
import { exp2, exp2Exact, expPortable, logPortable } from './portable';

/** e^x of both lanes as expPortable (exp2, with expPortable for the lanes it does not cover). */
function expLanes(x: v128): v128 {
  const e = exp2(x);
  if (exp2Exact(x)) return e;
  return f64x2.replace_lane(
    f64x2.replace_lane(e, 0, expPortable(f64x2.extract_lane(x, 0))),
    1,
    expPortable(f64x2.extract_lane(x, 1)),
  );
}

/**
 * e^x of n (even) doubles at `values` in place, as the softmax computes them: for the tests of exp2.
 */
export function lmExpInPlace(values: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) v128.store(at(values, i), expLanes(v128.load(at(values, i))));
}

/**
 * Softmax of the V logits at `z` into probs, as softmaxInto in models/mlp.ts (max shift, the
 * degenerate cases included); returns the log-sum-exp.
 */
export function softmax(z: usize, V: i32, probs: usize): f64 {
  let max = -Infinity;
  for (let k = 0; k < V; k++) {
    const x = f64At(z, k);
    if (x > max) max = x;
  }
  if (max == Infinity || max == -Infinity) {
    const all = max == -Infinity;
    let ties = 0;
    for (let k = 0; k < V; k++) if (all || f64At(z, k) == max) ties++;
    for (let k = 0; k < V; k++) {
      store<f64>(at(probs, k), all || f64At(z, k) == max ? 1 / <f64>ties : 0);
    }
    return max;
  }
  // two exponentials at a time, added to the sum one by one in k order
  let sum: f64 = 0;
  const shift = f64x2.splat(max);
  let k = 0;
  for (; k + 1 < V; k += 2) {
    const zk = v128.load(at(z, k));
    const x = f64x2.sub(zk, shift);
    // a NaN logit counts 0, as the oracle's `v !== v ? 0 : exp(v - max)`
    const e = v128.bitselect(f64x2.splat(0), expLanes(x), f64x2.ne(zk, zk));
    v128.store(at(probs, k), e);
    sum += f64x2.extract_lane(e, 0);
    sum += f64x2.extract_lane(e, 1);
  }
  for (; k < V; k++) {
    const x = f64At(z, k);
    const e = x != x ? 0 : expPortable(x - max);
    store<f64>(at(probs, k), e);
    sum += e;
  }
  const inv = 1 / sum;
  const scale = f64x2.splat(inv);
  k = 0;
  for (; k + 1 < V; k += 2) v128.store(at(probs, k), f64x2.mul(v128.load(at(probs, k)), scale));
  if (k < V) store<f64>(at(probs, k), f64At(probs, k) * inv);
  return max + logPortable(sum);
}

/**
 * One sampling step of decode (src/core/scenarios/chat/generate.ts) at temperature 1 / inv:
 * logSoftmaxAtTemperature of the V logits at `z` into out (log p_T(v) = (z_v - max) inv - lse, lse
 * = log sum_u e^{(z_u - max) inv}), then sampleFromLog with the uniform u (the first v whose
 * cumulative sum of e^{out_v} exceeds u, else the last). Returns the token.
 */
export function lmSample(z: usize, V: i32, inv: f64, u: f64, out: usize): i32 {
  let max = -Infinity;
  for (let v = 0; v < V; v++) {
    const x = f64At(z, v);
    if (x > max) max = x;
  }
  const shift = f64x2.splat(max);
  const scale = f64x2.splat(inv);
  let sum: f64 = 0;
  let v = 0;
  for (; v + 1 < V; v += 2) {
    const x = f64x2.mul(f64x2.sub(v128.load(at(z, v)), shift), scale);
    v128.store(at(out, v), x);
    const e = expLanes(x);
    sum += f64x2.extract_lane(e, 0);
    sum += f64x2.extract_lane(e, 1);
  }
  for (; v < V; v++) {
    const x = (f64At(z, v) - max) * inv;
    store<f64>(at(out, v), x);
    sum += expPortable(x);
  }
  const lse = logPortable(sum);
  const minus = f64x2.splat(lse);
  v = 0;
  for (; v + 1 < V; v += 2) v128.store(at(out, v), f64x2.sub(v128.load(at(out, v)), minus));
  if (v < V) store<f64>(at(out, v), f64At(out, v) - lse);
  // the inverse CDF, exponentials two at a time, added one by one
  const last = V - 1;
  let cumulative: f64 = 0;
  v = 0;
  for (; v + 1 < last; v += 2) {
    const e = expLanes(v128.load(at(out, v)));
    cumulative += f64x2.extract_lane(e, 0);
    if (u < cumulative) return v;
    cumulative += f64x2.extract_lane(e, 1);
    if (u < cumulative) return v + 1;
  }
  for (; v < last; v++) {
    cumulative += expPortable(f64At(out, v));
    if (u < cumulative) return v;
  }
  return last;
}

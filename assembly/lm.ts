/**
 * WebAssembly (128-bit SIMD, f64x2) kernels of the chat scenario's window language model
 * (src/core/scenarios/chat/lm.ts, WindowLm): the forward pass of a batch of windows (the per-position
 * input-table gather, the hidden layer, tanh or ReLU, the output logits), the batch gradient of the
 * softmax cross-entropy against hard tokens or soft targets (train.ts), and the Adam step that also
 * clears the gradient for the next batch. src/core/scenarios/chat/lmKernels.ts drives them.
 *
 * Same bits as the TypeScript oracle: every sum keeps the oracle's order and the two lanes of a
 * vector always carry two independent sums, never added to each other:
 *   - hidden, z_h = b_h + E[0][c_0][h] + .. + E[W-1][c_{W-1}][h]: lanes are units h, h+1 (adjacent in
 *     a table row), positions added in order; activations stored row-major ("act", Hp per row,
 *     Hp = H rounded up to even) and again by pairs of rows ("pairs": rows 2q, 2q+1 of unit h at
 *     pairs + (q H + h) 2);
 *   - logits, z_v = b_v + sum_h U[v][h] a_h, h in order: lanes are two rows of the batch;
 *   - output weight gradient, sum_b delta_b[v] a_b[h] over the batch's rows in order from 0: lanes
 *     are units h, h+1;
 *   - hidden error, dA_h = sum over v in blocks of four of (((d0 U0h + d1 U1h) + d2 U2h) + d3 U3h),
 *     then the remaining v one by one (the oracle's unrolled loop): lanes are units h, h+1;
 *   - input tables, grad E[p][c_p] += dZ for each row then position in order (grad starts at 0).
 * An odd H leaves a padding lane; it computes throw-away values that are never stored where a
 * parameter or gradient lives (odd tails are stored one lane at a time). No fused multiply-add, no
 * relaxed SIMD: Node and every browser run the same module and get the same bits.
 *
 * Shapes: V tokens, W window positions, H hidden units; params as lm.ts (tables [W][V][H] at 0,
 * hidden bias [H], output weights [V][H], output bias [V]), padded by two doubles. Pointers are
 * byte addresses in this module's memory; windows and example indices are i32.
 */
import { exp2, exp2Exact, expPortable, logPortable, tanh2 } from './portable';

function at(base: usize, index: i32): usize {
  return base + ((<usize>index) << 3);
}

function f64At(base: usize, index: i32): f64 {
  return load<f64>(base + ((<usize>index) << 3));
}

function i32At(base: usize, index: i32): i32 {
  return load<i32>(base + ((<usize>index) << 2));
}

/**
 * Hidden activations of `rows` windows: row r's window is the W ids at windows + (index ? index[r]
 * : r) * W. Fills act (row-major, Hp per row) and pairs (see the header; an odd last row is paired
 * with a row of zeros).
 */
function hiddenLayer(
  params: usize,
  V: i32,
  W: i32,
  H: i32,
  relu: bool,
  windows: usize,
  index: usize,
  rows: i32,
  act: usize,
  pairs: usize,
): void {
  const Hp = H + (H & 1);
  const bias = at(params, W * V * H);
  const zero = f64x2.splat(0);
  for (let r = 0; r < rows; r++) {
    const window = windows + ((<usize>((index != 0 ? i32At(index, r) : r) * W)) << 2);
    const out = at(act, r * Hp);
    for (let h = 0; h < Hp; h += 2) {
      let z = v128.load(at(bias, h));
      for (let p = 0; p < W; p++) {
        const row = (p * V + i32At(window, p)) * H;
        z = f64x2.add(z, v128.load(at(params, row + h)));
      }
      // relu: z > 0 ? z : 0 (NaN and -0 give +0, as the oracle's comparison does)
      v128.store(at(out, h), relu ? v128.bitselect(z, zero, f64x2.gt(z, zero)) : tanh2(z));
    }
  }
  if (rows & 1) {
    const out = at(act, rows * Hp);
    for (let h = 0; h < Hp; h += 2) v128.store(at(out, h), zero);
  }
  for (let q = 0; q < (rows + 1) >> 1; q++) {
    const a0 = at(act, 2 * q * Hp);
    const a1 = at(a0, Hp);
    const o = at(pairs, 2 * q * H);
    let h = 0;
    for (; h + 1 < H; h += 2) {
      const x = v128.load(at(a0, h));
      const y = v128.load(at(a1, h));
      v128.store(at(o, 2 * h), f64x2.shuffle(x, y, 0, 2));
      v128.store(at(o, 2 * h + 2), f64x2.shuffle(x, y, 1, 3));
    }
    if (h < H) {
      v128.store(at(o, 2 * h), f64x2.replace_lane(f64x2.splat(f64At(a0, h)), 1, f64At(a1, h)));
    }
  }
}

/** Logits of `rows` rows (row-major, V per row) from the pairs layout, two rows per lane pair. */
function outputLayer(
  params: usize,
  V: i32,
  W: i32,
  H: i32,
  pairs: usize,
  rows: i32,
  logits: usize,
): void {
  const weights = at(params, W * V * H + H);
  const biases = at(weights, V * H);
  const pairCount = (rows + 1) >> 1;
  const pairBytes = (<usize>H) << 4;
  for (let q = 0; q < pairCount; q++) {
    const a = pairs + <usize>q * pairBytes;
    const out0 = at(logits, 2 * q * V);
    const out1 = at(out0, V);
    let v = 0;
    for (; v + 3 < V; v += 4) {
      const w0 = at(weights, v * H);
      const w1 = at(w0, H);
      const w2 = at(w1, H);
      const w3 = at(w2, H);
      let z0 = v128.load64_splat(at(biases, v));
      let z1 = v128.load64_splat(at(biases, v + 1));
      let z2 = v128.load64_splat(at(biases, v + 2));
      let z3 = v128.load64_splat(at(biases, v + 3));
      for (let h = 0; h < H; h++) {
        const x = v128.load(a + ((<usize>h) << 4));
        const o = (<usize>h) << 3;
        z0 = f64x2.add(z0, f64x2.mul(v128.load64_splat(w0 + o), x));
        z1 = f64x2.add(z1, f64x2.mul(v128.load64_splat(w1 + o), x));
        z2 = f64x2.add(z2, f64x2.mul(v128.load64_splat(w2 + o), x));
        z3 = f64x2.add(z3, f64x2.mul(v128.load64_splat(w3 + o), x));
      }
      store<f64>(at(out0, v), f64x2.extract_lane(z0, 0));
      store<f64>(at(out0, v + 1), f64x2.extract_lane(z1, 0));
      store<f64>(at(out0, v + 2), f64x2.extract_lane(z2, 0));
      store<f64>(at(out0, v + 3), f64x2.extract_lane(z3, 0));
      store<f64>(at(out1, v), f64x2.extract_lane(z0, 1));
      store<f64>(at(out1, v + 1), f64x2.extract_lane(z1, 1));
      store<f64>(at(out1, v + 2), f64x2.extract_lane(z2, 1));
      store<f64>(at(out1, v + 3), f64x2.extract_lane(z3, 1));
    }
    for (; v < V; v++) {
      const w = at(weights, v * H);
      let z = v128.load64_splat(at(biases, v));
      for (let h = 0; h < H; h++) {
        z = f64x2.add(
          z,
          f64x2.mul(v128.load64_splat(w + ((<usize>h) << 3)), v128.load(a + ((<usize>h) << 4))),
        );
      }
      store<f64>(at(out0, v), f64x2.extract_lane(z, 0));
      store<f64>(at(out1, v), f64x2.extract_lane(z, 1));
    }
  }
}

/**
 * Logits of one window (W ids at `window`) into logits (V): as lmForward for one row, but with the
 * output layer's lanes on two tokens v, v+1 (no throw-away lane): `transposed` holds the output
 * weights as [H][Vp] (Vp = V rounded up to even, padding 0), so z_v = b_v + sum_h U[v][h] a_h keeps
 * its h order in each lane. act: Hp doubles.
 */
export function lmForwardOne(
  params: usize,
  transposed: usize,
  V: i32,
  W: i32,
  H: i32,
  relu: bool,
  window: usize,
  act: usize,
  logits: usize,
): void {
  const Hp = H + (H & 1);
  const Vp = V + (V & 1);
  const bias = at(params, W * V * H);
  const zero = f64x2.splat(0);
  for (let h = 0; h < Hp; h += 2) {
    let z = v128.load(at(bias, h));
    for (let p = 0; p < W; p++) {
      z = f64x2.add(z, v128.load(at(params, (p * V + i32At(window, p)) * H + h)));
    }
    v128.store(at(act, h), relu ? v128.bitselect(z, zero, f64x2.gt(z, zero)) : tanh2(z));
  }
  const biases = at(params, W * V * H + H + V * H);
  const rowBytes = (<usize>Vp) << 3;
  let v = 0;
  // eight tokens per pass over the hidden units: each a_h is loaded once for the eight
  for (; v + 7 < V; v += 8) {
    let z0 = v128.load(at(biases, v));
    let z1 = v128.load(at(biases, v + 2));
    let z2 = v128.load(at(biases, v + 4));
    let z3 = v128.load(at(biases, v + 6));
    let w = at(transposed, v);
    for (let h = 0; h < H; h++) {
      const a = v128.load64_splat(at(act, h));
      z0 = f64x2.add(z0, f64x2.mul(v128.load(w), a));
      z1 = f64x2.add(z1, f64x2.mul(v128.load(w, 16), a));
      z2 = f64x2.add(z2, f64x2.mul(v128.load(w, 32), a));
      z3 = f64x2.add(z3, f64x2.mul(v128.load(w, 48), a));
      w += rowBytes;
    }
    v128.store(at(logits, v), z0);
    v128.store(at(logits, v + 2), z1);
    v128.store(at(logits, v + 4), z2);
    v128.store(at(logits, v + 6), z3);
  }
  for (; v < V; v += 2) {
    // an odd V: the bias pair reads the padding after the parameters, its lane is not stored
    let z = v128.load(at(biases, v));
    let w = at(transposed, v);
    for (let h = 0; h < H; h++) {
      z = f64x2.add(z, f64x2.mul(v128.load(w), v128.load64_splat(at(act, h))));
      w += rowBytes;
    }
    if (v + 1 < V) v128.store(at(logits, v), z);
    else store<f64>(at(logits, v), f64x2.extract_lane(z, 0));
  }
}

/**
 * Logits of `rows` windows (windows: rows x W ids, row-major) into logits (rows (+1 if odd) x V,
 * row-major): WindowLm.forwardLogits for each window. act: (rows + 1) x Hp doubles; pairs:
 * (rows + 1) x H doubles.
 */
export function lmForward(
  params: usize,
  V: i32,
  W: i32,
  H: i32,
  relu: bool,
  windows: usize,
  rows: i32,
  act: usize,
  pairs: usize,
  logits: usize,
): void {
  hiddenLayer(params, V, W, H, relu, windows, 0, rows, act, pairs);
  outputLayer(params, V, W, H, pairs, rows, logits);
}

/**
 * e^x of n (even) doubles at `values` in place, as the softmax computes them (exp2, and expPortable
 * where exp2 does not cover a lane): for the tests of exp2.
 */
export function lmExpInPlace(values: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    const x = v128.load(at(values, i));
    let e = exp2(x);
    if (!exp2Exact(x)) {
      e = f64x2.replace_lane(e, 0, expPortable(f64x2.extract_lane(x, 0)));
      e = f64x2.replace_lane(e, 1, expPortable(f64x2.extract_lane(x, 1)));
    }
    v128.store(at(values, i), e);
  }
}

/**
 * Softmax of the V logits at `z` into probs, as softmaxInto in models/mlp.ts (max shift, the
 * degenerate cases included); returns the log-sum-exp.
 */
function softmax(z: usize, V: i32, probs: usize): f64 {
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
  // two exponentials at a time (exp2: expPortable's operations in lanes), added to the sum one by
  // one in k order; a lane exp2 does not cover (below -708) is recomputed by expPortable
  let sum: f64 = 0;
  const shift = f64x2.splat(max);
  let k = 0;
  for (; k + 1 < V; k += 2) {
    const zk = v128.load(at(z, k));
    const x = f64x2.sub(zk, shift);
    let e = exp2(x);
    if (!exp2Exact(x)) {
      e = f64x2.replace_lane(e, 0, expPortable(f64x2.extract_lane(x, 0)));
      e = f64x2.replace_lane(e, 1, expPortable(f64x2.extract_lane(x, 1)));
    }
    // a NaN logit counts 0, as the oracle's `v !== v ? 0 : exp(v - max)`
    e = v128.bitselect(f64x2.splat(0), e, f64x2.ne(zk, zk));
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
 * Per row: the softmax, the loss and the output error delta = p - t (Vp per row), as exampleLoss in
 * train.ts. Hard targets (targets == 0): E = lse - z_token; soft: E = -sum_{t_v != 0} t_v (z_v - lse).
 */
function outputErrors(
  V: i32,
  tokens: usize,
  targets: usize,
  batch: usize,
  rows: i32,
  logits: usize,
  delta: usize,
  probs: usize,
  losses: usize,
): void {
  const Vp = V + (V & 1);
  for (let r = 0; r < rows; r++) {
    const example = i32At(batch, r);
    const z = at(logits, r * V);
    const lse = softmax(z, V, probs);
    const d = at(delta, r * Vp);
    if (targets == 0) {
      const token = i32At(tokens, example);
      for (let v = 0; v < V; v++) store<f64>(at(d, v), f64At(probs, v));
      store<f64>(at(d, token), f64At(d, token) - 1);
      store<f64>(at(losses, r), lse - f64At(z, token));
    } else {
      const t = at(targets, example * V);
      let loss: f64 = 0;
      for (let v = 0; v < V; v++) {
        const tv = f64At(t, v);
        if (tv != 0) loss -= tv * (f64At(z, v) - lse);
        store<f64>(at(d, v), f64At(probs, v) - tv);
      }
      store<f64>(at(losses, r), loss);
    }
    if (V & 1) store<f64>(at(d, V), 0);
  }
}

/**
 * grad (which must be 0 on entry, as lmAdamStep leaves it) += the summed dLoss/dparams of the batch:
 * the examples batch[0 .. rows) (i32 indices into contexts (W ids each), tokens and, when soft,
 * targets (V each); targets 0 for hard targets). Per-example losses go to losses[0 .. rows).
 * Scratch: act, pairs, dz ((rows + 1) x Hp doubles each), logits ((rows + 1) x V), delta
 * (rows x Vp), probs (V).
 */
export function lmGradient(
  params: usize,
  grad: usize,
  V: i32,
  W: i32,
  H: i32,
  relu: bool,
  contexts: usize,
  tokens: usize,
  targets: usize,
  batch: usize,
  rows: i32,
  act: usize,
  pairs: usize,
  logits: usize,
  delta: usize,
  dz: usize,
  probs: usize,
  losses: usize,
): void {
  hiddenLayer(params, V, W, H, relu, contexts, batch, rows, act, pairs);
  outputLayer(params, V, W, H, pairs, rows, logits);
  outputErrors(V, tokens, targets, batch, rows, logits, delta, probs, losses);
  const Hp = H + (H & 1);
  const hiddenBias = W * V * H;
  const outWeight = hiddenBias + H;
  const outBias = outWeight + V * H;
  outputGradient(grad, V, H, outWeight, outBias, act, delta, rows);
  hiddenErrors(params, V, H, outWeight, relu, act, delta, dz, rows);
  // hidden bias: sum over rows in order; input tables: += per row, then position, in order
  const zero = f64x2.splat(0);
  let h = 0;
  for (; h + 1 < H; h += 2) {
    let s = zero;
    for (let r = 0; r < rows; r++) s = f64x2.add(s, v128.load(at(dz, r * Hp + h)));
    v128.store(at(grad, hiddenBias + h), s);
  }
  if (h < H) {
    let s: f64 = 0;
    for (let r = 0; r < rows; r++) s += f64At(dz, r * Hp + h);
    store<f64>(at(grad, hiddenBias + h), s);
  }
  for (let r = 0; r < rows; r++) {
    const window = contexts + ((<usize>(i32At(batch, r) * W)) << 2);
    const e = at(dz, r * Hp);
    for (let p = 0; p < W; p++) {
      const row = at(grad, (p * V + i32At(window, p)) * H);
      let k = 0;
      for (; k + 1 < H; k += 2) {
        const g = at(row, k);
        v128.store(g, f64x2.add(v128.load(g), v128.load(at(e, k))));
      }
      if (k < H) store<f64>(at(row, k), f64At(row, k) + f64At(e, k));
    }
  }
}

/** grad U[v][h] = sum_r delta_r[v] a_r[h], grad c_v = sum_r delta_r[v] (rows in order, from 0). */
function outputGradient(
  grad: usize,
  V: i32,
  H: i32,
  outWeight: i32,
  outBias: i32,
  act: usize,
  delta: usize,
  rows: i32,
): void {
  const Hp = H + (H & 1);
  const Vp = V + (V & 1);
  const zero = f64x2.splat(0);
  const actRow = (<usize>Hp) << 3;
  const deltaRow = (<usize>Vp) << 3;
  // biases: lanes v, v+1; the padding lane of an odd V lands in the buffer's padding
  for (let v = 0; v < V; v += 2) {
    let s = zero;
    for (let r = 0; r < rows; r++) s = f64x2.add(s, v128.load(at(delta, r * Vp + v)));
    v128.store(at(grad, outBias + v), s);
  }
  for (let v = 0; v < V; v++) {
    const g = at(grad, outWeight + v * H);
    const d = at(delta, v);
    let h = 0;
    // four unit pairs per pass over the rows: each error is loaded once for eight units
    for (; h + 7 < H; h += 8) {
      let s0 = zero;
      let s1 = zero;
      let s2 = zero;
      let s3 = zero;
      let a = at(act, h);
      let e = d;
      for (let r = 0; r < rows; r++) {
        const x = v128.load64_splat(e);
        s0 = f64x2.add(s0, f64x2.mul(x, v128.load(a)));
        s1 = f64x2.add(s1, f64x2.mul(x, v128.load(a, 16)));
        s2 = f64x2.add(s2, f64x2.mul(x, v128.load(a, 32)));
        s3 = f64x2.add(s3, f64x2.mul(x, v128.load(a, 48)));
        a += actRow;
        e += deltaRow;
      }
      v128.store(at(g, h), s0);
      v128.store(at(g, h), s1, 16);
      v128.store(at(g, h), s2, 32);
      v128.store(at(g, h), s3, 48);
    }
    for (; h < H; h += 2) {
      let s = zero;
      let a = at(act, h);
      let e = d;
      for (let r = 0; r < rows; r++) {
        s = f64x2.add(s, f64x2.mul(v128.load64_splat(e), v128.load(a)));
        a += actRow;
        e += deltaRow;
      }
      if (h + 1 < H) v128.store(at(g, h), s);
      else store<f64>(at(g, h), f64x2.extract_lane(s, 0));
    }
  }
}

/**
 * dz_r[h] = f'(a_r[h]) dA_r[h] with dA_r[h] summed over v as the oracle's backward (see the header);
 * f' = [a > 0] for ReLU, 1 - a^2 for tanh.
 */
function hiddenErrors(
  params: usize,
  V: i32,
  H: i32,
  outWeight: i32,
  relu: bool,
  act: usize,
  delta: usize,
  dz: usize,
  rows: i32,
): void {
  const Hp = H + (H & 1);
  const Vp = V + (V & 1);
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const weights = at(params, outWeight);
  const rowBytes = (<usize>H) << 3;
  for (let r = 0; r < rows; r++) {
    const d = at(delta, r * Vp);
    const a = at(act, r * Hp);
    const out = at(dz, r * Hp);
    let h = 0;
    for (; h + 3 < Hp; h += 4) {
      let s0 = zero;
      let s1 = zero;
      let w = at(weights, h);
      let v = 0;
      for (; v + 3 < V; v += 4) {
        const d0 = v128.load64_splat(at(d, v));
        const d1 = v128.load64_splat(at(d, v + 1));
        const d2 = v128.load64_splat(at(d, v + 2));
        const d3 = v128.load64_splat(at(d, v + 3));
        const w1 = w + rowBytes;
        const w2 = w1 + rowBytes;
        const w3 = w2 + rowBytes;
        let t0 = f64x2.add(f64x2.mul(d0, v128.load(w)), f64x2.mul(d1, v128.load(w1)));
        let t1 = f64x2.add(f64x2.mul(d0, v128.load(w, 16)), f64x2.mul(d1, v128.load(w1, 16)));
        t0 = f64x2.add(t0, f64x2.mul(d2, v128.load(w2)));
        t1 = f64x2.add(t1, f64x2.mul(d2, v128.load(w2, 16)));
        t0 = f64x2.add(t0, f64x2.mul(d3, v128.load(w3)));
        t1 = f64x2.add(t1, f64x2.mul(d3, v128.load(w3, 16)));
        s0 = f64x2.add(s0, t0);
        s1 = f64x2.add(s1, t1);
        w = w3 + rowBytes;
      }
      for (; v < V; v++) {
        const dv = v128.load64_splat(at(d, v));
        s0 = f64x2.add(s0, f64x2.mul(dv, v128.load(w)));
        s1 = f64x2.add(s1, f64x2.mul(dv, v128.load(w, 16)));
        w += rowBytes;
      }
      v128.store(at(out, h), derivative(v128.load(at(a, h)), s0, relu, zero, one));
      v128.store(at(out, h + 2), derivative(v128.load(at(a, h + 2)), s1, relu, zero, one));
    }
    for (; h < Hp; h += 2) {
      let s = zero;
      let w = at(weights, h);
      let v = 0;
      for (; v + 3 < V; v += 4) {
        const w1 = w + rowBytes;
        const w2 = w1 + rowBytes;
        const w3 = w2 + rowBytes;
        let t = f64x2.add(
          f64x2.mul(v128.load64_splat(at(d, v)), v128.load(w)),
          f64x2.mul(v128.load64_splat(at(d, v + 1)), v128.load(w1)),
        );
        t = f64x2.add(t, f64x2.mul(v128.load64_splat(at(d, v + 2)), v128.load(w2)));
        t = f64x2.add(t, f64x2.mul(v128.load64_splat(at(d, v + 3)), v128.load(w3)));
        s = f64x2.add(s, t);
        w = w3 + rowBytes;
      }
      for (; v < V; v++) {
        s = f64x2.add(s, f64x2.mul(v128.load64_splat(at(d, v)), v128.load(w)));
        w += rowBytes;
      }
      v128.store(at(out, h), derivative(v128.load(at(a, h)), s, relu, zero, one));
    }
  }
}

function derivative(a: v128, s: v128, relu: bool, zero: v128, one: v128): v128 {
  // relu: a > 0 ? dA : 0; tanh: (1 - a a) dA
  return relu
    ? v128.bitselect(s, zero, f64x2.gt(a, zero))
    : f64x2.mul(f64x2.sub(one, f64x2.mul(a, a)), s);
}

/**
 * Adam as Adam.step in models/optimizer.ts without weight decay (g = scale gradSum + 0), and grad
 * set to 0 afterwards for the next batch. n parameters, buffers padded to even.
 */
export function lmAdamStep(
  params: usize,
  grad: usize,
  m: usize,
  v: usize,
  n: i32,
  scale: f64,
  rate: f64,
  beta1: f64,
  beta2: f64,
  epsilon: f64,
  correct1: f64,
  correct2: f64,
): void {
  const s = f64x2.splat(scale);
  const b1 = f64x2.splat(beta1);
  const b2 = f64x2.splat(beta2);
  const c1 = f64x2.splat(1 - beta1);
  const c2 = f64x2.splat(1 - beta2);
  const lr = f64x2.splat(rate);
  const k1 = f64x2.splat(correct1);
  const k2 = f64x2.splat(correct2);
  const eps = f64x2.splat(epsilon);
  const zero = f64x2.splat(0);
  for (let i = 0; i < n; i += 2) {
    const p = at(params, i);
    const gp = at(grad, i);
    const theta = v128.load(p);
    // the oracle adds 0 for "no decay": -0 + 0 = +0, so keep the addition
    const g = f64x2.add(f64x2.mul(s, v128.load(gp)), zero);
    v128.store(gp, zero);
    const mi = f64x2.add(f64x2.mul(b1, v128.load(at(m, i))), f64x2.mul(c1, g));
    const vi = f64x2.add(f64x2.mul(b2, v128.load(at(v, i))), f64x2.mul(f64x2.mul(c2, g), g));
    v128.store(at(m, i), mi);
    v128.store(at(v, i), vi);
    const step = f64x2.div(
      f64x2.mul(f64x2.mul(lr, mi), k1),
      f64x2.add(f64x2.sqrt(f64x2.mul(vi, k2)), eps),
    );
    v128.store(p, f64x2.sub(theta, step));
  }
}

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

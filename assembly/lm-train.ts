/**
 * The chat model's batch gradient and Adam step (assembly/lm.ts has the sums' order and shapes).
 */
import { hiddenLayer, outputLayer } from './lm-forward';
import { at, f64At, i32At } from './lm-memory';
import { softmax } from './lm-softmax';

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

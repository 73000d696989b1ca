/**
 * The chat model's forward pass (assembly/lm.ts has the sums' order and the shapes): the hidden
 * layer of a batch of windows, the logits with lanes on two rows, and one window's logits with
 * lanes on two tokens.
 */
import { at, f64At, i32At } from './lm-memory';
import { tanh2 } from './portable';

/**
 * Hidden activations of `rows` windows: row r's window is the W ids at windows + (index ? index[r]
 * : r) * W. Fills act (row-major, Hp per row) and pairs (see the header; an odd last row is paired
 * with a row of zeros).
 */
export function hiddenLayer(
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
export function outputLayer(
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

/**
 * WebAssembly (128-bit SIMD, f64x2) kernels of the trainer's hot loop: the batch gradient of
 * src/core/models/backprop.ts (dense forward, softmax cross-entropy, hidden errors, weight sums)
 * and the SGD and Adam steps of src/core/models/optimizer.ts. Compiled from this source by
 * AssemblyScript (scripts/build-wasm.mjs); src/core/models/kernels.ts drives it.
 *
 * Same bits as the TypeScript oracle: every sum keeps the oracle's order. The two lanes of a
 * vector are never added to each other; they carry two independent sums:
 *   - forward, z_j(r) = b_j + sum_i W[j][i] a_i(r): lanes are two rows r, r+1 of the batch, the
 *     sum runs over i in order, so activations are stored unit-major ("act": unit u of the batch
 *     at act + (unitOffset[l] + u) * cap + r, cap = the batch capacity, even);
 *   - hidden errors, delta_l[i](r) = f'(a_l[i](r)) sum_j W[j][i] delta_{l+1}[j](r): lanes are two
 *     units i, i+1 (adjacent in W's rows), the sum runs over j in order;
 *   - weight gradient, sum_r delta_{l+1}[j](r) a_l[i](r): lanes are two units j, j+1, the sum runs
 *     over the batch's rows in order. So errors are stored by unit pairs ("delta": the pair
 *     (j, j+1) of row r at delta + dOff[l] + (j/2) 2 cap + 2 r), units padded to an even count.
 * Lanes that fall on padding (an odd layer size, an odd last batch) compute throw-away values
 * that are never stored where a result is read. No fused multiply-add, no relaxed SIMD: Node and
 * every browser run the same module and get the same bits.
 *
 * The layer table `cfg` (i32 words, written by kernels.ts): [0] weight layers L, [1] 1 for ReLU
 * units, [2] cap, [3] classes, then from word 8 in blocks of MAX_LAYERS: sizes[0..L],
 * weightOffset[0..L), biasOffset[0..L) (in doubles of params), actOffset[0..L] (doubles of act),
 * deltaOffset[0..L] (doubles of delta). All pointers are byte addresses in this module's memory.
 */
import { expPortable, logPortable, tanh2 } from './portable';

const MAX_LAYERS = 16;
const SIZES = 8;
const W_OFF = SIZES + MAX_LAYERS;
const B_OFF = W_OFF + MAX_LAYERS;
const A_OFF = B_OFF + MAX_LAYERS;
const D_OFF = A_OFF + MAX_LAYERS;

function word(cfg: usize, index: i32): i32 {
  return load<i32>(cfg + ((<usize>index) << 2));
}

function f64At(base: usize, index: i32): f64 {
  return load<f64>(base + ((<usize>index) << 3));
}

function addr(base: usize, index: i32): usize {
  return base + ((<usize>index) << 3);
}

/** The first free byte after the module's own data: kernels.ts lays its buffers out from here. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * Writes into grad the sum over the rows order[start .. end) of dE/dparams (E the cross-entropy
 * against the soft targets, classes per row) and returns the summed E: BatchBackprop.gradient.
 * `inputs` row-major (sizes[0] per row); `order` u32 row indices; `probs` scratch (classes).
 */
export function gradient(
  cfg: usize,
  params: usize,
  grad: usize,
  inputs: usize,
  targets: usize,
  order: usize,
  start: i32,
  end: i32,
  act: usize,
  delta: usize,
  probs: usize,
): f64 {
  const layers = word(cfg, 0);
  const relu = word(cfg, 1) != 0;
  const cap = word(cfg, 2);
  const rows = end - start;
  const pairs = (rows + 1) >> 1;
  const dims = word(cfg, SIZES);
  // Input layer, unit-major; the padding row of an odd batch reads zeros.
  for (let i = 0; i < dims; i++) {
    const column = addr(act, i * cap);
    for (let r = 0; r < rows; r++) {
      const row = load<u32>(order + ((<usize>(start + r)) << 2));
      store<f64>(addr(column, r), f64At(inputs, <i32>row * dims + i));
    }
    if (rows & 1) store<f64>(addr(column, rows), 0);
  }
  for (let l = 0; l < layers; l++) forwardLayer(cfg, l, params, act, pairs, relu, l < layers - 1);
  const loss = outputErrors(cfg, targets, order, start, rows, act, delta, probs);
  for (let l = layers - 1; l >= 1; l--) hiddenErrors(cfg, l, params, act, delta, rows, relu);
  for (let l = 0; l < layers; l++) weightGradient(cfg, l, grad, act, delta, rows);
  return loss;
}

/** z_j = b_j + sum_i W[j][i] a_i for two rows at a time (lanes), then tanh or ReLU if hidden. */
function forwardLayer(
  cfg: usize,
  l: i32,
  params: usize,
  act: usize,
  pairs: i32,
  relu: bool,
  hidden: bool,
): void {
  const cap = word(cfg, 2);
  const fanIn = word(cfg, SIZES + l);
  const fanOut = word(cfg, SIZES + l + 1);
  const input = addr(act, word(cfg, A_OFF + l));
  const output = addr(act, word(cfg, A_OFF + l + 1));
  const wOff = word(cfg, W_OFF + l);
  const bOff = word(cfg, B_OFF + l);
  const rowBytes = (<usize>cap) << 3;
  for (let j = 0; j < fanOut; j++) {
    const w = addr(params, wOff + j * fanIn);
    const bias = f64x2.splat(f64At(params, bOff + j));
    const out = output + <usize>j * rowBytes;
    let p = 0;
    // Two row pairs per pass: each weight is loaded once for four rows.
    for (; p + 1 < pairs; p += 2) {
      let z0 = bias;
      let z1 = bias;
      let a = input + ((<usize>p) << 4);
      for (let i = 0; i < fanIn; i++) {
        const wi = v128.load64_splat(w + ((<usize>i) << 3));
        z0 = f64x2.add(z0, f64x2.mul(wi, v128.load(a)));
        z1 = f64x2.add(z1, f64x2.mul(wi, v128.load(a, 16)));
        a += rowBytes;
      }
      v128.store(out + ((<usize>p) << 4), hidden ? activate(z0, relu) : z0);
      v128.store(out + ((<usize>p) << 4), hidden ? activate(z1, relu) : z1, 16);
    }
    for (; p < pairs; p++) {
      let z = bias;
      let a = input + ((<usize>p) << 4);
      for (let i = 0; i < fanIn; i++) {
        z = f64x2.add(z, f64x2.mul(v128.load64_splat(w + ((<usize>i) << 3)), v128.load(a)));
        a += rowBytes;
      }
      v128.store(out + ((<usize>p) << 4), hidden ? activate(z, relu) : z);
    }
  }
}

function activate(z: v128, relu: bool): v128 {
  // relu: z > 0 ? z : 0 (NaN and -0 give +0, as the oracle's comparison does)
  return relu ? v128.bitselect(z, f64x2.splat(0), f64x2.gt(z, f64x2.splat(0))) : tanh2(z);
}

/**
 * Softmax of row r's logits (unit-major, stride cap) into probs[0 .. classes), as softmaxInto in
 * mlp.ts (max shift, degenerate cases included); returns the log-sum-exp.
 */
function softmaxRow(logits: usize, r: i32, cap: i32, classes: i32, probs: usize): f64 {
  let max = -Infinity;
  for (let k = 0; k < classes; k++) {
    const v = f64At(logits, k * cap + r);
    if (v > max) max = v;
  }
  if (max == Infinity || max == -Infinity) {
    const all = max == -Infinity;
    let ties = 0;
    for (let k = 0; k < classes; k++) if (all || f64At(logits, k * cap + r) == max) ties++;
    for (let k = 0; k < classes; k++) {
      const p = all || f64At(logits, k * cap + r) == max ? 1 / <f64>ties : 0;
      store<f64>(addr(probs, k), p);
    }
    return max;
  }
  let sum: f64 = 0;
  for (let k = 0; k < classes; k++) {
    const v = f64At(logits, k * cap + r);
    const e = v != v ? 0 : expPortable(v - max);
    store<f64>(addr(probs, k), e);
    sum += e;
  }
  const inv = 1 / sum;
  for (let k = 0; k < classes; k++) store<f64>(addr(probs, k), f64At(probs, k) * inv);
  return max + logPortable(sum);
}

/**
 * Per row: the softmax, the loss -sum_k t_k (z_k - lse) over t_k != 0, and the output error
 * p - t into delta. `probs` is scratch for `classes` doubles.
 */
function outputErrors(
  cfg: usize,
  targets: usize,
  order: usize,
  start: i32,
  rows: i32,
  act: usize,
  delta: usize,
  probs: usize,
): f64 {
  const layers = word(cfg, 0);
  const cap = word(cfg, 2);
  const classes = word(cfg, 3);
  const logits = addr(act, word(cfg, A_OFF + layers));
  const errors = addr(delta, word(cfg, D_OFF + layers));
  let loss: f64 = 0;
  for (let r = 0; r < rows; r++) {
    const row = <i32>load<u32>(order + ((<usize>(start + r)) << 2));
    const lse = softmaxRow(logits, r, cap, classes, probs);
    for (let k = 0; k < classes; k++) {
      const t = f64At(targets, row * classes + k);
      if (t != 0) loss -= t * (f64At(logits, k * cap + r) - lse);
      store<f64>(errorSlot(errors, k, r, cap), f64At(probs, k) - t);
    }
  }
  return loss;
}

/**
 * Class probabilities of `count` rows of `inputs` (row-major) into out (count x classes,
 * row-major): Mlp.predict, cap rows at a time.
 */
export function predict(
  cfg: usize,
  params: usize,
  inputs: usize,
  count: i32,
  act: usize,
  out: usize,
  probs: usize,
): void {
  const layers = word(cfg, 0);
  const relu = word(cfg, 1) != 0;
  const cap = word(cfg, 2);
  const classes = word(cfg, 3);
  const dims = word(cfg, SIZES);
  const logits = addr(act, word(cfg, A_OFF + layers));
  for (let first = 0; first < count; first += cap) {
    const rows = min(cap, count - first);
    for (let i = 0; i < dims; i++) {
      const column = addr(act, i * cap);
      for (let r = 0; r < rows; r++)
        store<f64>(addr(column, r), f64At(inputs, (first + r) * dims + i));
      if (rows & 1) store<f64>(addr(column, rows), 0);
    }
    const pairs = (rows + 1) >> 1;
    for (let l = 0; l < layers; l++) forwardLayer(cfg, l, params, act, pairs, relu, l < layers - 1);
    for (let r = 0; r < rows; r++) {
      softmaxRow(logits, r, cap, classes, probs);
      const o = addr(out, (first + r) * classes);
      for (let k = 0; k < classes; k++) store<f64>(addr(o, k), f64At(probs, k));
    }
  }
}

/** Address of unit u's error for row r in the pair layout. */
function errorSlot(errors: usize, u: i32, r: i32, cap: i32): usize {
  return addr(errors, (u >> 1) * 2 * cap + 2 * r + (u & 1));
}

/** delta_l[i] = f'(a_l[i]) sum_j W_l[j][i] delta_{l+1}[j], two units i at a time, per row. */
function hiddenErrors(
  cfg: usize,
  l: i32,
  params: usize,
  act: usize,
  delta: usize,
  rows: i32,
  relu: bool,
): void {
  const cap = word(cfg, 2);
  const fanIn = word(cfg, SIZES + l);
  const fanOut = word(cfg, SIZES + l + 1);
  const w = addr(params, word(cfg, W_OFF + l));
  const a = addr(act, word(cfg, A_OFF + l));
  const next = addr(delta, word(cfg, D_OFF + l + 1));
  const own = addr(delta, word(cfg, D_OFF + l));
  const rowBytes = (<usize>fanIn) << 3;
  const one = f64x2.splat(1);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < fanIn; i += 2) {
      // one running sum per lane (units i and i + 1), over j in order
      let sum = f64x2.splat(0);
      let wp = w + ((<usize>i) << 3);
      for (let j = 0; j < fanOut; j++) {
        const d = v128.load64_splat(errorSlot(next, j, r, cap));
        sum = f64x2.add(sum, f64x2.mul(v128.load(wp), d));
        wp += rowBytes;
      }
      const a0 = f64At(a, i * cap + r);
      const a1 = f64At(a, (i + 1) * cap + r);
      const av = f64x2.replace_lane(f64x2.splat(a0), 1, a1);
      const derivative = relu
        ? v128.bitselect(one, f64x2.splat(0), f64x2.gt(av, f64x2.splat(0)))
        : f64x2.sub(one, f64x2.mul(av, av));
      v128.store(errorSlot(own, i, r, cap), f64x2.mul(derivative, sum));
    }
  }
}

/** grad W_l[j][i] = sum_r delta_{l+1}[j](r) a_l[i](r), grad b_l[j] = sum_r delta_{l+1}[j](r). */
function weightGradient(
  cfg: usize,
  l: i32,
  grad: usize,
  act: usize,
  delta: usize,
  rows: i32,
): void {
  const cap = word(cfg, 2);
  const fanIn = word(cfg, SIZES + l);
  const fanOut = word(cfg, SIZES + l + 1);
  const wOff = word(cfg, W_OFF + l);
  const bOff = word(cfg, B_OFF + l);
  const a = addr(act, word(cfg, A_OFF + l));
  const errors = addr(delta, word(cfg, D_OFF + l + 1));
  const rowBytes = (<usize>cap) << 3;
  for (let j = 0; j < fanOut; j += 2) {
    const d = errors + ((<usize>(j >> 1) * 2 * cap) << 3);
    const pair = j + 1 < fanOut;
    let bias = f64x2.splat(0);
    for (let r = 0; r < rows; r++) bias = f64x2.add(bias, v128.load(d + ((<usize>r) << 4)));
    store<f64>(addr(grad, bOff + j), f64x2.extract_lane(bias, 0));
    if (pair) store<f64>(addr(grad, bOff + j + 1), f64x2.extract_lane(bias, 1));
    const g0 = addr(grad, wOff + j * fanIn);
    const g1 = g0 + ((<usize>fanIn) << 3);
    let i = 0;
    for (; i + 1 < fanIn; i += 2) {
      let s0 = f64x2.splat(0);
      let s1 = f64x2.splat(0);
      const a0 = a + <usize>i * rowBytes;
      const a1 = a0 + rowBytes;
      for (let r = 0; r < rows; r++) {
        const e = v128.load(d + ((<usize>r) << 4));
        s0 = f64x2.add(s0, f64x2.mul(e, v128.load64_splat(a0 + ((<usize>r) << 3))));
        s1 = f64x2.add(s1, f64x2.mul(e, v128.load64_splat(a1 + ((<usize>r) << 3))));
      }
      store<f64>(g0 + ((<usize>i) << 3), f64x2.extract_lane(s0, 0));
      store<f64>(g0 + ((<usize>(i + 1)) << 3), f64x2.extract_lane(s1, 0));
      if (pair) {
        store<f64>(g1 + ((<usize>i) << 3), f64x2.extract_lane(s0, 1));
        store<f64>(g1 + ((<usize>(i + 1)) << 3), f64x2.extract_lane(s1, 1));
      }
    }
    for (; i < fanIn; i++) {
      let s = f64x2.splat(0);
      const a0 = a + <usize>i * rowBytes;
      for (let r = 0; r < rows; r++) {
        s = f64x2.add(
          s,
          f64x2.mul(v128.load(d + ((<usize>r) << 4)), v128.load64_splat(a0 + ((<usize>r) << 3))),
        );
      }
      store<f64>(g0 + ((<usize>i) << 3), f64x2.extract_lane(s, 0));
      if (pair) store<f64>(g1 + ((<usize>i) << 3), f64x2.extract_lane(s, 1));
    }
  }
}

/**
 * SGD, theta <- theta - rate (scale gradSum + decay theta) (decay = 0: no weight-decay array),
 * or theta <- theta - (rate scale) gradSum without decay, as Sgd.step. n parameters; the buffers
 * are padded to an even length so the last pair may overrun into padding.
 */
export function sgdStep(
  params: usize,
  grad: usize,
  decay: usize,
  n: i32,
  rate: f64,
  scale: f64,
): void {
  if (decay == 0) {
    const scaled = f64x2.splat(rate * scale);
    for (let i = 0; i < n; i += 2) {
      const p = addr(params, i);
      v128.store(p, f64x2.sub(v128.load(p), f64x2.mul(scaled, v128.load(addr(grad, i)))));
    }
  } else {
    const r = f64x2.splat(rate);
    const s = f64x2.splat(scale);
    for (let i = 0; i < n; i += 2) {
      const p = addr(params, i);
      const theta = v128.load(p);
      const g = f64x2.add(
        f64x2.mul(s, v128.load(addr(grad, i))),
        f64x2.mul(v128.load(addr(decay, i)), theta),
      );
      v128.store(p, f64x2.sub(theta, f64x2.mul(r, g)));
    }
  }
}

/**
 * Adam (Kingma and Ba 2015), as Adam.step: g = scale gradSum + decay theta, m <- b1 m + (1 - b1) g,
 * v <- b2 v + (1 - b2) g^2, theta <- theta - (rate m correct1) / (sqrt(v correct2) + epsilon).
 */
export function adamStep(
  params: usize,
  grad: usize,
  decay: usize,
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
  for (let i = 0; i < n; i += 2) {
    const p = addr(params, i);
    const theta = v128.load(p);
    let g = f64x2.mul(s, v128.load(addr(grad, i)));
    // The oracle adds 0 when there is no decay: g + 0 is g except that -0 + 0 = +0; keep it.
    g = f64x2.add(g, decay == 0 ? f64x2.splat(0) : f64x2.mul(v128.load(addr(decay, i)), theta));
    const mi = f64x2.add(f64x2.mul(b1, v128.load(addr(m, i))), f64x2.mul(c1, g));
    const vi = f64x2.add(f64x2.mul(b2, v128.load(addr(v, i))), f64x2.mul(f64x2.mul(c2, g), g));
    v128.store(addr(m, i), mi);
    v128.store(addr(v, i), vi);
    const step = f64x2.div(
      f64x2.mul(f64x2.mul(lr, mi), k1),
      f64x2.add(f64x2.sqrt(f64x2.mul(vi, k2)), eps),
    );
    v128.store(p, f64x2.sub(theta, step));
  }
}

/** tanh of n doubles at `values`, in place, two at a time (n even): for the tests of tanh2. */
export function tanhInPlace(values: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    const p = addr(values, i);
    v128.store(p, tanh2(v128.load(p)));
  }
}

// The chat scenario's window language model (assembly/lm.ts) shares this module and its memory.
export { lmAdamStep, lmExpInPlace, lmForward, lmForwardOne, lmGradient, lmSample } from './lm';

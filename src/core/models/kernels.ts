/**
 * The trainer's WebAssembly kernels (assembly/mlp.ts, 128-bit SIMD, built by scripts/build-wasm.mjs):
 * the batch gradient of backprop.ts, the SGD/Adam steps of optimizer.ts (driven by kernel-train.ts)
 * and Mlp.predict's forward pass (predictWithKernels below), with the very same bits
 * (every sum in the oracle's order; see the module's header). The plain TypeScript path stays the
 * oracle and the fallback: kernels run only once a host installs them (the worker and the CLI do,
 * src/core/models/kernels-load*.ts), and results do not depend on whether they are installed.
 *
 * Memory: one module instance (one linear memory) per thread. Each `train` call lays its buffers
 * out afresh from the module's heap base (layer table, weights, gradient, optimizer state, data,
 * row order, the batch's activations and errors), grows the memory when they do not fit, and copies
 * the weights and optimizer state back when it ends. Nothing is kept between calls, so nothing can
 * leak across runs: the memory grows to the largest call seen and stays there.
 */
import type { Mlp } from './mlp';

/** What the compiled module exports (assembly/mlp.ts documents each). */
export interface MlpKernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  gradient(
    cfg: number,
    params: number,
    grad: number,
    inputs: number,
    targets: number,
    order: number,
    start: number,
    end: number,
    act: number,
    delta: number,
    probs: number,
  ): number;
  predict(
    cfg: number,
    params: number,
    inputs: number,
    count: number,
    act: number,
    out: number,
    probs: number,
  ): void;
  sgdStep(
    params: number,
    grad: number,
    decay: number,
    n: number,
    rate: number,
    scale: number,
  ): void;
  adamStep(
    params: number,
    grad: number,
    decay: number,
    m: number,
    v: number,
    n: number,
    scale: number,
    rate: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    correct1: number,
    correct2: number,
  ): void;
  /** tanh of n (even) doubles at `values` in place (the forward pass's two-lane tanh; for tests) */
  tanhInPlace(values: number, n: number): void;
  /** the chat scenario's window language model (assembly/lm.ts, driven by chat/lmKernels.ts) */
  lmForward(
    params: number,
    V: number,
    W: number,
    H: number,
    relu: boolean,
    windows: number,
    rows: number,
    act: number,
    pairs: number,
    logits: number,
  ): void;
  lmGradient(
    params: number,
    grad: number,
    V: number,
    W: number,
    H: number,
    relu: boolean,
    contexts: number,
    tokens: number,
    targets: number,
    batch: number,
    rows: number,
    act: number,
    pairs: number,
    logits: number,
    delta: number,
    dz: number,
    probs: number,
    losses: number,
  ): void;
  /** logits of one window, the output weights transposed ([H][V rounded up to even]) */
  lmForwardOne(
    params: number,
    transposed: number,
    V: number,
    W: number,
    H: number,
    relu: boolean,
    window: number,
    act: number,
    logits: number,
  ): void;
  /** one sampling step of chat decoding at temperature 1 / inv with uniform u; returns the token */
  lmSample(z: number, V: number, inv: number, u: number, out: number): number;
  /** e^x of n (even) doubles at `values` in place, as the chat softmax computes them (for tests) */
  lmExpInPlace(values: number, n: number): void;
  lmAdamStep(
    params: number,
    grad: number,
    m: number,
    v: number,
    n: number,
    scale: number,
    rate: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    correct1: number,
    correct2: number,
  ): void;
}

let installed: MlpKernelExports | null = null;

/** Instantiates the compiled module from its bytes (synchronously: fine in workers and Node). */
export function instantiateMlpKernels(bytes: BufferSource): MlpKernelExports {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: {
      abort: () => {
        throw new Error('mlp kernels: abort');
      },
    },
  });
  return instance.exports as unknown as MlpKernelExports;
}

/** Makes trainers on this thread use `kernels` (null: back to the TypeScript path). */
export function installMlpKernels(kernels: MlpKernelExports | null): void {
  installed = kernels;
}

/** The installed kernels, or null. */
export function mlpKernels(): MlpKernelExports | null {
  return installed;
}

/** The layer table's layout (assembly/mlp.ts): words, and where each block starts. */
const MAX_LAYERS = 16;
export const CFG_WORDS = 8 + 5 * MAX_LAYERS;

/** Rounds up to an even count (pairs of doubles are the kernels' unit) plus one spare pair. */
export const padded = (n: number) => n + (n & 1) + 2;

let layouts = 0;

/**
 * How many buffer layouts have been made on this thread: a caller that keeps data in the module's
 * memory between its own calls (chat/lmKernels.ts) checks that no other layout has overwritten it.
 */
export function arenaLayouts(): number {
  return layouts;
}

/**
 * One call's buffers, laid out from the module's heap base in 16-byte aligned blocks: `take`
 * reserves bytes and returns their address, `ready` grows the memory to fit and returns its
 * buffer (views must be made after it: growing replaces the buffer).
 */
export function arena(kernels: MlpKernelExports) {
  layouts++;
  let at = (kernels.heapBase() + 15) & ~15;
  return {
    take(bytes: number): number {
      const start = at;
      at += (bytes + 15) & ~15;
      return start;
    },
    ready(): ArrayBuffer {
      const memory = kernels.memory;
      if (at > memory.buffer.byteLength) {
        memory.grow(Math.ceil((at - memory.buffer.byteLength) / 65536));
      }
      return memory.buffer;
    },
  };
}

/**
 * The layer table of `model` for batches of up to `cap` rows (even), and the doubles its
 * activations (unit-major, cap per unit) and errors (unit pairs, units padded to even) take.
 */
export function layerTable(
  model: Mlp,
  cap: number,
): { words: Int32Array; actDoubles: number; deltaDoubles: number } {
  const { sizes, weightOffset, biasOffset } = model.layout;
  const layers = sizes.length - 1;
  if (layers > MAX_LAYERS - 1)
    throw new RangeError(`kernels take at most ${MAX_LAYERS - 1} layers`);
  const words = new Int32Array(CFG_WORDS);
  words[0] = layers;
  words[1] = model.spec.activation === 'relu' ? 1 : 0;
  words[2] = cap;
  words[3] = model.classes;
  let actDoubles = 0;
  let deltaDoubles = 0;
  for (let l = 0; l <= layers; l++) {
    const size = sizes[l]!;
    words[8 + l] = size;
    words[8 + 3 * MAX_LAYERS + l] = actDoubles;
    words[8 + 4 * MAX_LAYERS + l] = deltaDoubles;
    if (l < layers) {
      words[8 + MAX_LAYERS + l] = weightOffset[l]!;
      words[8 + 2 * MAX_LAYERS + l] = biasOffset[l]!;
    }
    actDoubles += size * cap;
    deltaDoubles += (size + (size & 1)) * cap;
  }
  return { words, actDoubles, deltaDoubles };
}

/** rows per forward block of `predictWithKernels` */
const PREDICT_CAP = 64;

/**
 * Mlp.predict with the kernels: class probabilities of rows offset .. offset+count-1 of `inputs`
 * into out[0 .. count*classes), the same bits as the row-by-row forward pass.
 */
export function predictWithKernels(
  kernels: MlpKernelExports,
  model: Mlp,
  inputs: Float64Array,
  count: number,
  out: Float64Array,
  offset: number,
): void {
  const dims = model.inputDims;
  const classes = model.classes;
  const n = model.params.length;
  const table = layerTable(model, PREDICT_CAP);
  const a = arena(kernels);
  const cfg = a.take(4 * CFG_WORDS);
  const params = a.take(8 * padded(n));
  const input = a.take(8 * count * dims);
  const output = a.take(8 * count * classes);
  const act = a.take(8 * padded(table.actDoubles));
  const probs = a.take(8 * padded(classes));
  const buffer = a.ready();
  new Int32Array(buffer, cfg, CFG_WORDS).set(table.words);
  new Float64Array(buffer, params, n).set(model.params);
  new Float64Array(buffer, input, count * dims).set(
    inputs.subarray(offset * dims, (offset + count) * dims),
  );
  kernels.predict(cfg, params, input, count, act, output, probs);
  out.set(new Float64Array(buffer, output, count * classes));
}

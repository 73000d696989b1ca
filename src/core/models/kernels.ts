/**
 * The trainer's WebAssembly kernels (assembly/mlp.ts, 128-bit SIMD, built by scripts/build-wasm.mjs):
 * the batch gradient of backprop.ts and the SGD/Adam steps of optimizer.ts, with the very same bits
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
import { shuffleInto, type Rng } from '../rng';
import type { Mlp } from './mlp';
import { Adam, Sgd, type Optimizer } from './optimizer';

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
  ): number;
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
const CFG_WORDS = 8 + 5 * MAX_LAYERS;

/** Rounds up to an even count (pairs of doubles are the kernels' unit) plus one spare pair. */
const padded = (n: number) => n + (n & 1) + 2;

/** Training state passed in by the trainer. */
export interface KernelTrainJob {
  model: Mlp;
  optimizer: Optimizer;
  /** per-parameter L2 coefficients or null */
  decay: Float64Array | null;
  inputs: Float64Array;
  targets: Float64Array;
  count: number;
  batchSize: number;
  steps: number;
  rng: Rng;
}

/**
 * Runs `steps` mini-batch updates as createTrainer's loop does (a fresh shuffle from `rng` at the
 * start and whenever the data is used up), with the kernels; returns [summed loss, rows visited].
 */
export function trainWithKernels(kernels: MlpKernelExports, job: KernelTrainJob): [number, number] {
  const { model, optimizer, decay, count, batchSize, steps, rng } = job;
  const { layout } = model;
  const sizes = layout.sizes;
  const layers = sizes.length - 1;
  if (layers > MAX_LAYERS - 1)
    throw new RangeError(`kernels take at most ${MAX_LAYERS - 1} layers`);
  const cap = batchSize + (batchSize & 1);
  const n = model.params.length;
  const dims = sizes[0]!;
  const classes = model.classes;
  // Activations unit-major (cap per unit); errors by unit pairs (units padded to even).
  const actOffset: number[] = [];
  const deltaOffset: number[] = [];
  let actDoubles = 0;
  let deltaDoubles = 0;
  for (const size of sizes) {
    actOffset.push(actDoubles);
    deltaOffset.push(deltaDoubles);
    actDoubles += size * cap;
    deltaDoubles += (size + (size & 1)) * cap;
  }
  // Byte layout from the heap base, 16-byte aligned blocks.
  let at = (kernels.heapBase() + 15) & ~15;
  const take = (bytes: number) => {
    const start = at;
    at += (bytes + 15) & ~15;
    return start;
  };
  const cfg = take(4 * CFG_WORDS);
  const params = take(8 * padded(n));
  const grad = take(8 * padded(n));
  const decayAt = decay === null ? 0 : take(8 * padded(n));
  const adam = optimizer instanceof Adam ? optimizer : null;
  if (adam === null && !(optimizer instanceof Sgd)) throw new TypeError('unknown optimizer');
  const mAt = adam === null ? 0 : take(8 * padded(n));
  const vAt = adam === null ? 0 : take(8 * padded(n));
  const inputs = take(8 * count * dims);
  const targets = take(8 * count * classes);
  const order = take(4 * count);
  const act = take(8 * padded(actDoubles));
  const delta = take(8 * padded(deltaDoubles));
  const memory = kernels.memory;
  if (at > memory.buffer.byteLength) {
    memory.grow(Math.ceil((at - memory.buffer.byteLength) / 65536));
  }
  const buffer = memory.buffer;
  const words = new Int32Array(buffer, cfg, CFG_WORDS);
  words.fill(0);
  words[0] = layers;
  words[1] = model.spec.activation === 'relu' ? 1 : 0;
  words[2] = cap;
  words[3] = classes;
  for (let l = 0; l <= layers; l++) {
    words[8 + l] = sizes[l]!;
    words[8 + 3 * MAX_LAYERS + l] = actOffset[l]!;
    words[8 + 4 * MAX_LAYERS + l] = deltaOffset[l]!;
    if (l < layers) {
      words[8 + MAX_LAYERS + l] = layout.weightOffset[l]!;
      words[8 + 2 * MAX_LAYERS + l] = layout.biasOffset[l]!;
    }
  }
  const doubles = (offset: number, length: number) => new Float64Array(buffer, offset, length);
  doubles(params, padded(n)).fill(0).set(model.params);
  doubles(grad, padded(n)).fill(0);
  if (decay !== null) doubles(decayAt, padded(n)).fill(0).set(decay);
  if (adam !== null) {
    doubles(mAt, padded(n)).fill(0).set(adam.m);
    doubles(vAt, padded(n)).fill(0).set(adam.v);
  }
  doubles(inputs, count * dims).set(job.inputs.subarray(0, count * dims));
  doubles(targets, count * classes).set(job.targets.subarray(0, count * classes));
  const orderView = new Uint32Array(buffer, order, count);

  let cursor = count; // forces a shuffle before the first batch
  let lossSum = 0;
  let visited = 0;
  for (let step = 0; step < steps; step++) {
    if (cursor >= count) {
      shuffleInto(orderView, count, rng);
      cursor = 0;
    }
    const end = Math.min(cursor + batchSize, count);
    lossSum += kernels.gradient(cfg, params, grad, inputs, targets, order, cursor, end, act, delta);
    const scale = 1 / (end - cursor);
    if (adam !== null) {
      const [correct1, correct2] = adam.advance();
      const { beta1, beta2, epsilon } = adam.settings;
      kernels.adamStep(
        params,
        grad,
        decayAt,
        mAt,
        vAt,
        n,
        scale,
        adam.learningRate,
        beta1,
        beta2,
        epsilon,
        correct1,
        correct2,
      );
    } else if (optimizer instanceof Sgd) {
      kernels.sgdStep(params, grad, decayAt, n, optimizer.learningRate, scale);
      optimizer.steps++;
    }
    visited += end - cursor;
    cursor = end;
  }
  model.params.set(doubles(params, n));
  if (adam !== null) {
    adam.m.set(doubles(mAt, n));
    adam.v.set(doubles(vAt, n));
  }
  return [lossSum, visited];
}

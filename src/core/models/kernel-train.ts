/**
 * createTrainer's loop on the WebAssembly kernels (kernels.ts): the same shuffles from the same
 * Rng, then per batch the kernels' gradient and optimizer step, on copies of the weights, the data
 * and the optimizer's moments in the module's memory; the weights and moments are copied back at
 * the end, so the trainer and its optimizer are left exactly as the TypeScript path leaves them.
 */
import { shuffleInto, type Rng } from '../rng';
import { arena, CFG_WORDS, layerTable, padded, type MlpKernelExports } from './kernels';
import type { Mlp } from './mlp';
import { Adam, Sgd, type Optimizer } from './optimizer';
import { pulse } from '../pulse';

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
  const cap = batchSize + (batchSize & 1);
  const n = model.params.length;
  const dims = model.inputDims;
  const classes = model.classes;
  const table = layerTable(model, cap);
  const adam = optimizer instanceof Adam ? optimizer : null;
  if (adam === null && !(optimizer instanceof Sgd)) throw new TypeError('unknown optimizer');
  const a = arena(kernels);
  const cfg = a.take(4 * CFG_WORDS);
  const params = a.take(8 * padded(n));
  const grad = a.take(8 * padded(n));
  const decayAt = decay === null ? 0 : a.take(8 * padded(n));
  const mAt = adam === null ? 0 : a.take(8 * padded(n));
  const vAt = adam === null ? 0 : a.take(8 * padded(n));
  const inputs = a.take(8 * count * dims);
  const targets = a.take(8 * count * classes);
  const order = a.take(4 * count);
  const act = a.take(8 * padded(table.actDoubles));
  const delta = a.take(8 * padded(table.deltaDoubles));
  const probs = a.take(8 * padded(classes));
  const buffer = a.ready();
  new Int32Array(buffer, cfg, CFG_WORDS).set(table.words);
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
      pulse(); // once per epoch: a sign of life for the worker's watchdog
      cursor = 0;
    }
    const end = Math.min(cursor + batchSize, count);
    lossSum += kernels.gradient(
      cfg,
      params,
      grad,
      inputs,
      targets,
      order,
      cursor,
      end,
      act,
      delta,
      probs,
    );
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

/**
 * Mini-batch training of an Mlp on soft targets. The loss is the mean cross-entropy
 *   E = (1/n) sum_rows -sum_k t_k log p_k  (+ (lambda/2) * sum of squared weights, when lambda > 0),
 * where each target row t is a probability vector: the API's returned probabilities when the
 * attacker gets them, a one-hot vector (oneHotTargets) for hard labels, so there is one code path.
 *
 * A trainer keeps its optimizer (Adam's moments and step count) between `train` calls, so a caller
 * can warm-start: train on 100 points, add 100 more, continue. Each `train` call shuffles with the
 * trainer's Rng, so the same seed gives the same weights. No allocation happens per step: the
 * gradient buffer is allocated once, the row order buffer only when the data grows.
 */
import { shuffleInto, type Rng } from '../rng';
import { BatchBackprop } from './backprop';
import { trainWithKernels } from './kernel-train';
import { mlpKernels } from './kernels';
import { pulse } from '../pulse';
import type { Mlp } from './mlp';
import {
  createOptimizer,
  type AdamSettings,
  type Optimizer,
  type OptimizerName,
} from './optimizer';

export interface TrainerOptions {
  optimizer: OptimizerName;
  /** step size alpha */
  learningRate: number;
  /** rows per gradient step; the last batch of an epoch may be smaller */
  batchSize: number;
  /** L2 coefficient lambda on the weights (biases are not decayed); default 0 */
  weightDecay?: number;
  /** draws the row order of every epoch */
  rng: Rng;
  /** Adam's beta1, beta2, epsilon (defaults 0.9, 0.999, 1e-8) */
  adam?: Partial<AdamSettings>;
}

/**
 * How long one `train` call runs: whole passes over the data (ceil(count / batchSize) steps
 * each), or a fixed number of gradient steps through consecutive shuffled epochs.
 */
export type TrainLength = { epochs: number } | { steps: number };

export interface Trainer {
  readonly model: Mlp;
  /** the persistent optimizer; `optimizer.steps` counts updates over all calls */
  readonly optimizer: Optimizer;
  /**
   * Trains on `count` rows: inputs row-major (inputDims per row), targets row-major (classes per
   * row, each summing to 1). Returns the mean cross-entropy of the rows visited, each measured
   * just before the update it contributed to (NaN when nothing ran).
   */
  train(inputs: Float64Array, targets: Float64Array, count: number, length: TrainLength): number;
  /** Mean cross-entropy on `count` rows with the current weights (no weight-decay term). */
  loss(inputs: Float64Array, targets: Float64Array, count: number): number;
}

/** One-hot target rows for hard labels: row i has 1 at labels[i]. */
export function oneHotTargets(labels: ArrayLike<number>, classes: number): Float64Array {
  const targets = new Float64Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) targets[i * classes + labels[i]!] = 1;
  return targets;
}

/** Mean cross-entropy -1/n sum_rows sum_k t_k log p_k of `count` rows (no weight-decay term). */
export function crossEntropy(
  model: Mlp,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
): number {
  checkData(model, inputs, targets, count);
  let sum = 0;
  for (let row = 0; row < count; row++) sum += model.crossEntropyRow(inputs, row, targets);
  return count === 0 ? NaN : sum / count;
}

/**
 * The full-batch objective E = mean cross-entropy + (weightDecay/2) * sum of squared weights, with
 * its gradient dE/dparams written into `grad` (parameterCount entries, the layout of params).
 * What the trainer descends, exposed for gradient checks and for callers that need it.
 */
export function lossGradient(
  model: Mlp,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  grad: Float64Array,
  weightDecay = 0,
): number {
  checkData(model, inputs, targets, count);
  grad.fill(0);
  let sum = 0;
  for (let row = 0; row < count; row++) sum += model.accumulateGradient(inputs, row, targets, grad);
  const scale = count === 0 ? 0 : 1 / count;
  for (let i = 0; i < grad.length; i++) grad[i]! *= scale;
  let penalty = 0;
  if (weightDecay !== 0) {
    const { params } = model;
    forEachWeight(model, (w) => {
      penalty += 0.5 * weightDecay * params[w]! * params[w]!;
      grad[w]! += weightDecay * params[w]!;
    });
  }
  return sum * scale + penalty;
}

/** A trainer bound to `model` (updated in place) with a persistent optimizer. */
export function createTrainer(model: Mlp, options: TrainerOptions): Trainer {
  const { batchSize, rng } = options;
  const weightDecay = options.weightDecay ?? 0;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  if (!(weightDecay >= 0) || !Number.isFinite(weightDecay)) {
    throw new RangeError(`weightDecay must be a non-negative number, got ${weightDecay}`);
  }
  const size = model.params.length;
  const optimizer = createOptimizer(options.optimizer, size, options.learningRate, options.adam);
  const grad = new Float64Array(size);
  const backprop = new BatchBackprop(model);
  let decay: Float64Array | null = null;
  if (weightDecay > 0) {
    const perParam = new Float64Array(size);
    forEachWeight(model, (w) => (perParam[w] = weightDecay));
    decay = perParam;
  }
  let order = new Uint32Array(0);

  function train(
    inputs: Float64Array,
    targets: Float64Array,
    count: number,
    length: TrainLength,
  ): number {
    checkData(model, inputs, targets, count);
    const batchesPerEpoch = Math.ceil(count / batchSize);
    const steps = 'epochs' in length ? length.epochs * batchesPerEpoch : length.steps;
    if (!Number.isInteger(steps) || steps < 0) {
      throw new RangeError(`train length must be a non-negative whole number, got ${steps}`);
    }
    if (count === 0 || steps === 0) return NaN;
    // The WebAssembly kernels, when this thread installed them: the same steps and the same bits.
    const kernels = mlpKernels();
    if (kernels !== null) {
      const job = { model, optimizer, decay, inputs, targets, count, batchSize, steps, rng };
      const [kernelLoss, kernelRows] = trainWithKernels(kernels, job);
      return kernelLoss / kernelRows;
    }
    if (order.length < count) order = new Uint32Array(count);
    let cursor = count; // forces a shuffle before the first batch
    let lossSum = 0;
    let visited = 0;
    for (let step = 0; step < steps; step++) {
      if (cursor >= count) {
        shuffleInto(order, count, rng);
        pulse(); // once per epoch: a sign of life for the worker's watchdog
        cursor = 0;
      }
      const end = Math.min(cursor + batchSize, count);
      lossSum += backprop.gradient(inputs, targets, order, cursor, end, grad);
      optimizer.step(model.params, grad, 1 / (end - cursor), decay);
      visited += end - cursor;
      cursor = end;
    }
    return lossSum / visited;
  }

  return {
    model,
    optimizer,
    train,
    loss: (inputs, targets, count) => crossEntropy(model, inputs, targets, count),
  };
}

/** Calls `visit` with the params index of every weight (not bias). */
function forEachWeight(model: Mlp, visit: (index: number) => void): void {
  const { sizes, weightOffset } = model.layout;
  for (let l = 0; l < weightOffset.length; l++) {
    const start = weightOffset[l]!;
    const end = start + sizes[l]! * sizes[l + 1]!;
    for (let w = start; w < end; w++) visit(w);
  }
}

function checkData(model: Mlp, inputs: Float64Array, targets: Float64Array, count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  if (inputs.length < count * model.inputDims) {
    throw new RangeError(`inputs hold ${inputs.length} numbers, need ${count * model.inputDims}`);
  }
  if (targets.length < count * model.classes) {
    throw new RangeError(`targets hold ${targets.length} numbers, need ${count * model.classes}`);
  }
}

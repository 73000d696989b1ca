/**
 * A small multilayer perceptron: dense layers, tanh or ReLU hidden units, a softmax output. It is
 * the victim's model and every student's; it implements the `Classifier` the API serves.
 *
 * Written by hand over one flat Float64Array (layout in mlp-layout.ts) because it is the
 * simulator's hot loop: the victim, each student and every learning-curve retrain run through it
 * inside a Web Worker, and a tensor library would add a large download and per-call allocations to
 * a 2-16-16-2 network. All buffers are allocated once per model; the per-row methods allocate nothing.
 *
 * Forward pass for one row x:
 *   a_0 = x;   z_{l+1} = W_l a_l + b_l;   a_{l+1} = f(z_{l+1}) (hidden layers, f = tanh or relu);
 *   p = softmax(z_L) with the log-sum-exp shift (see softmaxInto).
 * Backward pass, given delta_L = dE/dz_L for some scalar E:
 *   dE/dW_l[j][i] = delta_{l+1}[j] * a_l[i],    dE/db_l[j] = delta_{l+1}[j],
 *   dE/da_l[i] = sum_j W_l[j][i] delta_{l+1}[j],   delta_l[i] = f'(z_l[i]) * dE/da_l[i],
 *   f' = 1 - a^2 for tanh and [a > 0] for relu, both read from the stored activation a.
 * For the cross-entropy E = -sum_k t_k log p_k with sum_k t_k = 1: delta_L = p - t.
 * For E = p_c (the input gradient used by Jacobian augmentation): delta_L[k] = p_c ([k = c] - p_k).
 * The row-by-row backward pass here is the reference (gradient-checked in the tests); the trainer
 * runs the same sums batch by batch in backprop.ts. Use this module as the entry point: it also
 * re-exports the trainer, the optimizers and the label helpers.
 */
import type { Rng } from '../rng';
import type { Classifier } from '../types';
import {
  initialParams,
  mlpLayout,
  type MlpLayout,
  type MlpSpec,
  type MlpWeights,
} from './mlp-layout';
import { exp, log, tanh } from '../math/portable';
import { mlpKernels, predictWithKernels } from './kernels';

/** below this many rows, predict() stays in TypeScript (a kernel call copies the weights) */
const KERNEL_MIN_ROWS = 16;

export { initialParams, mlpLayout, validateSpec } from './mlp-layout';
export type { MlpLayout, MlpSpec, MlpWeights } from './mlp-layout';
export { createTrainer, crossEntropy, lossGradient, oneHotTargets } from './trainer';
export type { Trainer, TrainerOptions, TrainLength } from './trainer';
export { ADAM_DEFAULTS, OPTIMIZERS } from './optimizer';
export type { AdamSettings, Optimizer, OptimizerName } from './optimizer';
export { accuracy, agreement, predictLabels } from './evaluate';

/**
 * The hidden units' non-linearity. tanh z is computed as 1 - 2 / (e^{2z} + 1): exact to rounding
 * (absolute error ~1e-16), it saturates cleanly to +-1 when e^{2z} overflows or underflows, and
 * it is faster than V8's Math.tanh (the forward pass spends much of its time here).
 */
function activate(z: number, relu: boolean): number {
  return relu ? (z > 0 ? z : 0) : tanh(z);
}

/**
 * Softmax of z[zOffset .. zOffset+n) into p[0..n), shifted by m = max_k z_k so every exp() is <= 1:
 * p_k = exp(z_k - m) / sum_j exp(z_j - m). Returns log-sum-exp lse = m + log sum_j exp(z_j - m), so
 * that log p_k = z_k - lse without ever taking log(0). Degenerate logits (only from absurd inputs
 * that overflow): NaN counts as -Infinity, and when the largest logit is infinite the probability
 * is shared equally among the entries equal to it (all entries when none is above -Infinity).
 */
export function softmaxInto(z: Float64Array, zOffset: number, n: number, p: Float64Array): number {
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = z[zOffset + k]!;
    if (v > max) max = v;
  }
  if (max === Infinity || max === -Infinity) {
    const all = max === -Infinity;
    let ties = 0;
    for (let k = 0; k < n; k++) if (all || z[zOffset + k] === max) ties++;
    for (let k = 0; k < n; k++) p[k] = all || z[zOffset + k] === max ? 1 / ties : 0;
    return max;
  }
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const v = z[zOffset + k]!;
    // v !== v is the NaN test; exp(-Infinity - max) is already 0.
    const e = v !== v ? 0 : exp(v - max);
    p[k] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let k = 0; k < n; k++) p[k]! *= inv;
  return max + log(sum);
}

export class Mlp implements Classifier {
  readonly spec: MlpSpec;
  readonly inputDims: number;
  readonly classes: number;
  readonly layout: MlpLayout;
  /** All weights and biases (layout in mlp-layout.ts); trainers update this array in place. */
  readonly params: Float64Array;
  private readonly relu: boolean;
  private readonly layers: number;
  private readonly sizes: Int32Array;
  private readonly weightOffset: Int32Array;
  private readonly biasOffset: Int32Array;
  private readonly unitOffset: Int32Array;
  /** a_l of the last forward pass (layer l at unitOffset[l]); the output layer holds the logits z_L */
  private readonly act: Float64Array;
  /** dE/dz per unit of the last backward pass (dE/dx for the input layer), same layout as act */
  private readonly delta: Float64Array;
  /** softmax output of the last forward pass (overwritten by every call) */
  readonly probabilities: Float64Array;
  private lse = 0;

  /** Wraps `params` (not copied) as the weights of a network of shape `spec`. */
  constructor(spec: MlpSpec, params: Float64Array) {
    const layout = mlpLayout(spec);
    if (params.length !== layout.parameterCount) {
      throw new RangeError(
        `Mlp params must have ${layout.parameterCount} entries for this spec, got ${params.length}`,
      );
    }
    this.spec = { ...spec, hidden: [...spec.hidden] };
    this.inputDims = spec.inputDims;
    this.classes = spec.classes;
    this.layout = layout;
    this.params = params;
    this.relu = spec.activation === 'relu';
    this.layers = layout.sizes.length - 1;
    this.sizes = Int32Array.from(layout.sizes);
    this.weightOffset = Int32Array.from(layout.weightOffset);
    this.biasOffset = Int32Array.from(layout.biasOffset);
    this.unitOffset = Int32Array.from(layout.unitOffset);
    this.act = new Float64Array(layout.unitCount);
    this.delta = new Float64Array(layout.unitCount);
    this.probabilities = new Float64Array(spec.classes);
  }

  /**
   * Forward pass of row `row` of `inputs` (row-major, inputDims per row). Returns the model's own
   * probability buffer, valid until the next call on this model: copy it if you keep it.
   */
  forwardRow(inputs: Float64Array, row: number): Float64Array {
    this.lse = this.forwardInto(inputs, row, this.act, 0);
    return this.probabilities;
  }

  /**
   * The forward pass with the activations written to act[base .. base + unitCount) (layer l at
   * base + layout.unitOffset[l], logits last) and the softmax to `probabilities`; returns the
   * log-sum-exp of the logits, so log p_k = z_k - lse. For batch backprop (backprop.ts).
   */
  forwardInto(inputs: Float64Array, row: number, act: Float64Array, base: number): number {
    const { params, sizes, relu } = this;
    const inputDims = sizes[0]!;
    const from = row * inputDims;
    for (let i = 0; i < inputDims; i++) act[base + i] = inputs[from + i]!;
    const last = this.layers - 1;
    for (let l = 0; l <= last; l++) {
      const fanIn = sizes[l]!;
      const fanOut = sizes[l + 1]!;
      const inOff = base + this.unitOffset[l]!;
      const outOff = base + this.unitOffset[l + 1]!;
      const bOff = this.biasOffset[l]!;
      const wOff = this.weightOffset[l]!;
      const hidden = l < last;
      // z_j = b_j + sum_i W[j][i] a_i for four units j at a time: each a_i is loaded once for the
      // four, and the four sums do not wait on one another (this dot product is the pass's cost).
      let j = 0;
      for (; j + 3 < fanOut; j += 4) {
        const w0 = wOff + j * fanIn;
        const w1 = w0 + fanIn;
        const w2 = w1 + fanIn;
        const w3 = w2 + fanIn;
        let z0 = params[bOff + j]!;
        let z1 = params[bOff + j + 1]!;
        let z2 = params[bOff + j + 2]!;
        let z3 = params[bOff + j + 3]!;
        for (let i = 0; i < fanIn; i++) {
          const a = act[inOff + i]!;
          z0 += params[w0 + i]! * a;
          z1 += params[w1 + i]! * a;
          z2 += params[w2 + i]! * a;
          z3 += params[w3 + i]! * a;
        }
        act[outOff + j] = hidden ? activate(z0, relu) : z0;
        act[outOff + j + 1] = hidden ? activate(z1, relu) : z1;
        act[outOff + j + 2] = hidden ? activate(z2, relu) : z2;
        act[outOff + j + 3] = hidden ? activate(z3, relu) : z3;
      }
      for (; j < fanOut; j++) {
        const w0 = wOff + j * fanIn;
        let z = params[bOff + j]!;
        for (let i = 0; i < fanIn; i++) z += params[w0 + i]! * act[inOff + i]!;
        act[outOff + j] = hidden ? activate(z, relu) : z;
      }
    }
    return softmaxInto(act, base + this.unitOffset[this.layers]!, this.classes, this.probabilities);
  }

  /**
   * Class probabilities of rows offset .. offset+count-1 of `inputs`, into out[0 .. count*classes).
   * Many rows go through the WebAssembly kernels when installed (kernels.ts): the same bits.
   */
  predict(inputs: Float64Array, count: number, out: Float64Array, offset = 0): void {
    const kernels = count >= KERNEL_MIN_ROWS ? mlpKernels() : null;
    if (kernels !== null) {
      predictWithKernels(kernels, this, inputs, count, out, offset);
      return;
    }
    const classes = this.classes;
    for (let r = 0; r < count; r++) {
      const p = this.forwardRow(inputs, offset + r);
      const o = r * classes;
      for (let k = 0; k < classes; k++) out[o + k] = p[k]!;
    }
  }

  /**
   * Forward pass of row `row` and its cross-entropy E = -sum_k t_k log p_k against the soft target
   * targets[row*classes ..] (a probability vector; one-hot for a hard label).
   */
  crossEntropyRow(inputs: Float64Array, row: number, targets: Float64Array): number {
    this.forwardRow(inputs, row);
    const { act, classes, lse } = this;
    const outOff = this.unitOffset[this.layers]!;
    const tOff = row * classes;
    let loss = 0;
    for (let k = 0; k < classes; k++) {
      const t = targets[tOff + k]!;
      // log p_k = z_k - lse; skip t_k = 0 so a p_k of exactly 0 cannot give 0 * -Infinity.
      if (t !== 0) loss -= t * (act[outOff + k]! - lse);
    }
    return loss;
  }

  /**
   * Like crossEntropyRow, and adds dE/dparams of that row to `grad` (parameterCount entries, the
   * layout of params). The output error is delta_L = p - t.
   */
  accumulateGradient(
    inputs: Float64Array,
    row: number,
    targets: Float64Array,
    grad: Float64Array,
  ): number {
    const loss = this.crossEntropyRow(inputs, row, targets);
    const { delta, probabilities: prob, classes } = this;
    const outOff = this.unitOffset[this.layers]!;
    const tOff = row * classes;
    for (let k = 0; k < classes; k++) delta[outOff + k] = prob[k]! - targets[tOff + k]!;
    this.backward(grad, null);
    return loss;
  }

  /**
   * d p_c / d x for the point x = row `offset` of `input`: the gradient of the softmax probability
   * of class `classIndex` with respect to the input, into out[0 .. inputDims). Papernot et al. 2017
   * (Jacobian-based dataset augmentation) step along sign() of it.
   */
  inputGradient(input: Float64Array, offset: number, classIndex: number, out: Float64Array): void {
    const p = this.forwardRow(input, offset);
    const outOff = this.unitOffset[this.layers]!;
    const pc = p[classIndex]!;
    // dp_c/dz_k = p_c ([k = c] - p_k)
    for (let k = 0; k < this.classes; k++) {
      this.delta[outOff + k] = pc * ((k === classIndex ? 1 : 0) - p[k]!);
    }
    this.backward(null, out);
  }

  /** d z_c / d x: like inputGradient but for the logit z_c (before the softmax). */
  logitInputGradient(
    input: Float64Array,
    offset: number,
    classIndex: number,
    out: Float64Array,
  ): void {
    this.forwardRow(input, offset);
    const outOff = this.unitOffset[this.layers]!;
    for (let k = 0; k < this.classes; k++) this.delta[outOff + k] = k === classIndex ? 1 : 0;
    this.backward(null, out);
  }

  /**
   * Backpropagates delta of the output layer (set by the caller after forwardRow) through the
   * network. Adds dE/dparams to `grad` when given; writes dE/dx to `inputGrad` when given.
   */
  private backward(grad: Float64Array | null, inputGrad: Float64Array | null): void {
    const { params, act, delta, sizes, relu } = this;
    for (let l = this.layers - 1; l >= 0; l--) {
      const fanIn = sizes[l]!;
      const fanOut = sizes[l + 1]!;
      const inOff = this.unitOffset[l]!;
      const outOff = this.unitOffset[l + 1]!;
      const wOff = this.weightOffset[l]!;
      const bOff = this.biasOffset[l]!;
      const propagate = l > 0 || inputGrad !== null;
      if (propagate) for (let i = 0; i < fanIn; i++) delta[inOff + i] = 0;
      // Three copies of the loop over units j so the innermost loop carries no branch.
      for (let j = 0; j < fanOut; j++) {
        const d = delta[outOff + j]!;
        if (d === 0) continue; // dead ReLU units contribute nothing
        const row = wOff + j * fanIn;
        if (grad !== null && propagate) {
          grad[bOff + j]! += d;
          for (let i = 0; i < fanIn; i++) {
            grad[row + i]! += d * act[inOff + i]!;
            delta[inOff + i]! += params[row + i]! * d;
          }
        } else if (grad !== null) {
          grad[bOff + j]! += d;
          for (let i = 0; i < fanIn; i++) grad[row + i]! += d * act[inOff + i]!;
        } else {
          for (let i = 0; i < fanIn; i++) delta[inOff + i]! += params[row + i]! * d;
        }
      }
      if (l > 0) {
        for (let i = inOff; i < inOff + fanIn; i++) {
          const a = act[i]!;
          delta[i]! *= relu ? (a > 0 ? 1 : 0) : 1 - a * a;
        }
      }
    }
    if (inputGrad !== null) {
      for (let i = 0; i < this.inputDims; i++) inputGrad[i] = delta[i]!;
    }
  }

  /** A fresh network with initial weights drawn from `rng` (see initialParams). */
  static create(spec: MlpSpec, rng: Rng): Mlp {
    return new Mlp(spec, initialParams(spec, rng));
  }

  /** Rebuilds a network from plain data (e.g. a Worker message or toWeights()); copies the params. */
  static fromWeights(weights: MlpWeights): Mlp {
    return new Mlp(weights.spec, Float64Array.from(weights.params));
  }

  /** A snapshot as plain data (spec and a copy of the params) for workers, storage and clone. */
  toWeights(): MlpWeights {
    return { spec: { ...this.spec, hidden: [...this.spec.hidden] }, params: this.params.slice() };
  }

  /** An independent copy with the same weights (no optimizer state: that lives in a trainer). */
  clone(): Mlp {
    return new Mlp(this.spec, this.params.slice());
  }
}

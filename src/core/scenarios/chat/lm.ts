/**
 * A next-token language model over a fixed window: the last W tokens (W = 6) predict the next one.
 * It is the chat scenario's teacher (hidden 48, tanh) and every student (hidden 48, ReLU by default).
 *
 * Shapes (V = vocabulary size, W = window, H = hidden units), all in one flat Float64Array `params`:
 *   embed     [W][V][H]  at 0                    one input table per window position p: row E[p][t]
 *   hiddenBias    [H]    at W*V*H
 *   outWeight [V][H]     at W*V*H + H            row per output token
 *   outBias       [V]    at W*V*H + H + V*H
 * (V = 56, W = 6, H = 48: 18,920 parameters, 75,680 bytes as float32.)
 * The table per position is the same as a dense layer on the concatenated one-hot window (W*V
 * inputs), computed as a sum of W looked-up rows instead of a W*V*H product.
 *
 * Forward, for the window c_0 .. c_{W-1} (c_{W-1} the latest token):
 *   z_h = hiddenBias_h + sum_p E[p][c_p][h],   a_h = f(z_h)   (f = tanh or relu),
 *   logit_v = outBias_v + sum_h outWeight[v][h] a_h,   p = softmax(logit) (log-sum-exp shifted).
 * Backward, given delta_v = dLoss/dlogit_v (p - t for the cross-entropy against a target
 * distribution t; t one-hot for a hard token):
 *   dOutWeight[v][h] += delta_v a_h,  dOutBias_v += delta_v,
 *   dA_h = sum_v outWeight[v][h] delta_v,  dZ_h = f'(z_h) dA_h  (1 - a^2 for tanh, [a > 0] for relu),
 *   dHiddenBias_h += dZ_h,  dE[p][c_p][h] += dZ_h for each window position p.
 * Written by hand with flat arrays and no allocation per call: it is the scenario's hot loop
 * (hundreds of thousands of sample-steps per run) and simple enough to port to WebAssembly as is.
 */
import { tanh } from '../../math/portable';
import { softmaxInto } from '../../models/mlp';
import type { Rng } from '../../rng';

export type LmActivation = 'tanh' | 'relu';

export interface WindowLmSpec {
  /** vocabulary size V */
  vocab: number;
  /** tokens of context W */
  window: number;
  /** hidden units H */
  hidden: number;
  activation: LmActivation;
}

/** Offsets of the four blocks of `params` (see the file header). */
export interface WindowLmLayout {
  embedOffset: number;
  hiddenBiasOffset: number;
  outWeightOffset: number;
  outBiasOffset: number;
  parameterCount: number;
}

/** The layout of a spec; throws naming the field when a size is not a positive integer. */
export function windowLmLayout(spec: WindowLmSpec): WindowLmLayout {
  for (const field of ['vocab', 'window', 'hidden'] as const) {
    const value = spec[field];
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`language model ${field} must be a positive integer, got ${value}`);
    }
  }
  const { vocab: V, window: W, hidden: H } = spec;
  const hiddenBiasOffset = W * V * H;
  const outWeightOffset = hiddenBiasOffset + H;
  const outBiasOffset = outWeightOffset + V * H;
  return {
    embedOffset: 0,
    hiddenBiasOffset,
    outWeightOffset,
    outBiasOffset,
    parameterCount: outBiasOffset + V,
  };
}

/** frozen models without an identity of their own, counted to name them */
let frozenModels = 0;

export class WindowLm {
  readonly spec: WindowLmSpec;
  readonly layout: WindowLmLayout;
  /** all parameters (layout above); trainers update them in place */
  readonly params: Float64Array;
  /** a_h of the last forward pass */
  readonly hiddenActivation: Float64Array;
  /** logits of the last forward pass */
  readonly logits: Float64Array;
  /** softmax of the last forward pass (the model's buffer: copy it to keep it) */
  readonly probabilities: Float64Array;
  /** log-sum-exp of the last forward pass: log p_v = logits[v] - logSumExp */
  logSumExp = 0;
  private identity: string | null = null;
  private readonly relu: boolean;
  private readonly dHidden: Float64Array;

  /** Wraps `params` (not copied) as the weights of a model of shape `spec`. */
  constructor(spec: WindowLmSpec, params: Float64Array) {
    this.layout = windowLmLayout(spec);
    if (params.length !== this.layout.parameterCount) {
      throw new RangeError(
        `language model params must have ${this.layout.parameterCount} entries, got ${params.length}`,
      );
    }
    this.spec = { ...spec };
    this.params = params;
    this.relu = spec.activation === 'relu';
    this.hiddenActivation = new Float64Array(spec.hidden);
    this.dHidden = new Float64Array(spec.hidden);
    this.logits = new Float64Array(spec.vocab);
    this.probabilities = new Float64Array(spec.vocab);
  }

  /**
   * Promises that `params` will not change from now on (the shipped teacher): the WebAssembly
   * kernels may then keep one copy of the weights for many calls (lmKernels.ts), and results that
   * depend only on the weights may be kept (evaluate.ts). `identity` names the weights: two frozen
   * models with the same identity must have the same params (teacher.ts uses a fingerprint of the
   * file's bytes); by default each model is its own. Returns the model.
   */
  freeze(identity?: string): this {
    this.identity = identity ?? `model-${++frozenModels}`;
    return this;
  }

  /** whether freeze() was called */
  get frozen(): boolean {
    return this.identity !== null;
  }

  /** the identity given to freeze() (null: not frozen) */
  get frozenIdentity(): string | null {
    return this.identity;
  }

  /**
   * A model with fresh weights: input tables N(0, 1/W) so z_h starts with unit variance, output
   * weights N(0, 1/H) (Glorot-style scaling), biases 0.
   */
  static create(spec: WindowLmSpec, rng: Rng): WindowLm {
    const layout = windowLmLayout(spec);
    const params = new Float64Array(layout.parameterCount);
    const embedScale = 1 / Math.sqrt(spec.window);
    for (let i = 0; i < layout.hiddenBiasOffset; i++) params[i] = embedScale * rng.normal();
    const outScale = 1 / Math.sqrt(spec.hidden);
    for (let i = layout.outWeightOffset; i < layout.outBiasOffset; i++) {
      params[i] = outScale * rng.normal();
    }
    return new WindowLm(spec, params);
  }

  /**
   * Forward pass for the window context[offset .. offset + W) (token ids, latest last). Fills
   * hiddenActivation, logits and probabilities; returns log-sum-exp of the logits.
   */
  forward(context: ArrayLike<number>, offset: number): number {
    this.forwardLogits(context, offset);
    // softmax shifted by the largest logit (models/mlp.ts, shared with the planar models)
    this.logSumExp = softmaxInto(this.logits, 0, this.spec.vocab, this.probabilities);
    return this.logSumExp;
  }

  /**
   * The forward pass up to the logits (hiddenActivation and logits; probabilities and logSumExp are
   * left as they were): what decoding needs, without the softmax's V exponentials.
   */
  forwardLogits(context: ArrayLike<number>, offset: number): void {
    const { params, hiddenActivation: act, logits, relu } = this;
    const { vocab: V, window: W, hidden: H } = this.spec;
    const { hiddenBiasOffset, outWeightOffset, outBiasOffset } = this.layout;
    for (let h = 0; h < H; h++) act[h] = params[hiddenBiasOffset + h]!;
    for (let p = 0; p < W; p++) {
      const row = (p * V + context[offset + p]!) * H;
      for (let h = 0; h < H; h++) act[h]! += params[row + h]!;
    }
    for (let h = 0; h < H; h++) {
      const z = act[h]!;
      act[h] = relu ? (z > 0 ? z : 0) : tanh(z);
    }
    // logit_v for four tokens v at a time: each a_h is loaded once for the four, and the four sums
    // do not wait on one another (this product is most of the pass's cost).
    let v = 0;
    for (; v + 3 < V; v += 4) {
      const w0 = outWeightOffset + v * H;
      const w1 = w0 + H;
      const w2 = w1 + H;
      const w3 = w2 + H;
      let z0 = params[outBiasOffset + v]!;
      let z1 = params[outBiasOffset + v + 1]!;
      let z2 = params[outBiasOffset + v + 2]!;
      let z3 = params[outBiasOffset + v + 3]!;
      for (let h = 0; h < H; h++) {
        const a = act[h]!;
        z0 += params[w0 + h]! * a;
        z1 += params[w1 + h]! * a;
        z2 += params[w2 + h]! * a;
        z3 += params[w3 + h]! * a;
      }
      logits[v] = z0;
      logits[v + 1] = z1;
      logits[v + 2] = z2;
      logits[v + 3] = z3;
    }
    for (; v < V; v++) {
      const w = outWeightOffset + v * H;
      let z = params[outBiasOffset + v]!;
      for (let h = 0; h < H; h++) z += params[w + h]! * act[h]!;
      logits[v] = z;
    }
  }

  /** log p(token) of the last forward pass. */
  logProbability(token: number): number {
    return this.logits[token]! - this.logSumExp;
  }

  /**
   * Adds dLoss/dparams to `grad` (parameterCount entries) for the last forward pass, which must be
   * of the same window context[offset ..], given delta[v] = dLoss/dlogit_v.
   */
  backward(
    delta: Float64Array,
    context: ArrayLike<number>,
    offset: number,
    grad: Float64Array,
  ): void {
    const { params, hiddenActivation: act, dHidden, relu } = this;
    const { vocab: V, window: W, hidden: H } = this.spec;
    const { hiddenBiasOffset, outWeightOffset, outBiasOffset } = this.layout;
    dHidden.fill(0);
    // four output tokens at a time, as in forward(): one load and store of dHidden[h] per four
    let v = 0;
    for (; v + 3 < V; v += 4) {
      const d0 = delta[v]!;
      const d1 = delta[v + 1]!;
      const d2 = delta[v + 2]!;
      const d3 = delta[v + 3]!;
      grad[outBiasOffset + v]! += d0;
      grad[outBiasOffset + v + 1]! += d1;
      grad[outBiasOffset + v + 2]! += d2;
      grad[outBiasOffset + v + 3]! += d3;
      const w0 = outWeightOffset + v * H;
      const w1 = w0 + H;
      const w2 = w1 + H;
      const w3 = w2 + H;
      for (let h = 0; h < H; h++) {
        const a = act[h]!;
        grad[w0 + h]! += d0 * a;
        grad[w1 + h]! += d1 * a;
        grad[w2 + h]! += d2 * a;
        grad[w3 + h]! += d3 * a;
        dHidden[h]! +=
          d0 * params[w0 + h]! + d1 * params[w1 + h]! + d2 * params[w2 + h]! + d3 * params[w3 + h]!;
      }
    }
    for (; v < V; v++) {
      const d = delta[v]!;
      grad[outBiasOffset + v]! += d;
      const w = outWeightOffset + v * H;
      for (let h = 0; h < H; h++) {
        grad[w + h]! += d * act[h]!;
        dHidden[h]! += d * params[w + h]!;
      }
    }
    for (let h = 0; h < H; h++) {
      const a = act[h]!;
      const dz = relu ? (a > 0 ? dHidden[h]! : 0) : (1 - a * a) * dHidden[h]!;
      dHidden[h] = dz;
      grad[hiddenBiasOffset + h]! += dz;
    }
    for (let p = 0; p < W; p++) {
      const row = (p * V + context[offset + p]!) * H;
      for (let h = 0; h < H; h++) grad[row + h]! += dHidden[h]!;
    }
  }
}

/**
 * What a credit model is to the scenario: a 2-class `Classifier` over standardised applicants with
 * the class order [p(refuse), p(approve)] (index 0 refuse, 1 approve), that can also explain its
 * decision with feature attributions: the gradient of the approval log-odds
 *   a(x) = d/dx log(p_approve(x) / p_refuse(x))
 * with respect to the standardised input, as a "why was I refused" service would return
 * (Milli et al., FAT* 2019, use the gradient of the model's score). For a logistic model
 * p_approve = sigmoid(w.x + b), a(x) = w at every x; for a softmax MLP with logits z_0, z_1 it is
 * grad z_1 - grad z_0.
 */
import { exp, log1p } from '../../math/portable';
import type { Mlp } from '../../models/mlp';
import type { Classifier } from '../../types';

/** Class indices of the credit scenario. */
export const REFUSE = 0;
export const APPROVE = 1;

export interface CreditModel extends Classifier {
  /** Writes the attributions of `count` rows (from row `offset`) into out[0 .. count*inputDims). */
  attributions(inputs: Float64Array, count: number, out: Float64Array, offset?: number): void;
}

/** 1 / (1 + e^-z), evaluated so that neither branch overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + exp(-z));
  const e = exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) = max(z, 0) + log1p(e^-|z|), exact to rounding for every finite z. */
export function softplus(z: number): number {
  return Math.max(z, 0) + log1p(exp(-Math.abs(z)));
}

/** Approval probability of every row: p[i] = out[2i + 1] of model.predict. */
export function approvalScores(
  model: Classifier,
  inputs: Float64Array,
  count: number,
): Float64Array {
  const out = new Float64Array(count * 2);
  model.predict(inputs, count, out);
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) scores[i] = out[2 * i + APPROVE]!;
  return scores;
}

/**
 * An Mlp with 2 softmax outputs as a CreditModel: prediction is the network's own; the
 * attribution is d(z_1 - z_0)/dx, two logit gradients from Mlp.logitInputGradient (backprop).
 */
export class MlpCreditModel implements CreditModel {
  readonly inputDims: number;
  readonly classes = 2;
  private readonly gradApprove: Float64Array;
  private readonly gradRefuse: Float64Array;

  constructor(readonly network: Mlp) {
    if (network.classes !== 2) {
      throw new RangeError(`a credit model has 2 classes, the network has ${network.classes}`);
    }
    this.inputDims = network.inputDims;
    this.gradApprove = new Float64Array(network.inputDims);
    this.gradRefuse = new Float64Array(network.inputDims);
  }

  predict(inputs: Float64Array, count: number, out: Float64Array, offset = 0): void {
    this.network.predict(inputs, count, out, offset);
  }

  attributions(inputs: Float64Array, count: number, out: Float64Array, offset = 0): void {
    const dims = this.inputDims;
    for (let r = 0; r < count; r++) {
      this.network.logitInputGradient(inputs, offset + r, APPROVE, this.gradApprove);
      this.network.logitInputGradient(inputs, offset + r, REFUSE, this.gradRefuse);
      for (let i = 0; i < dims; i++) out[r * dims + i] = this.gradApprove[i]! - this.gradRefuse[i]!;
    }
  }
}

/**
 * Training data and training for the window language model (lm.ts): next-token examples from
 * conversations, and mini-batch Adam on the cross-entropy against hard tokens or soft targets.
 *
 * An example is a window (the W tokens before a position, `<bos>`-padded at the start) and what
 * followed it: the token itself (hard target, E = -log p_token) or a distribution t over the
 * vocabulary (soft target, E = -sum_v t_v log p_v, Hinton, Vinyals and Dean 2015: the student
 * learns from the teacher's whole distribution, not one sample of it). Both give the output
 * error delta = p - t (t one-hot for a hard token), which lm.ts backpropagates.
 */
import { createOptimizer, type Optimizer } from '../../models/optimizer';
import { shuffleInto, type Rng } from '../../rng';
import type { WindowLm } from './lm';
import { lmKernels, trainWindowLmWithKernels } from './lmKernels';
import { TOKEN } from './vocab';
import { pulse } from '../../pulse';

/** Next-token examples: `count` windows with their hard targets and, when soft, distributions. */
export interface LmExamples {
  /** the window of each example, `window` token ids each, latest last */
  contexts: Int32Array;
  /** the token that followed each window */
  tokens: Int32Array;
  /** a target distribution per example (`vocab` numbers each), or null for hard targets only */
  distributions: Float64Array | null;
  count: number;
  window: number;
  vocab: number;
}

/**
 * Collects examples from conversations. `soft` chooses whether examples carry distributions
 * (those added without one then get the one-hot distribution of their token).
 */
export class ExampleBuilder {
  private contexts: number[] = [];
  private tokens: number[] = [];
  private distributions: number[] = [];

  constructor(
    readonly window: number,
    readonly vocab: number,
    readonly soft: boolean,
  ) {}

  /**
   * Adds one example per token of `continuation`: the W tokens before it in prompt + continuation.
   * `targets[i]`, when given, is the distribution for continuation[i] (vocab numbers).
   */
  add(
    prompt: readonly number[],
    continuation: readonly number[],
    targets?: readonly (ArrayLike<number> | null)[],
  ): void {
    const { window: W, vocab: V } = this;
    const sequence = [...prompt, ...continuation];
    for (let i = 0; i < continuation.length; i++) {
      const at = prompt.length + i;
      for (let p = 0; p < W; p++) {
        const index = at - W + p;
        this.contexts.push(index < 0 ? TOKEN.bos : sequence[index]!);
      }
      const token = continuation[i]!;
      this.tokens.push(token);
      if (!this.soft) continue;
      const target = targets?.[i];
      for (let v = 0; v < V; v++)
        this.distributions.push(target ? target[v]! : v === token ? 1 : 0);
    }
  }

  /** The examples collected so far. */
  build(): LmExamples {
    return {
      contexts: Int32Array.from(this.contexts),
      tokens: Int32Array.from(this.tokens),
      distributions: this.soft ? Float64Array.from(this.distributions) : null,
      count: this.tokens.length,
      window: this.window,
      vocab: this.vocab,
    };
  }
}

/**
 * Forward pass of example `i` and its loss; when `delta` is given, fills it with p - t. Hard:
 * E = -log p_token; soft: E = -sum_v t_v log p_v (log p_v = logit_v - lse; t_v = 0 terms skipped).
 */
export function exampleLoss(
  model: WindowLm,
  examples: LmExamples,
  i: number,
  delta: Float64Array | null,
): number {
  const { window: W, vocab: V, distributions } = examples;
  const lse = model.forward(examples.contexts, i * W);
  const { logits, probabilities } = model;
  if (distributions === null) {
    const token = examples.tokens[i]!;
    if (delta) {
      for (let v = 0; v < V; v++) delta[v] = probabilities[v]!;
      delta[token]! -= 1;
    }
    return lse - logits[token]!;
  }
  let loss = 0;
  const row = i * V;
  for (let v = 0; v < V; v++) {
    const t = distributions[row + v]!;
    if (t !== 0) loss -= t * (logits[v]! - lse);
    if (delta) delta[v] = probabilities[v]! - t;
  }
  return loss;
}

/** Mean loss over all examples. */
export function meanLoss(model: WindowLm, examples: LmExamples): number {
  let total = 0;
  for (let i = 0; i < examples.count; i++) total += exampleLoss(model, examples, i, null);
  return examples.count > 0 ? total / examples.count : 0;
}

export interface LmTrainOptions {
  /** Adam updates */
  steps: number;
  /** examples per update */
  batchSize: number;
  /** Adam's step size alpha */
  learningRate: number;
  /** shuffles the examples (a fresh order each pass) */
  rng: Rng;
  /**
   * an Adam optimizer of the model's size to continue (its moments and step count carry over
   * between calls, as when a student keeps training while examples arrive); a fresh one if absent
   */
  optimizer?: Optimizer;
}

/**
 * Mini-batch Adam (Kingma and Ba 2015; models/optimizer.ts) on the mean loss of each batch, for
 * `steps` updates, walking the examples in a fresh random order each pass. Returns the mean loss
 * of the examples seen in the last (possibly partial) pass, each measured before its update. No
 * examples or no steps: the model is left unchanged and 0 is returned.
 */
export function trainWindowLm(
  model: WindowLm,
  examples: LmExamples,
  options: LmTrainOptions,
): number {
  const { steps, batchSize, learningRate, rng } = options;
  const n = examples.count;
  if (n === 0 || steps <= 0) return 0;
  const kernels = lmKernels();
  if (kernels !== null) {
    const optimizer =
      options.optimizer ?? createOptimizer('adam', model.params.length, learningRate);
    const loss = trainWindowLmWithKernels(
      kernels,
      model,
      examples,
      steps,
      batchSize,
      rng,
      optimizer,
    );
    if (loss !== null) return loss;
  }
  const grad = new Float64Array(model.params.length);
  const delta = new Float64Array(examples.vocab);
  const order = new Uint32Array(n);
  const optimizer = options.optimizer ?? createOptimizer('adam', model.params.length, learningRate);
  let cursor = n;
  let passLoss = 0;
  let passCount = 0;
  for (let step = 0; step < steps; step++) {
    grad.fill(0);
    const size = Math.min(batchSize, n);
    for (let b = 0; b < size; b++) {
      if (cursor === n) {
        shuffleInto(order, n, rng);
        pulse(); // once per epoch: a sign of life for the worker's watchdog
        cursor = 0;
        passLoss = 0;
        passCount = 0;
      }
      const i = order[cursor++]!;
      passLoss += exampleLoss(model, examples, i, delta);
      passCount++;
      model.backward(delta, examples.contexts, i * examples.window, grad);
    }
    optimizer.step(model.params, grad, 1 / size, null);
  }
  return passCount > 0 ? passLoss / passCount : 0;
}

/**
 * Decoding with the window language model: sampling at a temperature (the chat API) and greedy
 * decoding (evaluation).
 *
 * At temperature T > 0 the next token is drawn from p_T(v) = exp(logit_v / T) / sum_u exp(logit_u / T)
 * (T = 1: the model's own distribution; T -> 0: greedy), by the inverse CDF with one uniform from
 * the seeded Rng, so the same seed gives the same text in every engine. T = 0 means greedy: the
 * most probable token (the lowest id on a tie).
 */
import { exp, log } from '../../math/portable';
import type { Rng } from '../../rng';
import type { WindowLm } from './lm';
import { logitsSession } from './lmKernels';
import { TOKEN } from './vocab';

export interface DecodeOptions {
  /** stop after this many tokens if `<end>` has not come */
  maxTokens: number;
  /** sampling temperature; 0 = greedy */
  temperature: number;
  /** the draws when temperature > 0 */
  rng?: Rng;
  /**
   * changes the logits before the token is chosen (the API's logit noise, a text watermark): gets
   * a copy of the logits and the window the model saw (latest token last); absent: no copy made
   */
  adjustLogits?: (logits: Float64Array, window: Int32Array) => void;
}

/**
 * Fills `out` with log p_T(v) = logit_v / T - log sum_u exp(logit_u / T) (shifted by the largest
 * logit so every exp() is <= 1), for T > 0.
 */
export function logSoftmaxAtTemperature(
  logits: Float64Array,
  temperature: number,
  out: Float64Array,
): void {
  const n = logits.length;
  const inv = 1 / temperature;
  let max = -Infinity;
  for (let v = 0; v < n; v++) if (logits[v]! > max) max = logits[v]!;
  let sum = 0;
  for (let v = 0; v < n; v++) sum += exp((logits[v]! - max) * inv);
  const lse = log(sum);
  for (let v = 0; v < n; v++) out[v] = (logits[v]! - max) * inv - lse;
}

/** The index of the largest entry (the lowest index on a tie). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let v = 1; v < values.length; v++) if (values[v]! > values[best]!) best = v;
  return best;
}

/** A draw from the distribution exp(logProbabilities) by the inverse CDF with one uniform. */
export function sampleFromLog(logProbabilities: Float64Array, rng: Rng): number {
  const u = rng.next();
  let cumulative = 0;
  const last = logProbabilities.length - 1;
  for (let v = 0; v < last; v++) {
    cumulative += exp(logProbabilities[v]!);
    if (u < cumulative) return v;
  }
  return last;
}

/**
 * Continues `prompt` (token ids) until `<end>` (included) or maxTokens. `onToken`, when given, sees
 * each position's log-distribution log p_T (null when greedy) and the chosen token, before the
 * next step (the buffer is reused: copy what you keep).
 */
export function decode(
  model: WindowLm,
  prompt: readonly number[],
  options: DecodeOptions,
  onToken?: (logDistribution: Float64Array | null, token: number) => void,
): number[] {
  const W = model.spec.window;
  const window = new Int32Array(W).fill(TOKEN.bos);
  const start = Math.max(0, prompt.length - W);
  for (let i = start; i < prompt.length; i++) window[W - (prompt.length - i)] = prompt[i]!;
  const greedy = !(options.temperature > 0);
  if (!greedy && !options.rng) throw new RangeError('decode: sampling needs an rng');
  const logDistribution = new Float64Array(model.spec.vocab);
  const adjusted = options.adjustLogits ? new Float64Array(model.spec.vocab) : null;
  const generated: number[] = [];
  // the logits only (no softmax: nothing here reads it), on the kernels when installed; either way
  // they land in model.logits (servedShift.ts reads them there)
  const session = logitsSession(model, 1);
  const modelLogits = model.logits;
  while (generated.length < options.maxTokens) {
    if (session) session.logits(window, 1, modelLogits);
    else model.forwardLogits(window, 0);
    let logits = modelLogits;
    if (adjusted) {
      adjusted.set(logits);
      options.adjustLogits!(adjusted, window);
      logits = adjusted;
    }
    let token: number;
    if (greedy) {
      token = argmax(logits);
    } else if (session) {
      // the same step in the module (one draw from the rng, as sampleFromLog makes)
      const u = options.rng!.next();
      token = session.sample(logits, options.temperature, u, logDistribution);
    } else {
      logSoftmaxAtTemperature(logits, options.temperature, logDistribution);
      token = sampleFromLog(logDistribution, options.rng!);
    }
    onToken?.(greedy ? null : logDistribution, token);
    generated.push(token);
    if (token === TOKEN.end) break;
    window.copyWithin(0, 1);
    window[W - 1] = token;
  }
  return generated;
}

/**
 * Greedy decoding of many prompts at once: for each prompt, what `decode` at temperature 0 returns
 * (the same forward pass and argmax per token), with the windows of all unfinished prompts put
 * through the model together (one kernel call per step and block of windows when kernels are
 * installed, which is where batching pays). `enough`, when given, ends a prompt's answer early once
 * it returns true for the tokens so far (evaluation stops at the stated result): the answer is then
 * a prefix of decode's.
 */
export function greedyDecodeMany(
  model: WindowLm,
  prompts: readonly (readonly number[])[],
  maxTokens: number,
  enough?: (answer: readonly number[]) => boolean,
): number[][] {
  const { window: W, vocab: V } = model.spec;
  const count = prompts.length;
  const windows = new Int32Array(count * W).fill(TOKEN.bos);
  prompts.forEach((prompt, r) => {
    const start = Math.max(0, prompt.length - W);
    for (let i = start; i < prompt.length; i++)
      windows[r * W + W - (prompt.length - i)] = prompt[i]!;
  });
  const outputs: number[][] = prompts.map(() => []);
  const session = logitsSession(model);
  const capacity = session ? session.capacity : 1;
  // the unfinished prompts (ids), and their windows packed in that order
  let active = Array.from({ length: count }, (_, r) => r);
  const packed = new Int32Array(Math.min(capacity, Math.max(count, 1)) * W);
  const logits = session ? new Float64Array((packed.length / W) * V) : model.logits;
  for (let step = 0; step < maxTokens && active.length > 0; step++) {
    const still: number[] = [];
    for (let first = 0; first < active.length; first += capacity) {
      const rows = Math.min(capacity, active.length - first);
      for (let j = 0; j < rows; j++) {
        const from = active[first + j]! * W;
        for (let p = 0; p < W; p++) packed[j * W + p] = windows[from + p]!;
      }
      if (session) session.logits(packed, rows, logits);
      else model.forwardLogits(packed, 0);
      for (let j = 0; j < rows; j++) {
        const r = active[first + j]!;
        // argmax (the lowest id on a tie), as decode
        const row = j * V;
        let token = 0;
        for (let v = 1; v < V; v++) if (logits[row + v]! > logits[row + token]!) token = v;
        const answer = outputs[r]!;
        answer.push(token);
        if (token === TOKEN.end || (enough && enough(answer))) continue;
        const at = r * W;
        for (let p = 0; p + 1 < W; p++) windows[at + p] = windows[at + p + 1]!;
        windows[at + W - 1] = token;
        still.push(r);
      }
    }
    active = still;
  }
  return outputs;
}

/**
 * The ownership check of the KGW text watermark (./kgw.ts) in the chat kind. The owner asks the
 * suspect (the attacker's student) to answer task problems, samples its own text (temperature 1),
 * and counts green tokens over T scored positions: z = (green - gamma T) / sqrt(T gamma (1 - gamma)).
 * A position is scored only where the model had a real choice: where the owner's unwatermarked
 * teacher has entropy of at least ENTROPY_MIN at the same context (the idea of Lee et al. 2024,
 * SWEET, for low-entropy text). The maths tokens are near-certain, so a watermark cannot live
 * there (delta moves no probability when one token already has it all); the chatty words carry it.
 *
 * Each key gives an unwatermarked text its own baseline: the green list after a given word holds
 * more or fewer of the words the model likes, so z over keys spreads wider than N(0, 1) when few
 * contexts recur. `nullDistribution` measures it: z of an unwatermarked model's text under many
 * keys, and the share above the threshold (the false accusation rate).
 */
import { normalUpperTail } from '../../metrics/normal';
import { hashString, type Rng } from '../../rng';
import { decode } from './generate';
import { GreenLists, kgwZ } from './kgw';
import type { WindowLm } from './lm';
import { MAX_REPLY_TOKENS } from './chatApi';
import { entropyOf } from './servedShift';

/** Scored positions per check (T; the prototype's figure was measured at T = 200). */
export const SCORED_TOKENS = 200;
/** Entropy (nats) of the teacher's distribution from which a position counts as a real choice. */
export const ENTROPY_MIN = 1;
/** Keys of the null distribution. */
export const NULL_KEYS = 200;

/** The scored positions of a text: the token before each and the token chosen. */
export interface ScoredText {
  previous: Int32Array;
  tokens: Int32Array;
}

/**
 * T = `scored` scored positions of `model`'s own answers to `prompts` (taken in turn, cycling),
 * sampled at temperature 1 from `rng`; `adjustLogits` (the API's watermark, for the teacher's own
 * text) changes the logits first. Positions count where `teacher`'s clean entropy >= ENTROPY_MIN
 * (`where` 'choice', the check's rule), or, to show that near-certain tokens carry no watermark,
 * only where it is below (`where` 'certain': the sums and the result).
 */
export function scoredText(
  model: WindowLm,
  teacher: WindowLm,
  prompts: readonly (readonly number[])[],
  scored: number,
  rng: Rng,
  adjustLogits?: (logits: Float64Array, window: Int32Array) => void,
  where: 'choice' | 'certain' = 'choice',
): ScoredText {
  const previous: number[] = [];
  const tokens: number[] = [];
  const limit = Math.max(1, prompts.length) * 50;
  // the previous token of the position being decoded when it counts, else -1
  let pending = -1;
  for (let i = 0; tokens.length < scored && i < limit && prompts.length > 0; i++) {
    decode(
      model,
      [...prompts[i % prompts.length]!],
      {
        maxTokens: MAX_REPLY_TOKENS,
        temperature: 1,
        rng,
        adjustLogits: (logits, window) => {
          // the teacher's pass fills its own buffers; `logits` is already the model's copy
          teacher.forward(window, 0);
          const choice = entropyOf(teacher.probabilities) >= ENTROPY_MIN;
          const counts = where === 'choice' ? choice : !choice;
          pending = counts ? window[window.length - 1]! : -1;
          adjustLogits?.(logits, window);
        },
      },
      (_, token) => {
        if (pending >= 0 && tokens.length < scored) {
          previous.push(pending);
          tokens.push(token);
        }
      },
    );
  }
  return { previous: Int32Array.from(previous), tokens: Int32Array.from(tokens) };
}

/** Green tokens of a scored text under `lists`. */
export function greenCount(text: ScoredText, lists: GreenLists): number {
  let green = 0;
  for (let i = 0; i < text.tokens.length; i++) {
    if (lists.isGreen(text.previous[i]!, text.tokens[i]!)) green++;
  }
  return green;
}

export interface TextZ {
  z: number;
  /** one-sided p-value 1 - Phi(z) */
  pValue: number;
  greenShare: number;
  scored: number;
}

/** KGW's z of a scored text under `lists`. */
export function textZ(text: ScoredText, lists: GreenLists): TextZ {
  const scored = text.tokens.length;
  const green = greenCount(text, lists);
  const z = kgwZ(green, scored, lists.gamma);
  return { z, pValue: normalUpperTail(z), greenShare: scored > 0 ? green / scored : 0, scored };
}

export interface NullDistribution {
  keys: number;
  mean: number;
  sd: number;
  max: number;
  threshold: number;
  /** share of keys under which the unwatermarked text's z exceeds the threshold */
  falseAccusationRate: number;
}

/** z of an unwatermarked `text` under `keys` keys unrelated to the owner's (hash of "null:i"). */
export function nullDistribution(
  text: ScoredText,
  gamma: number,
  vocab: number,
  threshold: number,
  keys = NULL_KEYS,
): NullDistribution {
  const zs = Array.from(
    { length: keys },
    (_, i) => textZ(text, new GreenLists(hashString(`null:${i}`), gamma, vocab)).z,
  );
  const mean = zs.reduce((s, z) => s + z, 0) / keys;
  const variance = zs.reduce((s, z) => s + (z - mean) * (z - mean), 0) / Math.max(1, keys - 1);
  return {
    keys,
    mean,
    sd: Math.sqrt(variance),
    max: Math.max(...zs),
    threshold,
    falseAccusationRate: zs.filter((z) => z > threshold).length / keys,
  };
}

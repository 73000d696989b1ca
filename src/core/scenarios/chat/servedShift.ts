/**
 * What an answer-changing setting of the chat API (logit noise, the text watermark) does to the
 * distribution honest users are served: along the teacher's answers to honest prompts, the mean L1
 * distance sum_v |p_served(v) - p_clean(v)| between the served and the clean next-token
 * distributions at the API's temperature (REFERENCE.md, "Defense cost": output distortion, the
 * mean L1 distance between the clean and the served probability vector).
 */
import { exp, log } from '../../math/portable';
import type { Rng } from '../../rng';
import { MAX_REPLY_TOKENS } from './chatApi';
import { decode, logSoftmaxAtTemperature } from './generate';
import type { WindowLm } from './lm';

/** Entropy -sum p log p (nats) of a probability vector (0 log 0 = 0). */
export function entropyOf(p: ArrayLike<number>): number {
  let h = 0;
  for (let v = 0; v < p.length; v++) if (p[v]! > 0) h -= p[v]! * log(p[v]!);
  return h;
}

/**
 * Mean L1 distance between served and clean distributions over every position of the answers the
 * API serves to `prompts` (sampled from the served distribution with `rng`); 0 without prompts.
 */
export function servedDistortion(
  teacher: WindowLm,
  prompts: readonly (readonly number[])[],
  temperature: number,
  adjustLogits: (logits: Float64Array, window: Int32Array) => void,
  rng: Rng,
): number {
  const V = teacher.spec.vocab;
  const clean = new Float64Array(V);
  const served = new Float64Array(V);
  let total = 0;
  let positions = 0;
  for (const prompt of prompts) {
    decode(teacher, [...prompt], {
      maxTokens: MAX_REPLY_TOKENS,
      temperature,
      rng,
      adjustLogits: (logits, window) => {
        logSoftmaxAtTemperature(teacher.logits, temperature, clean);
        adjustLogits(logits, window);
        logSoftmaxAtTemperature(logits, temperature, served);
        let l1 = 0;
        for (let v = 0; v < V; v++) l1 += Math.abs(exp(served[v]!) - exp(clean[v]!));
        total += l1;
        positions++;
      },
    });
  }
  return positions > 0 ? total / positions : 0;
}

/**
 * The chat API's settings from a config: the answer format, hidden reasoning, and the defenses of
 * the chat-defense issue that act where the teacher answers: logit noise (answer format `noise`:
 * full log-probabilities of logits with Gaussian noise of `defense.output.sigma`, fixed per
 * context), the KGW text watermark (`defense.watermark.*`) and the reasoning-elicitation filter
 * (`defense.elicitation.on`). Keys are derived from the run's seed: the owner's secret, the same
 * for the attacker's and the honest users' answers (one served model).
 */
import type { Config } from '../../config/schema';
import { hashString } from '../../rng';
import type { ChatApiOptions } from './chatApi';
import { GreenLists } from './kgw';
import { VOCAB_SIZE } from './vocab';

/** The watermark's secret key of a run. */
export function watermarkKey(config: Config): number {
  return hashString(`${config.seed}:kgw-key`);
}

/** The green lists of a run's watermark (gamma from the config). */
export function watermarkLists(config: Config): GreenLists {
  return new GreenLists(watermarkKey(config), config.defense.watermark.gamma, VOCAB_SIZE);
}

/** The chat API's settings in a config (the output mode is one of the chat kind's). */
export function chatApiOptions(config: Config): ChatApiOptions {
  const { output, watermark, elicitation } = config.defense;
  const mode = output.mode === 'noise' ? 'logprobs' : output.mode;
  if (mode !== 'text' && mode !== 'topLogprobs' && mode !== 'logprobs') {
    throw new Error(`defense.output.mode ${mode} is not a chat answer format`);
  }
  return {
    mode,
    topK: output.topLogprobs,
    reasoning: config.defense.chat.reasoning,
    temperature: config.victim.temperature,
    ...(output.mode === 'noise' && output.sigma > 0
      ? { logitNoise: { sigma: output.sigma, seed: hashString(`${config.seed}:logit-noise`) } }
      : {}),
    ...(watermark.on
      ? { watermark: { lists: watermarkLists(config), delta: watermark.delta } }
      : {}),
    ...(elicitation.on
      ? {
          filterElicitation: {
            recall: elicitation.recall,
            key: hashString(`${config.seed}:elicitation-filter`),
          },
        }
      : {}),
  };
}

/** The settings without what changes the served distribution (noise, watermark). */
export function withoutAnswerChanges(options: ChatApiOptions): ChatApiOptions {
  const { logitNoise: _noise, watermark: _watermark, ...rest } = options;
  return rest;
}

/** Does the API change the distribution it serves (logit noise or the watermark)? */
export function changesAnswers(options: ChatApiOptions): boolean {
  return options.logitNoise !== undefined || options.watermark !== undefined;
}

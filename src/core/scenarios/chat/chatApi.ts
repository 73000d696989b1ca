/**
 * The chat API's answer: the teacher samples a reply to a prompt, and the API decides what of it
 * the caller sees (`defense.output.mode`, `defense.chat.reasoning`).
 *
 * Output modes:
 *   - text: the visible tokens only (the default);
 *   - topLogprobs: with each visible token, the k most likely tokens at that position and their
 *     log-probabilities (k = 1..20, as commercial APIs offer);
 *   - logprobs: with each visible token, the log-probability of every token in the vocabulary.
 * Log-probabilities are those of the distribution the API samples from (temperature applied).
 * Reasoning: `shown` returns everything; `hidden` keeps the private reasoning, i.e. every token up
 * to and including the first `</think>`, to itself, and returns the result and the chatty words, as
 * providers that hide or summarise raw reasoning do. An answer written with `[steps]` has no
 * `</think>`: its steps are part of the visible answer. Hidden tokens are still generated and
 * billed (providers bill reasoning tokens they do not show).
 */
import { hashString, type Rng } from '../../rng';
import { decode } from './generate';
import { boostGreen, type GreenLists } from './kgw';
import type { WindowLm } from './lm';
import { addLogitNoise } from './logitNoise';
import { TOKEN } from './vocab';
import {
  MAX_REPLY_TOKENS,
  TOP_K_MAX,
  TOP_K_MIN,
  type ChatOutputMode,
  type ReasoningVisibility,
} from './apiNames';

export {
  CHAT_OUTPUT_MODES,
  MAX_REPLY_TOKENS,
  REASONING_VISIBILITY,
  TOP_K_MAX,
  TOP_K_MIN,
  type ChatOutputMode,
  type ReasoningVisibility,
} from './apiNames';

export interface ChatApiOptions {
  mode: ChatOutputMode;
  /** k for topLogprobs (ignored otherwise) */
  topK: number;
  reasoning: ReasoningVisibility;
  /** the teacher's sampling temperature (`victim.temperature`, > 0) */
  temperature: number;
  /** longest reply (default MAX_REPLY_TOKENS; a logit-stealing attacker asks for 1 token) */
  maxTokens?: number;
  /** Gaussian noise on the logits, fixed per context (./logitNoise.ts); absent or sigma 0: none */
  logitNoise?: { sigma: number; seed: number };
  /** the KGW text watermark (./kgw.ts): delta added to the green list after each previous token */
  watermark?: { lists: GreenLists; delta: number };
  /**
   * the reasoning-elicitation filter: a prompt that asks for the steps (`[steps]`) and that the
   * filter catches gets the answer without them (everything up to and including its `=>` is
   * withheld, as hidden reasoning is); it catches a share `recall` of such prompts, chosen by a
   * keyed hash of the prompt (the same prompt is always caught or always missed)
   */
  filterElicitation?: { recall: number; key: number };
}

/** The log-probabilities returned with one visible token. */
export interface TokenLogprobs {
  /** token ids, most likely first (all V in logprobs mode, in id order) */
  tokens: Int32Array;
  /** their log-probabilities */
  logprobs: Float64Array;
}

export interface ChatAnswer {
  /** everything the teacher generated, hidden reasoning included (the provider's view) */
  generated: number[];
  /** how many leading tokens of `generated` the API hid (0 when reasoning is shown) */
  hiddenCount: number;
  /** what the caller sees: generated.slice(hiddenCount) */
  text: number[];
  /** per visible token, its log-probabilities (null in text mode) */
  logprobs: TokenLogprobs[] | null;
}

/** The ids 0 .. n-1, a fresh array each call (callers own what they get). */
function allTokens(n: number): Int32Array {
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  return ids;
}

/** Token ids of the k largest log-probabilities, most likely first (lower id first on a tie). */
export function topTokens(logDistribution: Float64Array, k: number): Int32Array {
  const ids = Array.from(logDistribution.keys());
  ids.sort((a, b) => logDistribution[b]! - logDistribution[a]! || a - b);
  return Int32Array.from(ids.slice(0, k));
}

/**
 * The change the API makes to the teacher's logits before it samples and reports them: logit noise
 * fixed per context (./logitNoise.ts), then the watermark's green boost after the previous token
 * (./kgw.ts); undefined when it makes none.
 */
export function answerAdjustment(
  options: Pick<ChatApiOptions, 'logitNoise' | 'watermark'>,
): ((logits: Float64Array, window: Int32Array) => void) | undefined {
  const { logitNoise, watermark } = options;
  const noisy = logitNoise !== undefined && logitNoise.sigma > 0;
  if (!noisy && !watermark) return undefined;
  return (logits, window) => {
    if (noisy) addLogitNoise(logits, window, logitNoise.sigma, logitNoise.seed);
    if (watermark) boostGreen(logits, window[window.length - 1]!, watermark.lists, watermark.delta);
  };
}

/** Does the elicitation filter catch `prompt`? hash(key, prompt) / 2^32 < recall. */
export function caught(
  prompt: readonly number[],
  filter: { recall: number; key: number },
): boolean {
  return hashString(prompt.join(','), filter.key) / 4294967296 < filter.recall;
}

/**
 * How many leading tokens of `generated` the API withholds: the private reasoning up to `</think>`
 * when reasoning is hidden; the visible steps up to `=>` when the elicitation filter is on and the
 * prompt asked for them (`[steps]`); 0 otherwise.
 */
export function hiddenTokens(
  prompt: readonly number[],
  generated: readonly number[],
  options: Pick<ChatApiOptions, 'reasoning' | 'filterElicitation'>,
): number {
  const thinkEnd = generated.indexOf(TOKEN.thinkEnd);
  if (options.reasoning === 'hidden' && thinkEnd >= 0) return thinkEnd + 1;
  if (
    options.filterElicitation &&
    prompt.includes(TOKEN.steps) &&
    caught(prompt, options.filterElicitation)
  ) {
    const mark = generated.indexOf(TOKEN.answerMark);
    if (mark >= 0) return mark + 1;
  }
  return 0;
}

/**
 * The API's answer to `prompt`: the teacher samples (temperature `options.temperature`, draws from
 * `rng`) up to `<end>` or MAX_REPLY_TOKENS, then the API hides and annotates as described above.
 */
export function answerPrompt(
  teacher: WindowLm,
  prompt: readonly number[],
  options: ChatApiOptions,
  rng: Rng,
): ChatAnswer {
  if (!(options.temperature > 0)) {
    throw new RangeError(`victim.temperature must be > 0, got ${options.temperature}`);
  }
  const k = Math.min(Math.max(Math.round(options.topK), TOP_K_MIN), TOP_K_MAX);
  const perToken: TokenLogprobs[] = [];
  const adjustLogits = answerAdjustment(options);
  const generated = decode(
    teacher,
    prompt,
    {
      maxTokens: options.maxTokens ?? MAX_REPLY_TOKENS,
      temperature: options.temperature,
      rng,
      ...(adjustLogits ? { adjustLogits } : {}),
    },
    (logDistribution) => {
      if (options.mode === 'text' || logDistribution === null) return;
      if (options.mode === 'logprobs') {
        // every token in id order (typed-array copies: iterating keys() was most of this mode's cost)
        perToken.push({
          tokens: allTokens(logDistribution.length),
          logprobs: logDistribution.slice(),
        });
        return;
      }
      const tokens = topTokens(logDistribution, k);
      perToken.push({ tokens, logprobs: Float64Array.from(tokens, (t) => logDistribution[t]!) });
    },
  );
  const hiddenCount = hiddenTokens(prompt, generated, options);
  return {
    generated,
    hiddenCount,
    text: generated.slice(hiddenCount),
    logprobs: options.mode === 'text' ? null : perToken.slice(hiddenCount),
  };
}

/**
 * Text (the chat kind's default answer format): the sampled tokens only, as a chat API returns by
 * default. The analogue of "label only": each position gives the attacker one sampled token, a
 * hard target. The chat kind applies the format itself (scenarios/chat/chatApi.ts); `perturb`
 * says what the format means for one next-token distribution served as a class vector: the
 * one-hot of its most likely token (greedy sampling).
 */
import { argmax, fillOneHot } from '../../../math/vector';
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    text: true;
  }
}

export const textMeta: OutputModeMeta = {
  id: 'text',
  name: 'Text only',
  short: 'text',
  fields: [],
  strength: 3,
  hardLabels: true,
  card: 'text',
  kinds: ['chat'],
};

export const text: OutputModePlugin = {
  ...textMeta,
  perturb: (clean, _options, _rng, out) => fillOneHot(out, argmax(clean)),
};

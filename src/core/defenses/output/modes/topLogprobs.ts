/**
 * Top log-probabilities (chat kind): with each visible token, the k most likely tokens at that
 * position and their log-probabilities, as commercial chat APIs offer (k = 1..20). The chat kind
 * applies the format (scenarios/chat/chatApi.ts); the student learns the k returned probabilities
 * renormalised (scenarios/chat/student.ts). `perturb`, for one distribution served as a class
 * vector: the k largest probabilities kept, the rest 0 (as the planar top-k mode, ./topk.ts).
 */
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';
import { keepTopK } from './topk';

declare module '../../../config/schema' {
  interface OutputModeNames {
    topLogprobs: true;
  }
}

declare module '../section' {
  interface OutputSection {
    /** tokens per position returned by the topLogprobs mode (an API's `top_logprobs`) */
    topLogprobs: number;
  }
}

export const topLogprobsMeta: OutputModeMeta = {
  id: 'topLogprobs',
  name: 'Text with top log-probabilities',
  short: 'top-k logprobs',
  fields: [
    {
      path: 'defense.output.topLogprobs',
      key: 'olk',
      kind: 'int',
      min: 1,
      max: 20,
      default: 5,
      label: 'Top log-probabilities',
      help: 'With each word, the API also returns this many likely words and their log-probabilities (commercial APIs offer up to 20).',
      kinds: ['chat'],
    },
  ],
  strength: 2,
  hardLabels: false,
  knob: {
    path: 'defense.output.topLogprobs',
    levels: ['off', 20, 10, 5, 2, 1],
    label: 'Top log-probabilities',
    unit: 'k',
  },
  card: 'topLogprobs',
  kinds: ['chat'],
};

export const topLogprobs: OutputModePlugin = {
  ...topLogprobsMeta,
  perturb: (clean, options, _rng, out) => keepTopK(clean, options.topLogprobs, out),
};

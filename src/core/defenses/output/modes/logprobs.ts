/**
 * Full log-probabilities (chat kind): with each visible token, the log-probability of every token
 * in the vocabulary. The chat kind's undefended format (strength 0), the analogue of full
 * probabilities: the student learns the teacher's whole distribution at every position (soft
 * targets, Hinton, Vinyals and Dean 2015). `perturb` serves the distribution unchanged.
 */
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    logprobs: true;
  }
}

export const logprobsMeta: OutputModeMeta = {
  id: 'logprobs',
  name: 'Text with all log-probabilities (no defense)',
  short: 'all logprobs',
  fields: [],
  strength: 0,
  hardLabels: false,
  card: null,
  kinds: ['chat'],
};

export const logprobs: OutputModePlugin = {
  ...logprobsMeta,
  perturb: (clean, _options, _rng, out) => out.set(clean),
};

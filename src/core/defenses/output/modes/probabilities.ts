/** Full probabilities: the API returns the victim's clean probability vector (no defense). */
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    probabilities: true;
  }
}

export const probabilitiesMeta: OutputModeMeta = {
  id: 'probabilities',
  name: 'Full probabilities (no defense)',
  short: 'full probabilities',
  fields: [],
  strength: 0,
  hardLabels: false,
  card: null,
  kinds: ['planar', 'credit'],
};

export const probabilities: OutputModePlugin = {
  ...probabilitiesMeta,
  perturb: (clean, _options, _rng, out) => out.set(clean),
};

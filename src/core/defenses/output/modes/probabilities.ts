/** Full probabilities: the API returns the victim's clean probability vector (no defense). */
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    probabilities: true;
  }
}

export const probabilities: OutputModePlugin = {
  id: 'probabilities',
  name: 'Full probabilities (no defense)',
  short: 'full probabilities',
  fields: [],
  strength: 0,
  hardLabels: false,
  card: null,
  kinds: ['planar', 'credit'],
  perturb: (clean, _options, _rng, out) => out.set(clean),
};

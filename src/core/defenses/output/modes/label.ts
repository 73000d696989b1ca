/** Label only (ART `ClassLabels`): the one-hot vector of the victim's top-1 class. */
import { argmax, fillOneHot } from '../../../math/vector';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    label: true;
  }
}

export const label: OutputModePlugin = {
  id: 'label',
  name: 'Label only',
  short: 'label only',
  fields: [],
  strength: 5,
  hardLabels: true,
  card: 'label',
  kinds: ['planar', 'credit'],
  perturb: (clean, _options, _rng, out) => fillOneHot(out, argmax(clean)),
};

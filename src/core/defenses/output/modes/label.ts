/** Label only (ART `ClassLabels`): the one-hot vector of the victim's top-1 class. */
import { argmax, fillOneHot } from '../../../math/vector';
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    label: true;
  }
}

export const labelMeta: OutputModeMeta = {
  id: 'label',
  name: 'Label only',
  short: 'label only',
  fields: [],
  strength: 5,
  hardLabels: true,
  card: 'label',
  kinds: ['planar', 'credit'],
};

export const label: OutputModePlugin = {
  ...labelMeta,
  perturb: (clean, _options, _rng, out) => fillOneHot(out, argmax(clean)),
};

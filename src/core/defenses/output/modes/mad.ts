/**
 * Prediction poisoning, MAD (Orekondy, Schiele and Fritz, ICLR 2020; REFERENCE.md): each answer
 * moved within an L1 budget epsilon in the direction that most deflects the gradient a student
 * would take from it, computed on a surrogate the owner trains itself (../owner-models.ts); the
 * search is in ../mad.ts. With keepTop1 (MAD-argmax) the top-1 class never changes, so honest
 * users' decisions do not. The gradient needs the query x, hence a per-run answer function (../prepared.ts, worker only); `perturb` (no query
 * point) serves the clean answer.
 */
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    mad: true;
  }
}
declare module '../section' {
  interface OutputSection {
    /** L1 budget of the MAD perturbation */
    epsilon: number;
    /** MAD-argmax: keep the top-1 class */
    keepTop1: boolean;
  }
}

export const madMeta: OutputModeMeta = {
  id: 'mad',
  name: 'Prediction poisoning, MAD (Orekondy 2020)',
  short: 'MAD',
  fields: [
    {
      path: 'defense.output.epsilon',
      kinds: ['planar'],
      key: 'oe',
      kind: 'number',
      min: 0,
      max: 2,
      default: 0.5,
      label: 'MAD budget (L1)',
      help: 'How far each answer may be moved (L1 distance; 2 is any answer at all).',
      control: { step: 0.05 },
    },
    {
      path: 'defense.output.keepTop1',
      kinds: ['planar'],
      key: 'o1',
      kind: 'bool',
      default: true,
      label: 'Keep the top answer',
      help: 'MAD-argmax: the poisoned answer keeps the true top class, so honest decisions never change.',
    },
  ],
  strength: 3.5,
  hardLabels: false,
  knob: {
    path: 'defense.output.epsilon',
    levels: ['off', 0.05, 0.1, 0.2, 0.4, 0.8, 1.2, 2],
    label: 'Prediction poisoning (MAD)',
    unit: 'ε',
  },
  card: 'mad',
  kinds: ['planar'],
};

export const mad: OutputModePlugin = {
  ...madMeta,
  perturb: (clean, _options, _rng, out) => out.set(clean),
};

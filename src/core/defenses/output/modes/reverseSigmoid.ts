/**
 * Reverse sigmoid (Lee et al. 2019, "Defending against NN model stealing attacks using deceptive
 * perturbations", IEEE S&P Workshops; ART `ReverseSigmoid`): with p clipped to [1e-9, 1 - 1e-9],
 * r_i = beta (sigmoid(gamma logit(p_i)) - 1/2) and served = normalize(clip(p - r, 0, 1)), where
 * p - r uses the unclipped p (as ART). beta = 0 is the identity. Guard: when every entry clips to
 * 0 (only possible when no p_i is below 1/2, e.g. a single class or an unnormalised input) the
 * answer is the one-hot of the clean top-1.
 */
import { exp, log } from '../../../math/portable';
import { argmax, fillOneHot, normalizeInPlace } from '../../../math/vector';
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    reverseSigmoid: true;
  }
}
declare module '../section' {
  interface OutputSection {
    /** strength of the reverse-sigmoid perturbation */
    beta: number;
    /** how sharply it follows the logit */
    gamma: number;
  }
}

/** Lower and upper clip of probabilities before the logit (as ART). */
const REVERSE_SIGMOID_CLIP = 1e-9;

export const reverseSigmoidMeta: OutputModeMeta = {
  id: 'reverseSigmoid',
  name: 'Reverse sigmoid (Lee 2019)',
  short: 'reverse sigmoid',
  fields: [
    {
      path: 'defense.output.beta',
      key: 'ob',
      kind: 'number',
      min: 0,
      max: 10,
      default: 1,
      label: 'Reverse sigmoid beta',
      help: 'Reverse sigmoid: strength of the perturbation.',
      control: { step: 0.1 },
    },
    {
      path: 'defense.output.gamma',
      key: 'og',
      kind: 'number',
      min: 0.001,
      max: 10,
      default: 0.1,
      label: 'Reverse sigmoid gamma',
      help: 'Reverse sigmoid: how sharply the perturbation follows the logit.',
      control: { scale: 'log' },
    },
  ],
  strength: 3,
  hardLabels: false,
  knob: {
    path: 'defense.output.beta',
    levels: ['off', 0.1, 0.25, 0.5, 1, 2, 4, 8],
    label: 'Reverse sigmoid',
    unit: 'β',
  },
  card: 'reverseSigmoid',
  kinds: ['planar', 'credit'],
};

export const reverseSigmoid: OutputModePlugin = {
  ...reverseSigmoidMeta,
  perturb(clean, options, _rng, out) {
    for (let i = 0; i < clean.length; i++) {
      const p = clean[i]!;
      const clipped = Math.min(1 - REVERSE_SIGMOID_CLIP, Math.max(REVERSE_SIGMOID_CLIP, p));
      const logit = log(clipped / (1 - clipped));
      const r = options.beta * (1 / (1 + exp(-options.gamma * logit)) - 0.5);
      out[i] = Math.min(1, Math.max(0, p - r));
    }
    if (!normalizeInPlace(out)) fillOneHot(out, argmax(clean));
  },
};

/**
 * Noisy probabilities (ART `GaussianNoise` with scale sigma): p_i + N(0, sigma^2) for every class,
 * clipped to [0, 1], renormalised (ART clips only below 0, REFERENCE.md clips to [0, 1]). Draws
 * exactly C normals from `rng` per call whatever sigma is, so the stream stays aligned. Guard: if
 * every noisy entry clips to 0 (possible for large sigma) the answer is the one-hot of the largest
 * noisy value, the limit of "keep what rises highest"; ART would divide by 0 here.
 */
import { argmax, fillOneHot, normalizeInPlace } from '../../../math/vector';
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    noise: true;
  }
}
declare module '../section' {
  interface OutputSection {
    /** standard deviation of the Gaussian noise on each probability */
    sigma: number;
  }
}

export const noiseMeta: OutputModeMeta = {
  id: 'noise',
  name: 'Noisy probabilities',
  short: 'Gaussian noise',
  fields: [
    {
      path: 'defense.output.sigma',
      key: 'os',
      kind: 'number',
      min: 0,
      max: 2,
      default: 0.2,
      label: 'Noise sigma',
      help: 'Gaussian noise added to each probability before renormalising; can flip the answer. Chat: noise added to each logit, the same every time a context is asked (so it cannot be averaged away).',
      control: { step: 0.01 },
    },
  ],
  strength: 4,
  hardLabels: false,
  knob: {
    path: 'defense.output.sigma',
    levels: ['off', 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1],
    label: 'Gaussian noise',
    unit: 'σ',
  },
  card: 'noise',
  // chat: full log-probabilities of noisy logits, fixed per context (scenarios/chat/logitNoise.ts)
  kinds: ['planar', 'credit', 'chat'],
};

export const noise: OutputModePlugin = {
  ...noiseMeta,
  perturb(clean, options, rng, out) {
    const classes = clean.length;
    for (let i = 0; i < classes; i++) out[i] = clean[i]! + options.sigma * rng.normal();
    const top = argmax(out);
    for (let i = 0; i < classes; i++) out[i] = Math.min(1, Math.max(0, out[i]!));
    if (!normalizeInPlace(out)) fillOneHot(out, top);
  },
};

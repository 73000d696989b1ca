/**
 * Top-k: the `k` largest probabilities kept, the others set to 0, NOT renormalised: the API reveals
 * the top classes' true scores. ART has no top-k postprocessor; its nearest one, `HighConfidence`,
 * zeroes the entries below a cutoff and does not renormalise either, and we follow that. Ties are
 * broken towards the lower class index.
 */
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    topk: true;
  }
}
declare module '../section' {
  interface OutputSection {
    /** classes kept by the top-k mode */
    k: number;
  }
}

/**
 * Keeps the k largest entries of `clean` in `out` and zeroes the rest (ties to the lower index).
 * O(k C) with no allocation: each pass marks the largest entry not yet kept.
 */
export function keepTopK(clean: Float64Array, k: number, out: Float64Array): void {
  const classes = clean.length;
  const keep = Math.max(0, Math.min(classes, Math.floor(k)));
  // Mark kept entries with NaN in `out` while selecting, then fill in the values.
  out.fill(0);
  for (let pass = 0; pass < keep; pass++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < classes; i++) {
      if (Number.isNaN(out[i]!)) continue;
      if (clean[i]! > bestValue || best < 0) {
        bestValue = clean[i]!;
        best = i;
      }
    }
    out[best] = NaN;
  }
  for (let i = 0; i < classes; i++) out[i] = Number.isNaN(out[i]!) ? clean[i]! : 0;
}

export const topkMeta: OutputModeMeta = {
  id: 'topk',
  name: 'Top-k classes only',
  short: 'top-k',
  fields: [
    {
      path: 'defense.output.k',
      key: 'ok',
      kind: 'int',
      min: 1,
      max: 3,
      default: 1,
      label: 'Top k',
      help: 'Top-k: only the k most likely classes are returned, with their probabilities.',
    },
  ],
  strength: 2,
  hardLabels: false,
  card: 'topk',
  kinds: ['planar', 'credit'],
};

export const topk: OutputModePlugin = {
  ...topkMeta,
  perturb: (clean, options, _rng, out) => keepTopK(clean, options.k, out),
};

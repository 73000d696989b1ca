/**
 * Rounded probabilities (ART `Rounded`): each probability rounded half-to-even to `decimals`
 * places. Not renormalised (ART does not either), so the answer may not sum to 1, and with few
 * decimals classes may tie or all round to 0 (the served top-1 is then the lowest tied index).
 */
import { pow10 } from '../../../math/portable';
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    rounded: true;
  }
}
declare module '../section' {
  interface OutputSection {
    /** decimals kept by the rounded mode */
    decimals: number;
  }
}

/**
 * Rounds half to even at `decimals` places, as numpy's around (which ART's Rounded uses):
 * 0.125 -> 0.12 at 2 decimals in exact arithmetic. (As in numpy, the value is first multiplied by
 * 10^decimals in floating point, so "exact halves" are those after that product.)
 */
export function roundHalfEven(value: number, decimals: number): number {
  const scale = pow10(decimals);
  const y = value * scale;
  let r = Math.round(y); // rounds halves up
  if (r - y === 0.5 && r % 2 !== 0) r -= 1;
  return r / scale;
}

export const roundedMeta: OutputModeMeta = {
  id: 'rounded',
  name: 'Rounded probabilities',
  short: 'rounded',
  fields: [
    {
      path: 'defense.output.decimals',
      key: 'od',
      kind: 'int',
      min: 0,
      max: 6,
      default: 3,
      label: 'Decimals',
      help: 'Rounding: probabilities are rounded to this many decimals.',
    },
  ],
  strength: 1,
  hardLabels: false,
  knob: {
    path: 'defense.output.decimals',
    levels: ['off', 5, 4, 3, 2, 1, 0],
    label: 'Rounding',
    unit: 'decimals',
  },
  card: 'rounded',
  kinds: ['planar', 'credit'],
};

export const rounded: OutputModePlugin = {
  ...roundedMeta,
  perturb(clean, options, _rng, out) {
    for (let i = 0; i < clean.length; i++) out[i] = roundHalfEven(clean[i]!, options.decimals);
  },
};

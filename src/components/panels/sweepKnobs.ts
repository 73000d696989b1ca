/**
 * The defense knobs the page can sweep, with their display names. These mirror the keys of
 * SWEEP_KNOBS in src/core/sweep.ts (a test checks it); they are listed here so the page's main
 * bundle does not import the simulator, which only the worker loads.
 */
export interface KnobChoice {
  /** the knob's config path, as SWEEP_KNOBS names it */
  knob: string;
  label: string;
}

export const SWEEPABLE_KNOBS: readonly KnobChoice[] = [
  { knob: 'defense.output.mode', label: 'API answer format (all six)' },
  { knob: 'defense.output.sigma', label: 'Noisy probabilities: sigma' },
  { knob: 'defense.output.decimals', label: 'Rounding: decimals' },
  { knob: 'defense.output.beta', label: 'Reverse sigmoid: beta' },
  { knob: 'defense.rateLimit.perDay', label: 'Rate limit: queries per day' },
  { knob: 'defense.watermark.rate', label: 'Watermark: rate' },
  { knob: 'defense.detection.delta', label: 'Detection: threshold delta' },
];

/** The sweep run first, so the frontier is not empty when the page opens. */
export const FIRST_SWEEP = 'defense.output.mode';

/**
 * The output defense's config section: `defense.output.mode` plus the parameters each mode
 * merges in (decimals, k, sigma, ...), and the plug-in shape of an answer format.
 */
import type { OutputMode } from '../../config/schema';
import type { OutputModeMeta } from '../../registry/types';
import type { Rng } from '../../rng';

/** Parameters of the API's answer format; each mode module adds its own fields here. */
export interface OutputSection {
  mode: OutputMode;
}

declare module '../../config/schema' {
  interface DefenseSections {
    output: OutputSection;
  }
}

/** An answer format: its metadata and how it turns the clean probabilities into the served ones. */
export interface OutputModePlugin extends OutputModeMeta {
  /**
   * Writes the served answer for one clean probability vector into `out` (same length, a distinct
   * array). Allocates nothing. Draws from `rng` only if the mode is randomised.
   */
  perturb(clean: Float64Array, options: OutputSection, rng: Rng, out: Float64Array): void;
}

/**
 * The served answer for one query: `clean` the answer so far, the query x = inputs[offset ..
 * offset + dims), written into `out` (same length as `clean`, a distinct array). Allocates nothing.
 */
export type AnswerFn = (
  clean: Float64Array,
  inputs: Float64Array,
  offset: number,
  out: Float64Array,
) => void;

/**
 * Output perturbation at run time: what the prediction API serves instead of the victim's clean
 * probability vector (REFERENCE.md, "Defenses"). Each mode follows the Adversarial Robustness
 * Toolbox (ART) postprocessor of the same idea; the modes live in ./modes, one file each.
 */
import type { Rng } from '../../rng';
import { outputMode } from './modes/index';
import type { OutputSection } from './section';

export type OutputOptions = OutputSection;

/**
 * Writes the served answer for one clean probability vector into `out` (same length C as
 * `clean`; the two must be distinct arrays). Allocates nothing; runs once per query.
 */
export function perturbOutput(
  clean: Float64Array,
  options: OutputOptions,
  rng: Rng,
  out: Float64Array,
): void {
  if (out.length !== clean.length) {
    throw new RangeError(`perturbOutput: out has ${out.length} entries, expected ${clean.length}`);
  }
  outputMode(options.mode).perturb(clean, options, rng, out);
}

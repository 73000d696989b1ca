/**
 * The applicant form's arithmetic, for the credit kind's page parts: real units to the lender's
 * standardised inputs and back, and the stolen weights on the lender's scale; scoring one
 * applicant is core/scenarios/credit/score.ts. Plain TypeScript, no Svelte.
 */
import type { CreditFeatureInfo } from '../../core/scenarios/credit/types';

export { approval, modelFrom } from '../../core/scenarios/credit/score';

/** Standardised inputs x_i = (v_i - mean_i) / sd_i of real-unit values. */
export function standardise(features: readonly CreditFeatureInfo[], values: readonly number[]) {
  return Float64Array.from(features, (f, i) => (values[i]! - f.mean) / f.sd);
}

/** The median applicant in real units, on each slider's step and within its range. */
export function medianValues(features: readonly CreditFeatureInfo[], median: Float64Array) {
  return features.map((f, i) => {
    const raw = f.mean + f.sd * median[i]!;
    const stepped = Math.round(raw / f.step) * f.step;
    return Math.min(f.max, Math.max(f.min, Number(stepped.toFixed(6))));
  });
}

/**
 * The stolen weights on the victim's scale for display: as recovered, or, when they are known up
 * to a factor only (line search), multiplied by |(w, b)| / |(w_hat, b_hat)| (metrics.ts does the same).
 */
export function comparableWeights(
  victim: { weights: Float64Array; bias: number } | null,
  stolen: { weights: Float64Array; bias: number } | null,
  upToScale: boolean,
): { weights: number[]; bias: number } | null {
  if (!stolen) return null;
  let scale = 1;
  if (upToScale && victim) {
    const norm = (m: { weights: Float64Array; bias: number }) =>
      Math.sqrt(m.weights.reduce((s, w) => s + w * w, m.bias * m.bias));
    const own = norm(stolen);
    scale = own > 0 ? norm(victim) / own : 1;
  }
  return { weights: Array.from(stolen.weights, (w) => w * scale), bias: stolen.bias * scale };
}

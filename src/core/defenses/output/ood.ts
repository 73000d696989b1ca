/**
 * Out-of-distribution scores and the misinformation blend of adaptive misinformation (Kariyappa
 * and Qureshi, CVPR 2020; REFERENCE.md "Adaptive misinformation"). A score is high (near 1) for
 * queries that look like the owner's data and falls towards 0 away from it; the served answer is
 *   y = (1 - a) f(x) + a f_hat(x),   a = sigmoid(nu (tau - score)).
 * Two scores: the paper's maximum softmax probability (MSP) of the victim, and a distance score to
 * the owner's training data. Brute-force nearest neighbour (no k-d tree library) because the data
 * are a few hundred 2-D points: one pass of ~1,000 multiply-adds per query.
 */
import { exp } from '../../math/portable';

/** The paper's score: the victim's maximum softmax probability max_k f(x)_k. */
export function mspScore(clean: Float64Array): number {
  let max = 0;
  for (let k = 0; k < clean.length; k++) if (clean[k]! > max) max = clean[k]!;
  return max;
}

/**
 * Euclidean distance from x = inputs[offset .. offset + dims) to the nearest of the `count` rows
 * of `points` (row-major); `skip` excludes one row (leave-one-out), -1 for none.
 */
export function nearestDistance(
  inputs: Float64Array,
  offset: number,
  points: Float64Array,
  count: number,
  dims: number,
  skip = -1,
): number {
  let best = Infinity;
  for (let r = 0; r < count; r++) {
    if (r === skip) continue;
    let d2 = 0;
    for (let i = 0; i < dims; i++) {
      const diff = inputs[offset + i]! - points[r * dims + i]!;
      d2 += diff * diff;
    }
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best);
}

/** Share of in-distribution points whose nearest-neighbour gap the reference distance covers. */
export const REFERENCE_QUANTILE = 0.95;

/**
 * The reference distance d_ref: the REFERENCE_QUANTILE quantile (nearest rank) of the training
 * points' leave-one-out nearest-neighbour distances, i.e. a gap that 95% of the owner's own points
 * do not exceed. O(n^2 dims), once per run.
 */
export function referenceDistance(points: Float64Array, count: number, dims: number): number {
  if (count < 2) return 1;
  const gaps = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    gaps[r] = nearestDistance(points, r * dims, points, count, dims, r);
  }
  gaps.sort();
  const rank = Math.min(count - 1, Math.ceil(REFERENCE_QUANTILE * count) - 1);
  return Math.max(gaps[rank]!, Number.MIN_VALUE);
}

/**
 * The distance score s = min(1, d_ref / d), d the distance to the nearest training point: 1 for
 * queries as close to the data as 95% of the data are to each other, 1/2 at twice that gap, and
 * falling as 1/d far away. On the same scale as the MSP (high = in-distribution), so one
 * threshold tau in (0, 1] serves both.
 */
export function distanceScore(distance: number, reference: number): number {
  return distance <= reference ? 1 : reference / distance;
}

/** The misinformation weight a = sigmoid(nu (tau - score)) = 1 / (1 + e^{-nu (tau - score)}). */
export function misinformationWeight(score: number, tau: number, nu: number): number {
  return 1 / (1 + exp(-nu * (tau - score)));
}

/** out = (1 - a) clean + a misinformation, entry by entry (a convex blend of two distributions). */
export function blendInto(
  clean: Float64Array,
  misinformation: Float64Array,
  a: number,
  out: Float64Array,
): void {
  for (let k = 0; k < clean.length; k++) out[k] = (1 - a) * clean[k]! + a * misinformation[k]!;
}

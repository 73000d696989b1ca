/**
 * The weight bars' rows (WeightBars.svelte): the lender's standardised weight per feature and the
 * bias, beside what the attacker had recovered at the Play position (a learning-curve point, via
 * result.credit.stolenByPoint) or at the end of the run. Plain TypeScript, no Svelte.
 */
import type { CreditParts } from '../../core/scenarios/credit/types';
import { comparableWeights } from './applicant';

export interface WeightRow {
  name: string;
  /** the lender's weight, or null when its model is a network */
  truth: number | null;
  /** the recovered weight on the lender's scale, or null when there is none at this point */
  stolen: number | null;
}

/**
 * One row per feature and one for the bias. `frame` is the Play position (an index into the
 * learning curve) or null for the final state; the recovered weights are those of that point,
 * put on the lender's scale when they are known up to a factor only (applicant.ts comparableWeights).
 */
export function weightRows(parts: CreditParts, frame: number | null): WeightRow[] {
  const point =
    frame === null
      ? parts.stolen && { ...parts.stolen, upToScale: parts.upToScale }
      : (parts.stolenByPoint[frame] ?? null);
  const recovered = point ? comparableWeights(parts.victim, point, point.upToScale) : null;
  return [
    ...parts.features.map((f, i) => ({
      name: f.label,
      truth: parts.victim ? parts.victim.weights[i]! : null,
      stolen: recovered ? recovered.weights[i]! : null,
    })),
    { name: 'Offset (bias)', truth: parts.victim?.bias ?? null, stolen: recovered?.bias ?? null },
  ];
}

/** How far past the lender's largest weight the axis may reach for an early, wild estimate. */
export const EXTENT_CAP = 2;

/**
 * The half-width of the bars' axis, the same for every Play position so the axis stands still
 * while the bars move: the largest |weight| of the lender and of the final recovered model, then
 * of the points on the way, but at most EXTENT_CAP times the lender's (an early estimate from a
 * handful of labels can be huge; its bars are clipped at the edge). At least 0.1.
 */
export function weightExtent(parts: CreditParts): number {
  const largest = (rows: WeightRow[], pick: (r: WeightRow) => number | null) =>
    Math.max(0, ...rows.map((r) => Math.abs(pick(r) ?? 0)));
  const final = weightRows(parts, null);
  const truth = largest(final, (r) => r.truth);
  const settled = Math.max(
    truth,
    largest(final, (r) => r.stolen),
  );
  const onTheWay = Math.max(
    settled,
    ...parts.stolenByPoint.map((_, i) => largest(weightRows(parts, i), (r) => r.stolen)),
  );
  const cap = truth > 0 ? Math.max(settled, EXTENT_CAP * truth) : onTheWay;
  return Math.max(0.1, Math.min(onTheWay, cap));
}

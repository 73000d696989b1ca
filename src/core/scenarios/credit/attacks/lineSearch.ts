/**
 * Line search with labels only (Lowd and Meek, "Adversarial learning", KDD 2005, section 5: linear
 * classifiers are learnable from membership queries with a number of queries polynomial in d and
 * log(1/precision)). The decision boundary of p = sigmoid(w.x + b) is the hyperplane w.x + b = 0.
 *
 * 1. Take one approved and one refused applicant from the attacker's own (x+, x-).
 * 2. Bisect the segment x- -> x+ to a boundary point x0 (to `precision` along the segment).
 * 3. Let u = (x+ - x-) / |x+ - x-|, so w.u > 0 (the label rises along u). For each feature i
 *    start from s_i = x0 + delta e_i (delta = 1 sd), find a bracket along s_i + t u by doubling
 *    |t|, and bisect it to the crossing t_i (to `precision`). On the boundary
 *      w.(x0 + delta e_i + t_i u) + b = 0  and  w.x0 + b = 0   give   w_i = -t_i (w.u) / delta,
 *    so w is proportional to -t with a positive factor: the direction and the sign are recovered,
 *    the scale (w.u) is not, from labels alone.
 * 4. b = -mean of w.x over the d + 1 boundary points.
 * Cost: about (d + 1)(log2(range / precision) + 2) queries plus a few to find x+ and x-.
 *
 * The stolen model is w / |w| with the matching b: its decisions are the victim's to the search's
 * precision, its scores are not (no scale), so the outcome says upToScale. An MLP victim's
 * boundary is curved: the hyperplane through these points approximates it near x0 only. If the
 * budget runs out first, a student is trained on the labels gathered.
 */
import { AnswerLog, askLogged } from '../answers';
import type { CreditAttackContext } from '../context';
import { LogisticRegression } from '../logistic';
import { trainOnLog, type CreditAttack, type CreditAttackOutcome } from './types';

/** Step off the boundary point along each feature, in sd (standardised units). */
export const LINE_SEARCH_DELTA = 1;
/** Applicants of the attacker's own tried at most to find one of each class. */
export const SEED_APPLICANTS = 64;
/** Doublings of the bracket at most (2^30 sd: the line is parallel to the boundary). */
const MAX_DOUBLINGS = 30;

/** Thrown inside the search when the budget is spent; caught by the attack. */
class OutOfBudget extends Error {}

export const lineSearch: CreditAttack = (ctx, options) => {
  const dims = ctx.dims;
  const answers = new AnswerLog(dims);
  const label = (point: Float64Array): number => {
    if (ctx.remaining() <= 0) throw new OutOfBudget();
    const result = askLogged(ctx, answers, point, 1);
    if (result.answered[0] !== 1) throw new OutOfBudget();
    return result.servedLabels[0]!;
  };
  const fallback = (reason: string): CreditAttackOutcome =>
    trainOnLog(ctx, answers, options.student, false, reason);
  let found = 0;
  try {
    const ends = seedPair(ctx, label);
    if (!ends) return fallback('every applicant tried got the same decision: no boundary to find');
    const [refused, approved] = ends;
    const u = new Float64Array(dims);
    let length = 0;
    for (let j = 0; j < dims; j++)
      length += (approved[j]! - refused[j]!) * (approved[j]! - refused[j]!);
    length = Math.sqrt(length);
    for (let j = 0; j < dims; j++) u[j] = (approved[j]! - refused[j]!) / length;
    // Step 2: the crossing along u from x-, bracketed by [0, length].
    const t0 = bisect(refused, u, 0, length, options.precision, label);
    const x0 = along(refused, u, t0);
    const boundary: Float64Array[] = [x0];
    found = 1;
    const crossings = new Float64Array(dims);
    for (let i = 0; i < dims; i++) {
      const start = x0.slice();
      start[i]! += LINE_SEARCH_DELTA;
      crossings[i] = crossing(start, u, options.precision, label);
      boundary.push(along(start, u, crossings[i]!));
      found++;
    }
    return recover(crossings, boundary);
  } catch (error) {
    if (!(error instanceof OutOfBudget)) throw error;
    return fallback(
      `the budget ran out after ${found} of ${dims + 1} boundary points: trained a student on the labels`,
    );
  }
};

/** One refused and one approved applicant from the attacker's own, or null. */
function seedPair(
  ctx: CreditAttackContext,
  label: (point: Float64Array) => number,
): [Float64Array, Float64Array] | null {
  let refused: Float64Array | null = null;
  let approved: Float64Array | null = null;
  for (let k = 0; k < SEED_APPLICANTS && !(refused && approved); k++) {
    const point = ctx.pool(1);
    if (label(point) === 1) approved ??= point;
    else refused ??= point;
  }
  return refused && approved ? [refused, approved] : null;
}

/** start + t u */
function along(start: Float64Array, u: Float64Array, t: number): Float64Array {
  const point = new Float64Array(start.length);
  for (let j = 0; j < start.length; j++) point[j] = start[j]! + t * u[j]!;
  return point;
}

/**
 * Bisection of [low, high] (refused at low, approved at high) until high - low <= precision;
 * returns the midpoint.
 */
function bisect(
  start: Float64Array,
  u: Float64Array,
  low: number,
  high: number,
  precision: number,
  label: (point: Float64Array) => number,
): number {
  while (high - low > precision) {
    const mid = (low + high) / 2;
    if (label(along(start, u, mid)) === 1) high = mid;
    else low = mid;
  }
  return (low + high) / 2;
}

/** The boundary crossing along start + t u: bracket by doubling |t|, then bisect. */
function crossing(
  start: Float64Array,
  u: Float64Array,
  precision: number,
  label: (point: Float64Array) => number,
): number {
  const approvedAtStart = label(start) === 1;
  // The label rises along u: from an approved start the crossing lies at t < 0.
  const direction = approvedAtStart ? -1 : 1;
  let step = 1;
  for (let k = 0; k < MAX_DOUBLINGS; k++, step *= 2) {
    const t = direction * step;
    if ((label(along(start, u, t)) === 1) !== approvedAtStart) {
      const previous = k === 0 ? 0 : direction * (step / 2);
      return approvedAtStart
        ? bisect(start, u, t, previous, precision, label)
        : bisect(start, u, previous, t, precision, label);
    }
  }
  return direction * step;
}

/** w = -t / delta normalised to |w| = 1, b = -mean_k w.x_k over the boundary points. */
function recover(crossings: Float64Array, boundary: Float64Array[]): CreditAttackOutcome {
  const dims = crossings.length;
  const weights = new Float64Array(dims);
  let norm = 0;
  for (let i = 0; i < dims; i++) {
    weights[i] = -crossings[i]! / LINE_SEARCH_DELTA;
    norm += weights[i]! * weights[i]!;
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < dims; i++) weights[i]! /= norm > 0 ? norm : 1;
  let bias = 0;
  for (const point of boundary) {
    for (let j = 0; j < dims; j++) bias -= weights[j]! * point[j]!;
  }
  const stolen = new LogisticRegression(weights, bias / boundary.length);
  return {
    student: stolen,
    linear: stolen,
    upToScale: true,
    method: 'lineSearch',
    residual: null,
    fallback: null,
  };
}

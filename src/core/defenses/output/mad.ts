/**
 * Prediction poisoning, MAD (Orekondy, Schiele and Fritz, ICLR 2020; REFERENCE.md): serve y' within
 * the L1 ball of radius epsilon around the true posterior y that maximises the angle between the
 * parameter gradients the attacker's student would follow, G^T y and G^T y', where row k of G is
 * grad_theta log p_k(x) of a surrogate model (a student training on target t descends
 * -sum_k t_k log p_k, i.e. follows G^T t).
 *
 * The angle only needs the C x C Gram matrix M = G G^T (C backward passes per query):
 *   cos(G^T y, G^T y') = y^T M y' / sqrt((y^T M y)(y'^T M y')).
 * The search: the cosine, as a function of b = G^T y', is quasi-concave where it is non-negative
 * (its superlevel sets there are convex cones), so over the polytope P = simplex ∩ L1 ball its
 * minimum lies at a vertex of P whenever the best angle is at most 90 degrees. P's vertices move
 * mass eps/2 to one class i, drained from the other classes in some order (each source emptied
 * before the next; all of them when the ball holds the simplex vertex e_i): the candidates below,
 * every target and every order of the sources. (The paper searches the simplex vertices and then
 * projects into the ball; for C = 2 the two agree, for C = 3 these candidates include the ball's
 * corners, which moving towards a vertex never reaches.) MAD-argmax (keepTop1) shortens each move
 * along its segment until the clean top-1 class stays on top.
 * With C = 2, sum_k p_k grad log p_k = 0 makes every G^T y a multiple (y_0 - p_0) of one vector:
 * the angle is 0 or 180 degrees, and MAD can only push y' past the surrogate's own p_0.
 */
import { argmax } from '../../math/vector';
import type { Mlp } from '../../models/mlp';

/** Orders of the source classes searched per target (all of them while (C - 1)! stays small). */
function sourceOrders(classes: number, target: number): number[][] {
  const others = Array.from({ length: classes }, (_, k) => k).filter((k) => k !== target);
  if (others.length > 4) return [others, [...others].reverse()];
  const orders: number[][] = [];
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) orders.push(prefix);
    rest.forEach((k, i) => permute([...prefix, k], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], others);
  return orders;
}

/** y^T M z for the C x C matrix M (row-major). */
export function bilinear(gram: Float64Array, y: ArrayLike<number>, z: ArrayLike<number>): number {
  const classes = y.length;
  let sum = 0;
  for (let i = 0; i < classes; i++) {
    let row = 0;
    for (let j = 0; j < classes; j++) row += gram[i * classes + j]! * z[j]!;
    sum += y[i]! * row;
  }
  return sum;
}

/** cos(G^T y, G^T z) from the Gram matrix M = G G^T; 1 when either gradient vanishes. */
export function gradientCosine(gram: Float64Array, y: ArrayLike<number>, z: ArrayLike<number>) {
  const yy = bilinear(gram, y, y);
  const zz = bilinear(gram, z, z);
  if (!(yy > 0) || !(zz > 0)) return 1;
  return bilinear(gram, y, z) / Math.sqrt(yy * zz);
}

export class MadPoisoner {
  readonly classes: number;
  /** M = G G^T of the last `gram` call (row-major C x C) */
  readonly gram: Float64Array;
  private readonly grads: Float64Array;
  private readonly target: Float64Array;
  private readonly row: Float64Array;
  private readonly candidate: Float64Array;
  private readonly orders: number[][][];

  constructor(private readonly surrogate: Mlp) {
    const classes = surrogate.classes;
    this.classes = classes;
    this.gram = new Float64Array(classes * classes);
    this.grads = new Float64Array(classes * surrogate.params.length);
    this.target = new Float64Array(classes);
    this.row = new Float64Array(surrogate.inputDims);
    this.candidate = new Float64Array(classes);
    this.orders = Array.from({ length: classes }, (_, i) => sourceOrders(classes, i));
  }

  /** Fills `gram` with G G^T at x = inputs[offset .. offset + dims), row k of G = grad log p_k. */
  computeGram(inputs: Float64Array, offset: number): Float64Array {
    const { classes, grads, target, row, gram } = this;
    const size = this.surrogate.params.length;
    row.set(inputs.subarray(offset, offset + row.length));
    grads.fill(0);
    for (let k = 0; k < classes; k++) {
      target.fill(0);
      target[k] = 1;
      // accumulateGradient adds grad of -log p_k: -G_k (the sign cancels in the Gram matrix)
      this.surrogate.accumulateGradient(row, 0, target, grads.subarray(k * size, (k + 1) * size));
    }
    for (let i = 0; i < classes; i++) {
      for (let j = i; j < classes; j++) {
        let dot = 0;
        for (let p = 0, a = i * size, b = j * size; p < size; p++)
          dot += grads[a + p]! * grads[b + p]!;
        gram[i * classes + j] = dot;
        gram[j * classes + i] = dot;
      }
    }
    return gram;
  }

  /**
   * Writes into `out` the candidate y' (see the header) with the smallest gradient cosine to y =
   * `clean` under the current `gram`: ||y' - y||_1 <= epsilon, y' on the simplex, and with
   * keepTop1 argmax(y') = argmax(y). Ties keep the first candidate (target 0, first order).
   */
  poison(clean: Float64Array, epsilon: number, keepTop1: boolean, out: Float64Array): void {
    const { classes, candidate, gram } = this;
    const top = argmax(clean);
    out.set(clean);
    let best = gradientCosine(gram, clean, clean);
    for (let target = 0; target < classes; target++) {
      for (const order of this.orders[target]!) {
        candidate.set(clean);
        let budget = epsilon / 2; // mass moved: half the L1 distance
        for (const source of order) {
          if (budget <= 0) break;
          const take = Math.min(budget, candidate[source]!);
          candidate[source]! -= take;
          candidate[target]! += take;
          budget -= take;
        }
        if (keepTop1) this.keepTop(clean, top, candidate);
        const cos = gradientCosine(gram, clean, candidate);
        if (cos < best) {
          best = cos;
          out.set(candidate);
        }
      }
    }
  }

  /** Moves `candidate` back along its segment from `clean` until class `top` leads again. */
  private keepTop(clean: Float64Array, top: number, candidate: Float64Array): void {
    if (argmax(candidate) === top) return;
    // y + t d keeps top ahead of k while (y_top - y_k) + t (d_top - d_k) > 0.
    let t = 1;
    for (let k = 0; k < this.classes; k++) {
      const gap = clean[top]! - clean[k]!;
      const closing = candidate[k]! - clean[k]! - (candidate[top]! - clean[top]!);
      if (k !== top && closing > 0) t = Math.min(t, gap / closing);
    }
    t *= 1 - 1e-9; // strictly ahead despite rounding
    for (let k = 0; k < this.classes; k++) {
      candidate[k] = clean[k]! + t * (candidate[k]! - clean[k]!);
    }
    if (argmax(candidate) !== top) candidate.set(clean);
  }
}

/**
 * Logistic regression p(approve | x) = sigmoid(w.x + b): the credit scenario's default victim and
 * the linear student of its attacks. Its attribution (model.ts) is w itself, at every input.
 *
 * Training is deterministic Newton's method (iteratively reweighted least squares; Hastie,
 * Tibshirani and Friedman, The Elements of Statistical Learning, 2nd ed., section 4.4.1) on
 *   L(w, b) = sum_i CE(t_i, sigmoid(w.x_i + b)) + (lambda / 2) ||w||^2,
 *   CE(t, p) = -t log p - (1 - t) log(1 - p),  computed as t softplus(-z) + (1 - t) softplus(z),
 * with soft targets t_i in [0, 1] (a served probability) or hard 0/1 labels, and the bias not
 * penalised. Gradient g = sum_i (p_i - t_i)(x_i, 1) + lambda (w, 0); Hessian
 * H = sum_i p_i (1 - p_i) (x_i, 1)(x_i, 1)^T + lambda diag(1, .., 1, 0). Each step solves
 * H delta = g (linalg.solveLinear) and halves delta until L decreases. With realisable soft
 * targets and lambda = 0 the minimiser is the generating model itself, reached to rounding in a
 * few steps (quadratic convergence); lambda > 0 keeps w finite on separable hard labels.
 */
import type { Dataset } from '../../types';
import { dot, solveLinear } from './linalg';
import { APPROVE, REFUSE, sigmoid, softplus, type CreditModel } from './model';

/** Relative rise of L a step may cause and still be taken (rounding of the summed loss). */
const LOSS_TOLERANCE = 1e-12;
/** Newton stops when no parameter moves more than this, relative to the largest. */
const STEP_TOLERANCE = 1e-13;

export class LogisticRegression implements CreditModel {
  readonly inputDims: number;
  readonly classes = 2;

  /** Wraps `weights` (not copied) and `bias`, in standardised units. */
  constructor(
    readonly weights: Float64Array,
    readonly bias: number,
  ) {
    this.inputDims = weights.length;
  }

  /** The approval log-odds w.x + b of row `row` of `inputs`. */
  logit(inputs: Float64Array, row: number): number {
    return dot(this.weights, 0, inputs, row * this.inputDims, this.inputDims) + this.bias;
  }

  /** [p(refuse), p(approve)] per row; each computed as its own sigmoid, so neither loses digits. */
  predict(inputs: Float64Array, count: number, out: Float64Array, offset = 0): void {
    for (let r = 0; r < count; r++) {
      const z = this.logit(inputs, offset + r);
      out[2 * r + REFUSE] = sigmoid(-z);
      out[2 * r + APPROVE] = sigmoid(z);
    }
  }

  /** d(w.x + b)/dx = w for every row. */
  attributions(_inputs: Float64Array, count: number, out: Float64Array, _offset = 0): void {
    for (let r = 0; r < count; r++) out.set(this.weights, r * this.inputDims);
  }
}

export interface LogisticFitOptions {
  /** L2 penalty lambda on the weights (not the bias), on the summed loss */
  l2: number;
  /** Newton steps at most (default 100) */
  maxIterations?: number;
  /**
   * where Newton starts (default w = 0, b = 0): a fit on a few more rows than the last one starts
   * from the last one and needs a step or two (the session's running student refits so)
   */
  start?: { weights: Float64Array; bias: number };
}

/** The objective L of the file header at (w, b). */
function objective(
  inputs: Float64Array,
  targets: ArrayLike<number>,
  count: number,
  theta: Float64Array,
  l2: number,
): number {
  const dims = theta.length - 1;
  let loss = 0;
  for (let i = 0; i < count; i++) {
    const z = dot(theta, 0, inputs, i * dims, dims) + theta[dims]!;
    const t = targets[i]!;
    loss += t * softplus(-z) + (1 - t) * softplus(z);
  }
  let penalty = 0;
  for (let j = 0; j < dims; j++) penalty += theta[j]! * theta[j]!;
  return loss + 0.5 * l2 * penalty;
}

/**
 * Fits a LogisticRegression to `count` rows of standardised `inputs` (dims per row) and approval
 * targets in [0, 1] (see the file header). Deterministic: no random draws.
 */
export function fitLogistic(
  inputs: Float64Array,
  targets: ArrayLike<number>,
  count: number,
  dims: number,
  options: LogisticFitOptions,
): LogisticRegression {
  const { l2 } = options;
  const maxIterations = options.maxIterations ?? 100;
  const n = dims + 1;
  const theta = new Float64Array(n);
  const grad = new Float64Array(n);
  const hessian = new Float64Array(n * n);
  const row = new Float64Array(n);
  const trial = new Float64Array(n);
  row[dims] = 1;
  if (options.start && options.start.weights.length === dims) {
    theta.set(options.start.weights);
    theta[dims] = options.start.bias;
  }
  let loss = objective(inputs, targets, count, theta, l2);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    grad.fill(0);
    hessian.fill(0);
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < dims; j++) row[j] = inputs[i * dims + j]!;
      const p = sigmoid(dot(theta, 0, row, 0, n));
      const residual = p - targets[i]!;
      const curvature = p * (1 - p);
      for (let j = 0; j < n; j++) {
        grad[j]! += residual * row[j]!;
        for (let k = 0; k <= j; k++) hessian[j * n + k]! += curvature * row[j]! * row[k]!;
      }
    }
    for (let j = 0; j < n; j++)
      for (let k = 0; k < j; k++) hessian[k * n + j] = hessian[j * n + k]!;
    for (let j = 0; j < dims; j++) {
      grad[j]! += l2 * theta[j]!;
      hessian[j * n + j]! += l2;
    }
    // A floor on the bias's curvature keeps H invertible when every p_i saturates.
    hessian[dims * n + dims]! += 1e-12 * count;
    const step = solveLinear(hessian, grad, n) ?? grad;
    let size = 0;
    let stepSize = 0;
    for (let j = 0; j < n; j++) {
      size = Math.max(size, Math.abs(theta[j]!));
      stepSize = Math.max(stepSize, Math.abs(step[j]!));
    }
    // Halve the step until L does not rise; the tolerance lets the last Newton steps through,
    // whose gain in L is below the rounding of L itself.
    let taken = false;
    for (let halving = 0, scale = 1; halving < 40 && !taken; halving++, scale /= 2) {
      for (let j = 0; j < n; j++) trial[j] = theta[j]! - scale * step[j]!;
      const trialLoss = objective(inputs, targets, count, trial, l2);
      if (trialLoss <= loss + LOSS_TOLERANCE * (1 + Math.abs(loss))) {
        theta.set(trial);
        loss = trialLoss;
        taken = true;
      }
    }
    if (!taken || stepSize <= STEP_TOLERANCE * (1 + size)) break;
  }
  return new LogisticRegression(theta.slice(0, dims), theta[dims]!);
}

/** Hard 0/1 approval targets of a dataset (labels are 0 refuse / 1 approve). */
export function labelTargets(dataset: Dataset): Float64Array {
  return Float64Array.from(dataset.labels);
}

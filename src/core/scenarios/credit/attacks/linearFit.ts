/**
 * Fitting (w, b) to inexact scores, for equation solving: a weighted least-squares start in
 * log-odds, polished by Gauss-Newton in probability units.
 *
 * - fitWeighted: min sum_i omega_i^2 (w.x_i + b - logit(p_i))^2 over the answers with a finite
 *   log-odds, omega_i = p_i (1 - p_i): by the delta method an error e in p moves logit(p) by about
 *   e / (p (1 - p)), so the weight evens out the rows' error (Householder QR, linalg.ts).
 * - polish: Gauss-Newton on S(w, b) = sum_i (sigmoid(w.x_i + b) - p_i)^2 over every answer,
 *   saturated ones included (a score rounded to 0 still says p < 0.005). This is the maximum-
 *   likelihood fit when the served score is p plus Gaussian noise (the API's noise mode), and it
 *   keeps the log-odds transform from blowing up noisy scores near 0 and 1. Each step solves the
 *   linearised problem J delta = r, J_i = p_i (1 - p_i) (x_i, 1), by QR, halving delta until S
 *   does not rise (Nocedal and Wright, Numerical Optimization, section 10.3).
 */
import type { AnswerLog } from '../answers';
import { leastSquares } from '../linalg';
import { LogisticRegression } from '../logistic';
import { sigmoid } from '../model';

/** Gauss-Newton steps of polish at most. */
export const POLISH_STEPS = 10;

/** Weighted least-squares (w, b) over the answers with a finite log-odds, or null. */
export function fitWeighted(answers: AnswerLog): LogisticRegression | null {
  const dims = answers.dims;
  const unknowns = dims + 1;
  const rows: number[] = [];
  for (let i = 0; i < answers.count; i++) if (Number.isFinite(answers.logits[i]!)) rows.push(i);
  if (rows.length < unknowns) return null;
  const a = new Float64Array(rows.length * unknowns);
  const y = new Float64Array(rows.length);
  rows.forEach((i, r) => {
    const p = answers.scores[i]!;
    const weight = Math.max(p * (1 - p), 1e-6);
    for (let j = 0; j < dims; j++) a[r * unknowns + j] = weight * answers.inputs[i * dims + j]!;
    a[r * unknowns + dims] = weight;
    y[r] = weight * answers.logits[i]!;
  });
  const { x } = leastSquares(a, y, rows.length, unknowns);
  return x ? new LogisticRegression(x.slice(0, dims), x[dims]!) : null;
}

/** Sum of squared probability errors of (w, b) = theta over the logged answers. */
function squaredError(answers: AnswerLog, theta: Float64Array): number {
  const dims = answers.dims;
  let sum = 0;
  for (let i = 0; i < answers.count; i++) {
    let z = theta[dims]!;
    for (let j = 0; j < dims; j++) z += theta[j]! * answers.inputs[i * dims + j]!;
    const error = sigmoid(z) - answers.scores[i]!;
    sum += error * error;
  }
  return sum;
}

/** Gauss-Newton polish of `start` (see the file header); returns the best (w, b) found. */
export function polish(answers: AnswerLog, start: LogisticRegression): LogisticRegression {
  const dims = answers.dims;
  const unknowns = dims + 1;
  const m = answers.count;
  if (m < unknowns) return start;
  const theta = new Float64Array(unknowns);
  theta.set(start.weights);
  theta[dims] = start.bias;
  let error = squaredError(answers, theta);
  const jacobian = new Float64Array(m * unknowns);
  const residual = new Float64Array(m);
  const trial = new Float64Array(unknowns);
  for (let step = 0; step < POLISH_STEPS; step++) {
    for (let i = 0; i < m; i++) {
      let z = theta[dims]!;
      for (let j = 0; j < dims; j++) z += theta[j]! * answers.inputs[i * dims + j]!;
      const p = sigmoid(z);
      const slope = p * (1 - p);
      for (let j = 0; j < dims; j++)
        jacobian[i * unknowns + j] = slope * answers.inputs[i * dims + j]!;
      jacobian[i * unknowns + dims] = slope;
      residual[i] = answers.scores[i]! - p;
    }
    const { x: delta } = leastSquares(jacobian, residual, m, unknowns);
    if (!delta) break;
    let improved = false;
    for (let halving = 0, scale = 1; halving < 20 && !improved; halving++, scale /= 2) {
      for (let j = 0; j < unknowns; j++) trial[j] = theta[j]! + scale * delta[j]!;
      const trialError = squaredError(answers, trial);
      if (trialError < error) {
        theta.set(trial);
        error = trialError;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return new LogisticRegression(theta.slice(0, dims), theta[dims]!);
}

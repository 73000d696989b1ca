/**
 * What a credit run measures (issue 11, "Results"):
 * - fidelity: share of held-out applicants on which the stolen model and the victim take the same
 *   decision (approve/refuse), as REFERENCE.md defines fidelity;
 * - weightError: the largest absolute error over the stolen standardised weights and bias,
 *   max(|w_hat - w|_inf, |b_hat - b|), for a logistic victim and a linear stolen model (null
 *   otherwise). Label-only attacks fix (w, b) up to a positive factor only; their (w_hat, b_hat)
 *   is first scaled to the victim's norm |(w, b)|_2, so the error measures the direction;
 * - scoreError: mean absolute error of the stolen approval probability on held-out applicants.
 */
import { agreement } from '../../models/evaluate';
import type { Classifier, Dataset } from '../../types';
import type { LogisticRegression } from './logistic';
import { approvalScores } from './model';

export interface CreditMetrics {
  fidelity: number;
  weightError: number | null;
  scoreError: number;
}

/** Share of the dataset's applicants on which the two models decide alike. */
export function creditFidelity(
  victim: Classifier,
  stolen: Classifier,
  applicants: Dataset,
): number {
  return agreement(victim, stolen, applicants.inputs, applicants.count);
}

/** Mean |p_stolen - p_victim| of the approval probability over the applicants. */
export function scoreError(victim: Classifier, stolen: Classifier, applicants: Dataset): number {
  const truth = approvalScores(victim, applicants.inputs, applicants.count);
  const guess = approvalScores(stolen, applicants.inputs, applicants.count);
  let sum = 0;
  for (let i = 0; i < applicants.count; i++) sum += Math.abs(truth[i]! - guess[i]!);
  return sum / applicants.count;
}

/** The weight error of the file header, or null when either model is not linear. */
export function weightError(
  victim: LogisticRegression | null,
  stolen: LogisticRegression | null,
  upToScale: boolean,
): number | null {
  if (!victim || !stolen) return null;
  const dims = victim.weights.length;
  let scale = 1;
  if (upToScale) {
    let victimNorm = victim.bias * victim.bias;
    let stolenNorm = stolen.bias * stolen.bias;
    for (let i = 0; i < dims; i++) {
      victimNorm += victim.weights[i]! * victim.weights[i]!;
      stolenNorm += stolen.weights[i]! * stolen.weights[i]!;
    }
    scale = stolenNorm > 0 ? Math.sqrt(victimNorm / stolenNorm) : 1;
  }
  let worst = Math.abs(scale * stolen.bias - victim.bias);
  for (let i = 0; i < dims; i++) {
    worst = Math.max(worst, Math.abs(scale * stolen.weights[i]! - victim.weights[i]!));
  }
  return worst;
}

/** All three metrics of a stolen model. */
export function creditMetrics(
  victim: Classifier,
  victimLinear: LogisticRegression | null,
  stolen: Classifier,
  stolenLinear: LogisticRegression | null,
  upToScale: boolean,
  applicants: Dataset,
): CreditMetrics {
  return {
    fidelity: creditFidelity(victim, stolen, applicants),
    weightError: weightError(victimLinear, stolenLinear, upToScale),
    scoreError: scoreError(victim, stolen, applicants),
  };
}

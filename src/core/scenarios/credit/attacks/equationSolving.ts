/**
 * Equation solving (Tramer, Zhang, Juels, Reiter and Ristenpart, "Stealing Machine Learning Models
 * via Prediction APIs", USENIX Security 2016, section 4.1): every answered score p_i of a logistic
 * model gives one linear equation in the d + 1 unknowns (w, b),
 *   logit(p_i) = log(p_i / (1 - p_i)) = w.x_i + b,
 * so d + 1 queries in general position (x_i ~ N(0, I)) recover (w, b) exactly, by Gaussian
 * elimination with partial pivoting (linalg.solveLinear).
 *
 * When the answers are not exact (rounded, noisy) the equations are not either: the attack spends
 * its whole budget and solves the weighted least-squares problem over every usable answer
 * (linalg.leastSquares, Householder QR), weighting row i by p_i (1 - p_i), then polishes that
 * estimate by Gauss-Newton in probability units over every answer (linearFit.ts). After the first d + 1 answers each batch is placed where the current estimate puts the
 * log-odds uniformly in [-ADAPTIVE_LOGIT, ADAPTIVE_LOGIT], where rounding costs the least; this
 * adaptive placement is ours (Tramer et al. query at random). Answers rounded to 0 or 1 carry an
 * inequality only and are dropped; label-only answers give no equation at all, so the attack
 * falls back to training a student on the labels.
 *
 * Consistency: the attacker checks that one logistic model explains the answers, in probability
 * units: with exact answers, one more query must match to 1e-7 in log-odds (relative); with
 * rounded answers every fitted score must lie within 10^-decimals of the served one (twice the
 * rounding bound); with noise the RMS misfit must stay under 1.5 sigma (the noise's RMS is at most
 * sigma). An MLP victim fails the check: the attack reports that the system has no exact solution
 * and trains an MLP student on all its answers instead.
 */
import type { OutputOptions } from '../../../defenses/output/perturb';
import { AnswerLog, askLogged } from '../answers';
import { solveLinear } from '../linalg';
import { fitWeighted, polish } from './linearFit';
import { LogisticRegression } from '../logistic';
import { sigmoid } from '../model';
import { trainsOnScores } from '../student';
import {
  gaussianPoints,
  spendAndTrain,
  type CreditAttack,
  type CreditAttackOutcome,
} from './types';

/** Half-width of the log-odds band where adaptive queries go. */
export const ADAPTIVE_LOGIT = 3;
/** Relative log-odds mismatch above which exact answers refute a logistic model. */
export const EXACT_TOLERANCE = 1e-7;

/** Whether the mode serves exact scores (for 2 classes, the top-1 score is enough). */
function exactAnswers(output: OutputOptions): boolean {
  return output.mode === 'probabilities' || (output.mode === 'topk' && output.k >= 1);
}

export const equationSolving: CreditAttack = (ctx, options) => {
  const dims = ctx.dims;
  const unknowns = dims + 1;
  const answers = new AnswerLog(dims);
  if (!trainsOnScores(ctx)) {
    return spendAndTrain(
      ctx,
      answers,
      options.student,
      'label-only answers give inequalities, not equations: trained a student on the labels',
    );
  }
  const first = gaussianPoints(ctx.rng, unknowns, dims);
  // never ask beyond the budget (a budget under d + 1 leaves a student on what was answered)
  const firstCount = Math.min(unknowns, ctx.remaining());
  if (firstCount > 0) askLogged(ctx, answers, first, firstCount);
  if (exactAnswers(ctx.output) && answers.count === unknowns) {
    const exact = solveExact(answers, unknowns);
    if (exact) return verifyExact(ctx, answers, exact);
  }
  // Least squares over all usable answers, spending the budget in growing adaptive batches;
  // while too few scores are usable, each batch is drawn at half the spread of the last one.
  let spread = 1;
  while (ctx.remaining() > 0) {
    const estimate = fitWeighted(answers);
    const batch = Math.min(ctx.remaining(), Math.max(unknowns, answers.count));
    const points = gaussianPoints(ctx.rng, batch, dims);
    if (estimate) placeInBand(estimate, points, batch, ctx.rng.uniform.bind(ctx.rng));
    else {
      spread /= 2;
      for (let i = 0; i < points.length; i++) points[i]! *= spread;
    }
    askLogged(ctx, answers, points, batch);
  }
  const start = fitWeighted(answers);
  const estimate = start && polish(answers, start);
  if (!estimate) {
    return spendAndTrain(
      ctx,
      answers,
      options.student,
      `fewer than ${unknowns} answers carried a score strictly between 0 and 1: trained a student`,
    );
  }
  const { residual, tolerance } = misfit(ctx.output, answers, estimate);
  if (!(residual <= tolerance)) {
    return {
      ...spendAndTrain(
        ctx,
        answers,
        'mlp',
        `the equations have no common solution (misfit ${residual.toPrecision(3)} > ${tolerance}): the model is not logistic; trained an MLP student on all answers`,
      ),
      residual,
    };
  }
  return {
    student: estimate,
    linear: estimate,
    upToScale: false,
    method: 'leastSquares',
    residual,
    fallback: null,
  };
};

/** (w, b) from the first `unknowns` logged answers by Gaussian elimination, or null. */
function solveExact(answers: AnswerLog, unknowns: number): LogisticRegression | null {
  const dims = unknowns - 1;
  const a = new Float64Array(unknowns * unknowns);
  const y = new Float64Array(unknowns);
  for (let i = 0; i < unknowns; i++) {
    if (!Number.isFinite(answers.logits[i]!)) return null;
    for (let j = 0; j < dims; j++) a[i * unknowns + j] = answers.inputs[i * dims + j]!;
    a[i * unknowns + dims] = 1;
    y[i] = answers.logits[i]!;
  }
  const theta = solveLinear(a, y, unknowns);
  return theta ? new LogisticRegression(theta.slice(0, dims), theta[dims]!) : null;
}

/**
 * One more query checks the exact solution when the budget allows it (residual = relative
 * log-odds mismatch); with no budget left the solution is returned unverified (residual null).
 */
function verifyExact(
  ctx: Parameters<CreditAttack>[0],
  answers: AnswerLog,
  exact: LogisticRegression,
): CreditAttackOutcome {
  const outcome: CreditAttackOutcome = {
    student: exact,
    linear: exact,
    upToScale: false,
    method: 'exact',
    residual: null,
    fallback: null,
  };
  if (ctx.remaining() === 0) return outcome;
  const check = gaussianPoints(ctx.rng, 1, ctx.dims);
  askLogged(ctx, answers, check, 1);
  const observed = answers.logits[answers.count - 1]!;
  const residual = Math.abs(exact.logit(check, 0) - observed) / (1 + Math.abs(observed));
  if (residual <= EXACT_TOLERANCE) return { ...outcome, residual };
  return {
    ...spendAndTrain(
      ctx,
      answers,
      'mlp',
      `d + 1 equations solved, but a further answer contradicts them (log-odds off by ${residual.toPrecision(3)}): the model is not logistic; trained an MLP student on all answers`,
    ),
    residual,
  };
}

/**
 * Moves each point x along w to where the estimate's log-odds is tau ~ U(-ADAPTIVE_LOGIT,
 * ADAPTIVE_LOGIT): x + ((tau - (w.x + b)) / ||w||^2) w. Leaves the points as they are when w = 0.
 */
function placeInBand(
  estimate: LogisticRegression,
  points: Float64Array,
  count: number,
  uniform: (lo: number, hi: number) => number,
): void {
  const w = estimate.weights;
  const dims = w.length;
  let norm2 = 0;
  for (let j = 0; j < dims; j++) norm2 += w[j]! * w[j]!;
  if (!(norm2 > 0)) return;
  for (let r = 0; r < count; r++) {
    const shift = (uniform(-ADAPTIVE_LOGIT, ADAPTIVE_LOGIT) - estimate.logit(points, r)) / norm2;
    for (let j = 0; j < dims; j++) points[r * dims + j]! += shift * w[j]!;
  }
}

/** The consistency statistic of the file header and its tolerance for the output mode. */
function misfit(
  output: OutputOptions,
  answers: AnswerLog,
  estimate: LogisticRegression,
): { residual: number; tolerance: number } {
  let maxAbs = 0;
  let squares = 0;
  for (let i = 0; i < answers.count; i++) {
    const error = Math.abs(sigmoid(estimate.logit(answers.inputs, i)) - answers.scores[i]!);
    maxAbs = Math.max(maxAbs, error);
    squares += error * error;
  }
  const rms = Math.sqrt(squares / answers.count);
  if (output.mode === 'rounded') {
    let scale = 1;
    for (let k = 0; k < output.decimals; k++) scale /= 10;
    return { residual: maxAbs, tolerance: scale };
  }
  if (output.mode === 'noise') return { residual: rms, tolerance: 1.5 * output.sigma };
  // Exact modes reach here only when the square system was singular; other perturbations
  // (reverse sigmoid) have no known error bound, so allow one point of probability (RMS).
  return { residual: rms, tolerance: exactAnswers(output) ? 1e-9 : 0.01 };
}

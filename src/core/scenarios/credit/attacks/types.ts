/**
 * The shape every credit attack shares: a pure function of the attack context (../context.ts) and
 * a few options, returning the stolen model and how it was obtained. Attacks draw every random
 * choice from ctx.rng and see nothing but the API's answers.
 */
import type { Rng } from '../../../rng';
import { AnswerLog, askLogged } from '../answers';
import type { CreditAttackContext } from '../context';
import type { LogisticRegression } from '../logistic';
import type { CreditModel } from '../model';
import { fitOnLog, trainsOnScores, type CreditStudentModel } from '../student';

export interface CreditAttackOptions {
  /** the student trained by `random`, `natural` and the other attacks' fallbacks */
  student: CreditStudentModel;
  /** lineSearch: bisection precision, standardised units along the search line */
  precision: number;
}

export const CREDIT_ATTACK_DEFAULTS: CreditAttackOptions = { student: 'logistic', precision: 1e-3 };

/** How the stolen model was obtained. */
export type RecoveryMethod =
  /** d + 1 equations solved exactly (Tramer et al. 2016) */
  | 'exact'
  /** least squares over all usable answers */
  | 'leastSquares'
  /** boundary points found by line search (Lowd and Meek 2005): w up to scale */
  | 'lineSearch'
  /** read from one explanation (Milli et al. 2019) */
  | 'gradient'
  /** a student trained on the answers (and attributions) */
  | 'student';

export interface CreditAttackOutcome {
  student: CreditModel;
  /** the stolen (w, b), standardised units, when the stolen model is linear; else null */
  linear: LogisticRegression | null;
  /** w and b are known up to a positive factor only (label-only answers fix no scale) */
  upToScale: boolean;
  method: RecoveryMethod;
  /**
   * how well the linear model fits the answers it was solved from, in the unit of its check
   * (see each attack), or null when no system was solved
   */
  residual: number | null;
  /** why the attack fell back to training a student, in words, or null */
  fallback: string | null;
}

export type CreditAttack = (
  ctx: CreditAttackContext,
  options: CreditAttackOptions,
) => CreditAttackOutcome;

/** `count` points x ~ N(0, I_dims): in general position with probability 1. */
export function gaussianPoints(rng: Rng, count: number, dims: number): Float64Array {
  const points = new Float64Array(count * dims);
  for (let i = 0; i < points.length; i++) points[i] = rng.normal();
  return points;
}

/**
 * The common fallback: spends what is left of the budget on the attacker's own applicants, then
 * trains a student of kind `kind` on every logged answer.
 */
export function spendAndTrain(
  ctx: CreditAttackContext,
  answers: AnswerLog,
  kind: CreditStudentModel,
  reason: string,
): CreditAttackOutcome {
  const left = ctx.remaining();
  if (left > 0) askLogged(ctx, answers, ctx.pool(left), left);
  return trainOnLog(ctx, answers, kind, trainsOnScores(ctx), reason);
}

/**
 * A student of kind `kind` trained on every logged answer (on the scores when `scores`, else on
 * the labels), as an outcome with method 'student' and the given fallback reason (null: none).
 */
export function trainOnLog(
  ctx: CreditAttackContext,
  answers: AnswerLog,
  kind: CreditStudentModel,
  scores: boolean,
  fallback: string | null,
): CreditAttackOutcome {
  const fitted = fitOnLog(kind, answers, scores, ctx.rng.fork('student'));
  return {
    student: fitted.model,
    linear: fitted.linear,
    upToScale: false,
    method: 'student',
    residual: null,
    fallback,
  };
}

export { AnswerLog };

/**
 * Equation solving (Tramer et al., USENIX Security 2016, section 4.1), credit kind: every answered
 * score of a logistic model is one linear equation logit(p) = w.x + b, so d + 1 queries recover
 * (w, b) exactly; rounded or noisy scores call for least squares over more queries, an MLP victim
 * for a student trained on the answers. The algorithm: scenarios/credit/attacks/equationSolving.ts.
 */
import { equationSolving as solve } from '../../scenarios/credit/attacks/equationSolving';
import { creditAttackOptions } from '../../scenarios/credit/options';
import { runCreditAttack } from '../../scenarios/credit/session';
import type { AttackPlugin } from '../context';
import { equationSolvingMeta } from './meta';

export { equationSolvingMeta };

export const equationSolving: AttackPlugin = {
  ...equationSolvingMeta,
  run: (ctx) => runCreditAttack(ctx, solve, creditAttackOptions),
};

/**
 * Line search on labels (Lowd and Meek, KDD 2005), credit kind: bisect between an approved and a
 * refused applicant to points on the decision boundary, and read w up to scale from d + 1 of them;
 * the cost grows with d and log(1/precision). The algorithm: scenarios/credit/attacks/lineSearch.ts.
 */
import { lineSearch as search } from '../../scenarios/credit/attacks/lineSearch';
import { creditAttackOptions } from '../../scenarios/credit/options';
import { runCreditAttack } from '../../scenarios/credit/session';
import type { AttackPlugin } from '../context';
import { lineSearchMeta } from './meta';

export { lineSearchMeta };

export const lineSearch: AttackPlugin = {
  ...lineSearchMeta,
  run: (ctx) => runCreditAttack(ctx, search, creditAttackOptions),
};

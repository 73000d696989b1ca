/**
 * Reconstruction from explanations (Milli et al., FAT* 2019), credit kind: when the API explains
 * each decision with the gradient of the approval log-odds, that gradient is w itself for a
 * logistic model, so one explained query gives w (and the score gives b); an MLP needs more
 * queries. Without explanations (defense.output.explanations off) it trains a student on the answers.
 * The algorithm: scenarios/credit/attacks/explanations.ts.
 */
import { explanationsAttack } from '../../scenarios/credit/attacks/explanations';
import { creditAttackOptions } from '../../scenarios/credit/options';
import { runCreditAttack } from '../../scenarios/credit/session';
import type { AttackPlugin } from '../context';
import { explanationsMeta } from './meta';

export { explanationsMeta };

export const explanations: AttackPlugin = {
  ...explanationsMeta,
  run: (ctx) => runCreditAttack(ctx, explanationsAttack, creditAttackOptions),
};

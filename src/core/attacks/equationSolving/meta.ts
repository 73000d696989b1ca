/**
 * Equation solving (Tramer et al., USENIX Security 2016, section 4.1), credit kind: every answered
 * score of a logistic model is one linear equation logit(p) = w.x + b, so d + 1 queries recover
 * (w, b) exactly; rounded or noisy scores call for least squares over more queries, an MLP victim
 * for a student trained on the answers. The algorithm: scenarios/credit/attacks/equationSolving.ts.
 */
import type { AttackMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface StrategyNames {
    equationSolving: true;
  }
}

export const equationSolvingMeta: AttackMeta = {
  id: 'equationSolving',
  name: 'Equation solving',
  summary:
    'Each answered score is one equation in the weights: d + 1 queries solve a logistic model exactly (Tramer et al. 2016).',
  uses: [], // the student model (for fallbacks) is the kind's field, shown with the kind's student
  fields: [],
  card: 'equationSolving',
  kinds: ['credit'],
};

/**
 * Line search on labels (Lowd and Meek, KDD 2005), credit kind: bisect between an approved and a
 * refused applicant to points on the decision boundary, and read w up to scale from d + 1 of them;
 * the cost grows with d and log(1/precision). The algorithm: scenarios/credit/attacks/lineSearch.ts.
 */
import type { AttackMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface StrategyNames {
    lineSearch: true;
  }
  interface AttackKnobs {
    /** line search: bisection precision, standardised units along the search line */
    precision: number;
  }
}

export const lineSearchMeta: AttackMeta = {
  id: 'lineSearch',
  name: 'Line search (labels only)',
  summary:
    'Bisects between an approved and a refused applicant to find the decision boundary, feature by feature (Lowd and Meek 2005).',
  uses: [], // the student model (for fallbacks) is the kind's field, shown with the kind's student
  fields: [
    {
      path: 'attack.precision',
      key: 'lp',
      kind: 'number',
      min: 1e-9,
      max: 1,
      default: 1e-3,
      label: 'Bisection precision',
      unit: 'standard deviations',
      help: 'Line search: how closely each boundary point is pinned down; finer costs more queries.',
      kinds: ['credit'],
    },
  ],
  card: 'lineSearch',
  kinds: ['credit'],
};

/**
 * Reconstruction from explanations (Milli et al., FAT* 2019), credit kind: when the API explains
 * each decision with the gradient of the approval log-odds, that gradient is w itself for a
 * logistic model, so one explained query gives w (and the score gives b); an MLP needs more
 * queries. Without explanations (defense.output.explanations off) it trains a student on the answers.
 * The algorithm: scenarios/credit/attacks/explanations.ts.
 */
import type { AttackMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface StrategyNames {
    explanations: true;
  }
}

export const explanationsMeta: AttackMeta = {
  id: 'explanations',
  name: 'Read the explanations',
  summary:
    "Reads the model from the API's feature attributions: one explained query gives a logistic model's weights (Milli et al. 2019).",
  uses: [], // the student model (for fallbacks) is the kind's field, shown with the kind's student
  fields: [],
  card: 'explanations',
  kinds: ['credit'],
};

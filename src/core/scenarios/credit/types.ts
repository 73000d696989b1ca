/**
 * The credit kind's result part (`result.credit`, merged into SimulationResult by ./meta.ts) and
 * the plain-data shapes it is made of: structured-clonable, so it crosses the worker boundary.
 */
import type { MlpWeights } from '../../models/mlp-layout';
import type { DecisionGrid } from '../../types';

/** One applicant feature of the credit kind, with the lender's standardisation (real units). */
export interface CreditFeatureInfo {
  key: string;
  label: string;
  unit: string;
  /** the form's range and step, real units */
  min: number;
  max: number;
  step: number;
  /** standardisation x = (value - mean) / sd, from the lender's training applicants */
  mean: number;
  sd: number;
}

/** A linear credit model in standardised units: p(approve) = sigmoid(weights.x + bias). */
export interface LinearWeights {
  weights: Float64Array;
  bias: number;
}

/** The stolen linear model at one learning-curve point, and whether it is known up to scale only. */
export interface CheckpointWeights extends LinearWeights {
  upToScale: boolean;
}

/** A credit model as plain data, to evaluate on the page: linear weights or a network's weights. */
export type CreditModelData =
  { linear: LinearWeights; network: null } | { linear: null; network: MlpWeights };

/** The credit kind's part of a result (scenarios/credit/parts.ts). */
export interface CreditParts {
  features: CreditFeatureInfo[];
  /** the median applicant, standardised (the form's starting point and the slice's anchor) */
  median: Float64Array;
  victimModel: string;
  /** the victim's weights when it is logistic, else null */
  victim: LinearWeights | null;
  /** the stolen model's weights when it is linear, else null */
  stolen: LinearWeights | null;
  /**
   * the attacker's linear model at each learning-curve point (one per `result.curve` entry): the
   * running student's until the attack returns, then the attack's (so the last equals `stolen`);
   * null where the attacker's model was a network or not yet fitted
   */
  stolenByPoint: (CheckpointWeights | null)[];
  /** the stolen weights are known up to a positive factor only (label-only line search) */
  upToScale: boolean;
  /** how the attack obtained its model: exact, leastSquares, lineSearch, gradient, student */
  method: string;
  /** why the attack fell back to training a student, in words, or null */
  fallback: string | null;
  /** unknowns of the victim if it is linear: d weights and a bias (d + 1 queries suffice) */
  unknowns: number;
  /** the API served feature attributions with each answer */
  explanations: boolean;
  /** both models as data (copies), so the page can score any applicant the learner describes */
  models: { victim: CreditModelData | null; student: CreditModelData | null };
  /**
   * approval maps over two features (scenario.sliceX across, scenario.sliceY up; ./slice.ts
   * sliceFeatures), the others at the median applicant
   */
  slice: { features: [number, number]; victim: DecisionGrid; student: DecisionGrid };
}

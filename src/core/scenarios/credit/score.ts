/**
 * Scoring one applicant with a credit model given as plain data (a result's CreditParts.models),
 * for the page's applicant form. This is not a simulation: one forward pass of a logistic model or
 * a small network per slider move, on the main thread; the page imports this module, never the
 * run-time ones (registry/runtime, session, api).
 */
import { Mlp } from '../../models/mlp';
import type { Classifier } from '../../types';
import type { CreditModelData } from './types';
import { LogisticRegression } from './logistic';
import { APPROVE } from './model';

/** A classifier rebuilt from plain data (a copy of a network's weights), or null for none. */
export function modelFrom(data: CreditModelData | null): Classifier | null {
  if (data?.linear) return new LogisticRegression(data.linear.weights, data.linear.bias);
  if (data?.network) return Mlp.fromWeights(data.network);
  return null;
}

/** The approval probability p(approve | x) of `model` at standardised inputs `x` (one row). */
export function approval(model: Classifier, x: Float64Array): number {
  const out = new Float64Array(2);
  model.predict(x, 1, out);
  return out[APPROVE]!;
}

/**
 * Fidelity against precomputed victim labels (REFERENCE.md "Words": the share of inputs on which
 * student and victim predict the same label; the victim's labels are computed once per run) and
 * the decision grids drawn as maps. Model-to-model helpers live in models/evaluate.ts.
 */
import { predictLabels } from '../models/evaluate';
import type { Classifier } from '../types';

export { predictLabels };

/** Share of positions where two label arrays agree (1 for identical arrays; 0 for empty input). */
export function agreementRate(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error('agreementRate: label arrays differ in length');
  if (a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Fidelity of `student` to precomputed victim labels on the same inputs. */
export function fidelity(
  student: Classifier,
  inputs: Float64Array,
  victimLabels: Uint8Array,
): number {
  return agreementRate(predictLabels(student, inputs, victimLabels.length), victimLabels);
}

/**
 * Fidelity against precomputed victim labels (REFERENCE.md "Words": the share of inputs on which
 * student and victim predict the same label; the victim's labels are computed once per run) and
 * the decision grids drawn as maps. Model-to-model helpers live in models/evaluate.ts.
 */
import { predictLabels } from '../models/evaluate';
import type { Classifier, DecisionGrid, InputBox } from '../types';

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

/** The grid's input points, row-major, y from box.max[1] (top row) down, x from box.min[0]. */
export function gridInputs(box: InputBox, resolution: number): Float64Array {
  const inputs = new Float64Array(resolution * resolution * 2);
  const [x0, y0] = [box.min[0]!, box.min[1]!];
  const [x1, y1] = [box.max[0]!, box.max[1]!];
  for (let row = 0; row < resolution; row++) {
    // Cell centres: (k + 0.5) / resolution of the way across.
    const y = y1 - ((row + 0.5) / resolution) * (y1 - y0);
    for (let col = 0; col < resolution; col++) {
      const i = row * resolution + col;
      inputs[2 * i] = x0 + ((col + 0.5) / resolution) * (x1 - x0);
      inputs[2 * i + 1] = y;
    }
  }
  return inputs;
}

/** A model's class probabilities on the grid (as Float32 to halve what crosses the worker). */
export function decisionGrid(
  model: Classifier,
  box: InputBox,
  resolution: number,
  inputs: Float64Array = gridInputs(box, resolution),
): DecisionGrid {
  const count = resolution * resolution;
  const probs = new Float64Array(count * model.classes);
  model.predict(inputs, count, probs);
  return { resolution, classes: model.classes, box, probabilities: Float32Array.from(probs) };
}

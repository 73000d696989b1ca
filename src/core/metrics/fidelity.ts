/**
 * Accuracy and fidelity (REFERENCE.md "Words"): fidelity is the share of inputs on which the
 * student and the victim predict the same label; accuracy is the share of labelled inputs a model
 * gets right. Also the decision grids drawn as maps.
 */
import type { Classifier, DecisionGrid, InputBox } from '../types';

/** argmax label of each of `count` rows (ties go to the lower class index). */
export function predictLabels(model: Classifier, inputs: Float64Array, count: number): Uint8Array {
  const classes = model.classes;
  const probs = new Float64Array(count * classes);
  model.predict(inputs, count, probs);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[i * classes + c]! > probs[i * classes + best]!) best = c;
    labels[i] = best;
  }
  return labels;
}

/** Share of positions where two label arrays agree (1 for identical arrays; 0 for empty input). */
export function agreementRate(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error('agreementRate: label arrays differ in length');
  if (a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Fidelity of `student` to precomputed victim labels on the same inputs. */
export function fidelity(student: Classifier, inputs: Float64Array, victimLabels: Uint8Array): number {
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

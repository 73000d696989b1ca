/**
 * Labels, fidelity and accuracy of any Classifier. Fidelity (REFERENCE.md "Words") is the share of
 * inputs on which two models predict the same label; accuracy is the share of labelled points a
 * model gets right. Rows are predicted in chunks so memory stays small for large input sets.
 */
import type { Classifier, Dataset } from '../types';

/** rows predicted per call to `predict` */
const CHUNK_ROWS = 1024;

/** argmax label of each of `count` rows of `inputs` (ties go to the lower class index). */
export function predictLabels(model: Classifier, inputs: Float64Array, count: number): Uint8Array {
  const classes = model.classes;
  const labels = new Uint8Array(count);
  const probs = new Float64Array(Math.min(count, CHUNK_ROWS) * classes);
  for (let start = 0; start < count; start += CHUNK_ROWS) {
    const rows = Math.min(CHUNK_ROWS, count - start);
    model.predict(inputs, rows, probs, start);
    for (let r = 0; r < rows; r++) {
      const o = r * classes;
      let best = 0;
      for (let c = 1; c < classes; c++) if (probs[o + c]! > probs[o + best]!) best = c;
      labels[start + r] = best;
    }
  }
  return labels;
}

/** Fidelity: share of the `count` rows on which `a` and `b` predict the same label (NaN if count = 0). */
export function agreement(
  a: Classifier,
  b: Classifier,
  inputs: Float64Array,
  count: number,
): number {
  const labelsA = predictLabels(a, inputs, count);
  const labelsB = predictLabels(b, inputs, count);
  let same = 0;
  for (let i = 0; i < count; i++) if (labelsA[i] === labelsB[i]) same++;
  return same / count;
}

/** Share of the dataset's points whose predicted label equals the true label (NaN if empty). */
export function accuracy(model: Classifier, dataset: Dataset): number {
  const predicted = predictLabels(model, dataset.inputs, dataset.count);
  let correct = 0;
  for (let i = 0; i < dataset.count; i++) if (predicted[i] === dataset.labels[i]) correct++;
  return correct / dataset.count;
}

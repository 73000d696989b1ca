/**
 * Sampling helpers every scenario kind shares (uniform points over an input box: random queries,
 * fidelity over the whole input space).
 */
import type { Rng } from './rng';
import type { InputBox } from './types';

/** `count` points uniform over a box (labels are all 0: the caller asks a model for them). */
export function uniformInBox(box: InputBox, count: number, rng: Rng): Float64Array {
  const dims = box.min.length;
  const inputs = new Float64Array(count * dims);
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < dims; d++) inputs[i * dims + d] = rng.uniform(box.min[d]!, box.max[d]!);
  }
  return inputs;
}

import { describe, expect, it } from 'vitest';
import { createRng, permutation } from '../../../src/core/rng';
import { BatchBackprop } from '../../../src/core/models/backprop';
import { lossGradient } from '../../../src/core/models/mlp';
import { randomInputs, randomModel, randomTargets } from './helpers';

describe('BatchBackprop', () => {
  // Hidden sizes that are and are not multiples of the 4-column blocks; batches of 1, 3 and 13 rows.
  it.each([
    ['tanh', [16, 16], 2, 1],
    ['tanh', [5, 3], 3, 3],
    ['relu', [7, 6, 5], 3, 13],
    ['relu', [8], 2, 13],
    ['tanh', [], 3, 3],
  ] as const)(
    '%s %o, %i classes, %i rows: equals the row-by-row gradient',
    (activation, hidden, classes, rows) => {
      const model = randomModel({ inputDims: 3, hidden: [...hidden], classes, activation }, rows);
      const rng = createRng(100 + rows);
      const count = 20;
      const inputs = randomInputs(count, 3, rng);
      const targets = randomTargets(count, classes, true, rng);
      const order = permutation(rng, count);
      const start = 4;
      // The reference: the same rows gathered in order, through lossGradient (mean) times the count.
      const picked = Array.from(order.subarray(start, start + rows));
      const pickedInputs = new Float64Array(
        picked.flatMap((r) => Array.from(inputs.subarray(3 * r, 3 * r + 3))),
      );
      const pickedTargets = new Float64Array(
        picked.flatMap((r) => Array.from(targets.subarray(classes * r, classes * r + classes))),
      );
      const expected = new Float64Array(model.params.length);
      const meanLoss = lossGradient(model, pickedInputs, pickedTargets, rows, expected);

      const grad = new Float64Array(model.params.length).fill(99); // overwritten, not added to
      const backprop = new BatchBackprop(model);
      // A larger batch first, so the buffers hold other rows' values when the checked batch runs.
      backprop.gradient(inputs, targets, order, 0, count, new Float64Array(grad.length));
      const loss = backprop.gradient(inputs, targets, order, start, start + rows, grad);
      expect(loss).toBeCloseTo(meanLoss * rows, 12);
      for (let w = 0; w < grad.length; w++) expect(grad[w]).toBeCloseTo(expected[w]! * rows, 12);
    },
  );
});

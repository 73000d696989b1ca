import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { Mlp, accuracy, agreement, predictLabels } from '../../../src/core/models/mlp';
import type { Dataset } from '../../../src/core/types';
import { randomInputs, randomModel } from './helpers';

/** Logistic regression on one input: class 1 exactly when x > 0. */
const threshold = new Mlp(
  { inputDims: 1, hidden: [], classes: 2, activation: 'tanh' },
  Float64Array.of(0, 1, 0, 0),
);

describe('predictLabels', () => {
  it('labels by argmax', () => {
    expect(Array.from(predictLabels(threshold, Float64Array.of(-2, 0.5, 3, -0.1), 4))).toEqual([
      0, 1, 1, 0,
    ]);
  });

  it('gives the same labels in chunks as row by row (2,500 rows, 3 classes)', () => {
    const model = randomModel({ inputDims: 2, hidden: [8], classes: 3, activation: 'relu' }, 1, 2);
    const inputs = randomInputs(2500, 2, createRng(2));
    const labels = predictLabels(model, inputs, 2500);
    const seen = new Set<number>();
    for (const r of [0, 1023, 1024, 2047, 2048, 2499]) {
      const p = model.forwardRow(inputs, r);
      const best = p.indexOf(Math.max(...p));
      expect(labels[r]).toBe(best);
    }
    for (const l of labels) seen.add(l);
    expect(seen.size).toBe(3);
  });
});

describe('agreement (fidelity)', () => {
  it('is 1 for a model with itself and with its clone', () => {
    const model = randomModel(
      { inputDims: 2, hidden: [16, 16], classes: 3, activation: 'tanh' },
      3,
    );
    const inputs = randomInputs(500, 2, createRng(4));
    expect(agreement(model, model, inputs, 500)).toBe(1);
    expect(agreement(model, model.clone(), inputs, 500)).toBe(1);
  });

  it('is 0 against the same network with negated output layer (two classes: every label flips)', () => {
    const model = randomModel({ inputDims: 2, hidden: [8], classes: 2, activation: 'tanh' }, 5);
    const flipped = model.clone();
    const start = flipped.layout.weightOffset[1]!;
    for (let i = start; i < flipped.params.length; i++) flipped.params[i] = -flipped.params[i]!;
    const inputs = randomInputs(300, 2, createRng(6));
    expect(agreement(model, flipped, inputs, 300)).toBe(0);
  });

  it('counts the share of agreeing rows', () => {
    const shifted = new Mlp(threshold.spec, Float64Array.of(0, 1, 0, -1)); // class 1 when x > 1
    expect(agreement(threshold, shifted, Float64Array.of(-1, 0.5, 2, 0.9), 4)).toBe(0.5);
  });
});

describe('accuracy', () => {
  it('is the share of correctly labelled points', () => {
    const dataset: Dataset = {
      dims: 1,
      classes: 2,
      count: 4,
      inputs: Float64Array.of(-1, 2, 3, -4),
      labels: Uint8Array.of(0, 1, 0, 0),
    };
    expect(accuracy(threshold, dataset)).toBe(0.75);
  });
});

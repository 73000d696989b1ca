import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { LogisticRegression } from '../../../../src/core/scenarios/credit/logistic';
import { buildCreditPopulation } from '../../../../src/core/scenarios/credit/population';
import {
  featureMedians,
  featureSlice,
  sliceInputs,
} from '../../../../src/core/scenarios/credit/slice';

const population = buildCreditPopulation(
  { features: 4, trainSize: 301, testSize: 10, noise: 0.5 },
  createRng(2),
);

describe('featureMedians', () => {
  it('is the middle training value of each standardised feature (odd count)', () => {
    const medians = featureMedians(population);
    for (let i = 0; i < 4; i++) {
      const column = Array.from({ length: 301 }, (_, k) => population.train.inputs[k * 4 + i]!);
      column.sort((x, y) => x - y);
      expect(medians[i]).toBe(column[150]);
    }
  });
});

describe('featureSlice', () => {
  it('varies features a and b over their box and holds the others at the anchor', () => {
    const anchor = Float64Array.of(0.1, 0.2, 0.3, 0.4);
    const inputs = sliceInputs(population, 2, 0, 3, anchor);
    const { min, max } = population.box;
    // top-left cell centre: feature 2 at 1/6 of its range, feature 0 at 5/6 of its range
    expect(inputs[2]).toBeCloseTo(min[2]! + (max[2]! - min[2]!) / 6, 12);
    expect(inputs[0]).toBeCloseTo(min[0]! + (5 * (max[0]! - min[0]!)) / 6, 12);
    for (let cell = 0; cell < 9; cell++) {
      expect(inputs[cell * 4 + 1]).toBe(0.2);
      expect(inputs[cell * 4 + 3]).toBe(0.4);
    }
  });

  it('draws a logistic boundary where w.x + b = 0 in the plane', () => {
    // p(approve) rises with feature 0 only: the right column approves, the left refuses.
    const model = new LogisticRegression(Float64Array.of(5, 0, 0, 0), 0);
    const grid = featureSlice(model, population, 0, 1, 20, new Float64Array(4));
    expect(grid.classes).toBe(2);
    expect(grid.probabilities).toHaveLength(20 * 20 * 2);
    for (let row = 0; row < 20; row++) {
      expect(grid.probabilities[2 * (row * 20) + 1]).toBeLessThan(0.01);
      expect(grid.probabilities[2 * (row * 20 + 19) + 1]).toBeGreaterThan(0.99);
    }
  });

  it('rejects the same feature twice or one out of range, naming the range', () => {
    expect(() => sliceInputs(population, 1, 1, 4)).toThrow(/0\.\.3/);
    expect(() => sliceInputs(population, 0, 4, 4)).toThrow(/0\.\.3/);
  });
});

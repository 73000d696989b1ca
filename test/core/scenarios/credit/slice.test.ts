import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../../../src/core/config';
import { obtainCreditWorld } from '../../../../src/core/scenarios/credit/world';
import { formatShareHash, parseShareHash } from '../../../../src/state/url';
import { createVictimCache, simulate } from '../../../../src/core/simulate';
import { createRng } from '../../../../src/core/rng';
import { LogisticRegression } from '../../../../src/core/scenarios/credit/logistic';
import { buildCreditPopulation } from '../../../../src/core/scenarios/credit/population';
import {
  featureMedians,
  featureSlice,
  sliceBox,
  sliceFeatures,
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

describe('sliceFeatures (scenario.sliceX, scenario.sliceY, numbered from 1)', () => {
  it('maps a valid pair to 0-based indices, in the order given', () => {
    expect(sliceFeatures(1, 2, 8)).toEqual([0, 1]);
    expect(sliceFeatures(5, 3, 8)).toEqual([4, 2]);
    expect(sliceFeatures(8, 1, 8)).toEqual([7, 0]);
  });

  it('falls back to the first features when a number is past d or Y repeats X', () => {
    expect(sliceFeatures(9, 2, 8)).toEqual([0, 1]);
    expect(sliceFeatures(3, 9, 8)).toEqual([2, 0]);
    expect(sliceFeatures(1, 1, 8)).toEqual([0, 1]);
    expect(sliceFeatures(2, 2, 8)).toEqual([1, 0]);
    expect(sliceFeatures(20, 20, 2)).toEqual([0, 1]);
  });

  it('always gives two different features within the run (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 2, max: 20 }),
        (x, y, d) => {
          const [a, b] = sliceFeatures(x, y, d);
          expect(a).not.toBe(b);
          for (const i of [a, b]) expect(i >= 0 && i < d).toBe(true);
          if (x <= d && y <= d && x !== y) expect([a, b]).toEqual([x - 1, y - 1]);
        },
      ),
    );
  });
});

describe('the slice of a credit run', () => {
  const cache = createVictimCache();
  const credit = setPath(defaultConfig(), 'scenario.kind', 'credit');

  it('defaults to features 1 and 2 (the slice before the fields existed)', () => {
    expect(credit.scenario.sliceX).toBe(1);
    expect(credit.scenario.sliceY).toBe(2);
    expect(simulate(credit, { victimCache: cache }).credit!.slice.features).toEqual([0, 1]);
  });

  it('is computed in the run over the features the config names, and kept in the link', () => {
    const chosen = setPath(setPath(credit, 'scenario.sliceX', 4), 'scenario.sliceY', 3);
    const parsed = parseShareHash(formatShareHash(chosen));
    expect(parsed.issues).toEqual([]);
    expect(parsed.config.scenario.sliceX).toBe(4);
    expect(parsed.config.scenario.sliceY).toBe(3);
    const before = simulate(credit, { victimCache: cache }).credit!;
    const after = simulate(chosen, { victimCache: cache }).credit!;
    expect(after.slice.features).toEqual([3, 2]);
    expect(after.slice.victim.box).toEqual(
      sliceBox(obtainCreditWorld(chosen, cache).population, 3, 2),
    );
    expect(Array.from(after.slice.victim.probabilities)).not.toEqual(
      Array.from(before.slice.victim.probabilities),
    );
    // the slice is a view: the run's numbers do not change
    expect(after.stolen).toEqual(before.stolen);
  });
});

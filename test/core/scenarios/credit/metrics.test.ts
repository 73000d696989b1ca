import { describe, expect, it } from 'vitest';
import { LogisticRegression } from '../../../../src/core/scenarios/credit/logistic';
import {
  creditFidelity,
  scoreError,
  weightError,
} from '../../../../src/core/scenarios/credit/metrics';
import {
  BUDGET_GRID,
  MAX_BUDGET,
  formatFidelityTable,
  queriesForFidelity,
  summarizeCell,
} from '../../../../src/core/scenarios/credit/table';
import type { Dataset } from '../../../../src/core/types';
import { runOptions, worldFor } from './helpers';

const model = (w: number[], b: number) => new LogisticRegression(Float64Array.from(w), b);
const applicants = (xs: number[]): Dataset => ({
  dims: 1,
  classes: 2,
  count: xs.length,
  inputs: Float64Array.from(xs),
  labels: new Uint8Array(xs.length),
});

describe('weightError', () => {
  it('is the largest absolute error over the weights and the bias', () => {
    expect(weightError(model([1, -2], 0.5), model([1.1, -2.3], 0.45), false)).toBeCloseTo(0.3, 15);
    expect(weightError(model([1, -2], 0.5), model([1, -2], -0.5), false)).toBe(1);
  });

  it('up to scale: any positive multiple of the victim scores 0, a negative one does not', () => {
    expect(weightError(model([1, -2], 0.5), model([3, -6], 1.5), true)).toBeLessThan(1e-15);
    expect(weightError(model([1, -2], 0.5), model([-1, 2], -0.5), true)).toBe(4);
  });

  it('is null unless both models are linear', () => {
    expect(weightError(null, model([1], 0), false)).toBeNull();
    expect(weightError(model([1], 0), null, false)).toBeNull();
  });
});

describe('fidelity and scoreError', () => {
  it('count decisions alike and average |p - q| (hand-computed on 1-D applicants)', () => {
    // victim boundary at x = 0, stolen at x = 0.5: applicants 0.2 and 0.4 are decided differently.
    const victim = model([1], 0);
    const stolen = model([1], -0.5);
    const people = applicants([-1, 0.2, 0.4, 2]);
    expect(creditFidelity(victim, stolen, people)).toBe(0.5);
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const expected = [-1, 0.2, 0.4, 2].reduce((s, x) => s + Math.abs(sig(x) - sig(x - 0.5)) / 4, 0);
    expect(scoreError(victim, stolen, people)).toBeCloseTo(expected, 14);
    expect(scoreError(victim, victim, people)).toBe(0);
  });
});

describe('the table', () => {
  it('tries every budget to 40, then steps of at most 15 %, up to MAX_BUDGET', () => {
    expect(BUDGET_GRID.slice(0, 40)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (let i = 40; i < BUDGET_GRID.length; i++) {
      expect(BUDGET_GRID[i]! / BUDGET_GRID[i - 1]!).toBeLessThanOrEqual(1.15 + 1 / 40);
      expect(BUDGET_GRID[i]!).toBeGreaterThan(BUDGET_GRID[i - 1]!);
    }
    expect(BUDGET_GRID[BUDGET_GRID.length - 1]).toBe(MAX_BUDGET);
  });

  it('finds at most d + 1 for equation solving on exact scores, 1 for explanations', () => {
    // Below d + 1 queries equation solving falls back to a student, which may already agree with
    // the victim on 99 % of applicants (seed 1, d = 6: 6 queries); exactness needs d + 1.
    const options = runOptions({ features: 6 });
    const world = worldFor(options);
    const needed = queriesForFidelity(world, { ...options, strategy: 'equationSolving' }, 0.99);
    expect(needed.queries).toBeLessThanOrEqual(7);
    expect(needed.queries).toBeGreaterThanOrEqual(4);
    expect(queriesForFidelity(world, { ...options, strategy: 'equationSolving' }, 1).queries).toBe(
      7,
    );
    expect(
      queriesForFidelity(world, { ...options, strategy: 'explanations', explanations: true }, 0.99)
        .queries,
    ).toBe(1);
  });

  it('summarises seeds as median (min-max), a miss as above the largest budget', () => {
    expect(summarizeCell([9, 9, 9])).toBe('9');
    expect(summarizeCell([12, 9, 30, 11, 14])).toBe('12 (9-30)');
    expect(summarizeCell([null, 5, 7])).toBe(`7 (5->${MAX_BUDGET})`);
    const table = formatFidelityTable([
      { strategy: 'random', mode: 'probabilities', queries: [10, 11] },
      { strategy: 'random', mode: 'label only', queries: [500, 600] },
    ]);
    expect(table.split('\n')[2]).toBe('| random | 10 (10-11) |  | 500 (500-600) |  |');
  });
});

import { describe, expect, it } from 'vitest';
import { LogisticRegression } from '../../../../src/core/scenarios/credit/logistic';
import {
  creditFidelity,
  scoreError,
  weightError,
} from '../../../../src/core/scenarios/credit/metrics';
import type { Dataset } from '../../../../src/core/types';

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

// The default inspected point: the query whose victim answer is closest to 75% sure.
import { describe, expect, it } from 'vitest';
import type { DecisionGrid } from '../../src/core/types';
import { defaultInspectPoint } from '../../src/charts/inspectPoint';

/** A 2x2 grid over [-1, 1]^2, two classes; cells row by row from the top-left. */
const grid: DecisionGrid = {
  resolution: 2,
  classes: 2,
  box: { min: [-1, -1], max: [1, 1] },
  // top-left 100%, top-right 90%, bottom-left 70%, bottom-right 55% (class 0's share)
  probabilities: new Float32Array([1, 0, 0.9, 0.1, 0.3, 0.7, 0.55, 0.45]),
};

const trace = (points: number[][]) => ({
  count: points.length,
  dims: 2,
  inputs: Float64Array.from(points.flat()),
});

describe('defaultInspectPoint', () => {
  it('picks the query whose top probability is closest to 75%', () => {
    // top-left (100%), top-right (90%), bottom-left (70% for class 1), bottom-right (55%)
    const points = [
      [-0.5, 0.5],
      [0.5, 0.5],
      [-0.5, -0.5],
      [0.5, -0.5],
    ];
    expect(defaultInspectPoint(trace(points), grid)).toEqual([-0.5, -0.5]);
  });

  it('follows the target: near certainty picks the sure cell', () => {
    const points = [
      [0.5, -0.5],
      [-0.5, 0.5],
    ];
    expect(defaultInspectPoint(trace(points), grid, 1)).toEqual([-0.5, 0.5]);
  });

  it('keeps the earliest of equally good queries, and [0, 0] without queries', () => {
    const points = [
      [0.6, 0.6],
      [0.4, 0.4],
    ];
    expect(defaultInspectPoint(trace(points), grid)).toEqual([0.6, 0.6]);
    expect(defaultInspectPoint(trace([]), grid)).toEqual([0, 0]);
  });
});

// The stolen weights at each learning-curve point (result.credit.stolenByPoint): one per curve
// point, ending at the run's stolen weights, exact at the end for equation solving on full scores.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath, type Config } from '../../../../src/core/config';
import { createVictimCache, simulate } from '../../../../src/core/simulate';
import { summarizeResult } from '../../../../src/core/summary';

const cache = createVictimCache();
const run = (values: Record<string, unknown>) =>
  simulate(
    Object.entries({ 'scenario.kind': 'credit', ...values }).reduce(
      (c: Config, [path, value]) => setPath(c, path, value),
      defaultConfig(),
    ),
    { victimCache: cache },
  );

/** Largest |w_i - v_i| over the weights and the bias. */
function largestError(
  a: { weights: Float64Array; bias: number },
  b: { weights: Float64Array; bias: number },
): number {
  let worst = Math.abs(a.bias - b.bias);
  a.weights.forEach((w, i) => (worst = Math.max(worst, Math.abs(w - b.weights[i]!))));
  return worst;
}

describe('the stolen weights at each curve point', () => {
  it('equation solving on full scores: one per point, the last is the stolen model, exact', () => {
    for (const features of [2, 8, 20]) {
      const result = run({
        'attack.strategy': 'equationSolving',
        'scenario.features': features,
        'attack.queries': 200,
      });
      const parts = result.credit!;
      expect(parts.stolenByPoint).toHaveLength(result.curve.length);
      const last = parts.stolenByPoint[parts.stolenByPoint.length - 1]!;
      expect(Array.from(last.weights)).toEqual(Array.from(parts.stolen!.weights));
      expect(last.bias).toBe(parts.stolen!.bias);
      expect(last.upToScale).toBe(false);
      expect(largestError(last, parts.victim!)).toBeLessThan(1e-9);
      expect(result.student.weightError).toBeLessThan(1e-9);
    }
  });

  it('a retraining attack: the weights move between points and end at the stolen ones', () => {
    // labels only: a student on exact scores is already exact after a tenth of the budget
    const result = run({
      'attack.strategy': 'random',
      'attack.queries': 500,
      'defense.output.mode': 'label',
    });
    const points = result.credit!.stolenByPoint;
    expect(points).toHaveLength(result.curve.length);
    expect(points.every((p) => p !== null)).toBe(true);
    // the first student (after a tenth of the budget) is not yet the last one
    expect(largestError(points[0]!, points[points.length - 1]!)).toBeGreaterThan(1e-3);
    expect(Array.from(points[points.length - 1]!.weights)).toEqual(
      Array.from(result.credit!.stolen!.weights),
    );
    // the weights of each point are its own copy (the page animates them)
    expect(new Set(points.map((p) => p!.weights.buffer)).size).toBe(points.length);
  });

  it('line search: the last point is known up to scale; an MLP student has no weights', () => {
    const search = run({ 'attack.strategy': 'lineSearch', 'defense.output.mode': 'label' });
    const points = search.credit!.stolenByPoint;
    expect(points[points.length - 1]!.upToScale).toBe(true);
    const mlp = run({
      'attack.strategy': 'random',
      'attack.student.model': 'mlp',
      'attack.queries': 200,
    });
    expect(mlp.credit!.stolenByPoint).toHaveLength(mlp.curve.length);
    expect(mlp.credit!.stolenByPoint.every((p) => p === null)).toBe(true);
  });

  it('the JSON summary carries the series', () => {
    const result = run({ 'attack.strategy': 'equationSolving' });
    const summary = summarizeResult(result) as unknown as { credit: { stolenByPoint: unknown[] } };
    expect(summary.credit.stolenByPoint).toHaveLength(result.curve.length);
    expect(JSON.parse(JSON.stringify(summary)).credit.stolenByPoint.at(-1).upToScale).toBe(false);
  });
});

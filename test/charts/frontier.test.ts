import { describe, expect, it } from 'vitest';
import { COST_MEASURES, costSpec } from '../../src/charts/costs';
import { frontierSeries, spreadExtent } from '../../src/charts/frontier';
import { makeLevel, makeSweep } from '../fixtures/charts';

const sigma = makeSweep('defense.output.sigma', [
  makeLevel(0, 'sigma 0', 0.96, { drop: 0, distortion: 0 }),
  makeLevel(0.4, 'sigma 0.4', 0.9, { drop: 0.02, distortion: 0.3 }, 0.01),
  makeLevel(0.8, 'sigma 0.8', NaN, { drop: 0.05, distortion: 0.6 }),
]);

describe('frontierSeries', () => {
  it('takes the chosen cost, names the knob from the schema and skips non-finite levels', () => {
    const [series] = frontierSeries([sigma], 'distortion');
    expect(series?.name).toBe('Gaussian noise');
    expect(series?.points.map((p) => [p.label, p.cost.mean, p.fidelity.mean])).toEqual([
      ['sigma 0', 0, 0.96],
      ['sigma 0.4', 0.3, 0.9],
    ]);
  });
  it('uses given names before the schema', () => {
    const [series] = frontierSeries([sigma], 'distortion', { 'defense.output.sigma': 'Noise' });
    expect(series?.name).toBe('Noise');
  });
  it('spreadExtent covers mean ± std', () => {
    const series = frontierSeries([sigma], 'distortion');
    expect(spreadExtent(series, 'cost')).toEqual([0, 0.31]);
    const fid = spreadExtent(series, 'fidelity');
    expect(fid?.[0]).toBeCloseTo(0.89, 12);
    expect(fid?.[1]).toBeCloseTo(0.96, 12);
    expect(spreadExtent([], 'cost')).toBeNull();
  });
});

describe('cost measures', () => {
  it('cover the four DefenseCost fields with units', () => {
    expect(COST_MEASURES.map((m) => m.measure)).toEqual([
      'benignAccuracyDrop',
      'distortion',
      'benignBlocked',
      'falsePositives',
    ]);
    expect(costSpec('benignAccuracyDrop').text(0.012)).toBe('1.2 points');
    expect(costSpec('benignAccuracyDrop').tick(0.012)).toBe('1.2');
    expect(costSpec('benignBlocked').text(0.05)).toBe('5.0%');
    expect(costSpec('falsePositives').axis).toBe('Honest accounts flagged (%)');
  });
});

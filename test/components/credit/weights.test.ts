// The weight bars' rows at each Play position, their axis, and the slice's real-unit ticks.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath, type Config } from '../../../src/core/config';
import { createVictimCache, simulate } from '../../../src/core/simulate';
import { EXTENT_CAP, weightExtent, weightRows } from '../../../src/components/credit/weights';
import { realText } from '../../../src/components/credit/axes';
import type { CreditFeatureInfo } from '../../../src/core/scenarios/credit/types';

const cache = createVictimCache();
const parts = (values: Record<string, unknown>) =>
  simulate(
    Object.entries({ 'scenario.kind': 'credit', ...values }).reduce(
      (c: Config, [path, value]) => setPath(c, path, value),
      defaultConfig(),
    ),
    { victimCache: cache },
  ).credit!;

describe('weightRows', () => {
  it('one row per feature and the bias; the final state is the stolen model', () => {
    const p = parts({ 'attack.strategy': 'equationSolving' });
    const rows = weightRows(p, null);
    expect(rows).toHaveLength(9);
    expect(rows[8]!.name).toBe('Offset (bias)');
    expect(rows.map((r) => r.truth)).toEqual([...Array.from(p.victim!.weights), p.victim!.bias]);
    expect(rows.map((r) => r.stolen)).toEqual([...Array.from(p.stolen!.weights), p.stolen!.bias]);
    // the last Play position shows what the final state shows
    expect(weightRows(p, p.stolenByPoint.length - 1)).toEqual(rows);
  });

  it('steps through the points of a label-only run: the bars differ between positions', () => {
    const p = parts({
      'attack.strategy': 'random',
      'defense.output.mode': 'label',
      'attack.queries': 500,
    });
    const first = weightRows(p, 0).map((r) => r.stolen);
    const last = weightRows(p, p.stolenByPoint.length - 1).map((r) => r.stolen);
    expect(first.every((w) => typeof w === 'number')).toBe(true);
    expect(first).not.toEqual(last);
  });

  it('line search: shown on the lender scale (same norm as the lender)', () => {
    const p = parts({ 'attack.strategy': 'lineSearch', 'defense.output.mode': 'label' });
    const rows = weightRows(p, null);
    const norm = (pick: (r: (typeof rows)[number]) => number | null) =>
      Math.sqrt(rows.reduce((s, r) => s + (pick(r) ?? 0) ** 2, 0));
    expect(norm((r) => r.stolen)).toBeCloseTo(
      norm((r) => r.truth),
      9,
    );
  });

  it('a network student: no recovered bars at any position', () => {
    const p = parts({
      'attack.strategy': 'random',
      'attack.student.model': 'mlp',
      'attack.queries': 200,
    });
    expect(weightRows(p, 0).every((r) => r.stolen === null)).toBe(true);
    expect(weightRows(p, null).every((r) => r.stolen === null)).toBe(true);
  });
});

describe('weightExtent', () => {
  it('covers the lender and the final copy, at most EXTENT_CAP times the lender past that', () => {
    const p = parts({
      'attack.strategy': 'random',
      'defense.output.mode': 'label',
      'attack.queries': 300,
    });
    const truth = Math.max(...weightRows(p, null).map((r) => Math.abs(r.truth!)));
    const final = Math.max(...weightRows(p, null).map((r) => Math.abs(r.stolen!)));
    const extent = weightExtent(p);
    expect(extent).toBeGreaterThanOrEqual(Math.max(truth, final));
    expect(extent).toBeLessThanOrEqual(Math.max(final, EXTENT_CAP * truth));
  });
});

describe('realText', () => {
  const feature = (mean: number, sd: number): CreditFeatureInfo => ({
    key: 'k',
    label: 'K',
    unit: 'u',
    min: 0,
    max: 1,
    step: 1,
    mean,
    sd,
  });
  it('undoes the standardisation and shortens large numbers', () => {
    expect(realText(feature(50000, 20000), 1)).toBe('70k');
    expect(realText(feature(50000, 20000), -0.5)).toBe('40k');
    expect(realText(feature(30, 10), 0.26)).toBe('33');
    expect(realText(feature(0.35, 0.1), 1, 2)).toBe('0.45');
    expect(realText(feature(2, 1), 0)).toBe('2');
  });
});

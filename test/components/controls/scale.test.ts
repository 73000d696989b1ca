import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  groupThousands,
  formatFieldNumber,
  linearScale,
  logScale,
  roundSignificant,
} from '../../../src/components/controls/scale';

describe('logScale', () => {
  const budget = logScale(10, 10_000, true);

  it('spans the range end to end with 24 steps per decade', () => {
    expect(budget.steps).toBe(72);
    expect(budget.toValue(0)).toBe(10);
    expect(budget.toValue(budget.steps)).toBe(10_000);
    expect(budget.toValue(24)).toBe(100);
    expect(budget.toValue(48)).toBe(1000);
  });

  it('gives distinct, increasing, two-significant-figure values', () => {
    const values = Array.from({ length: budget.steps + 1 }, (_, p) => budget.toValue(p));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
    for (const v of values) expect(roundSignificant(v, 2)).toBe(v);
  });

  it('maps values back to their positions, and others to the nearest', () => {
    for (let p = 0; p <= budget.steps; p++) expect(budget.toPosition(budget.toValue(p))).toBe(p);
    expect(budget.toPosition(1234)).toBe(50);
    expect(budget.toPosition(5)).toBe(0);
    expect(budget.toPosition(1e9)).toBe(budget.steps);
  });

  it('handles tiny non-integer ranges (the watermark significance)', () => {
    const alpha = logScale(1e-12, 0.1, false);
    expect(alpha.toValue(0)).toBe(1e-12);
    expect(alpha.toValue(alpha.steps)).toBe(0.1);
    expect(alpha.toPosition(0.001)).toBe(Math.round((9 / 11) * alpha.steps));
  });
});

describe('linearScale', () => {
  it('steps without binary noise', () => {
    const noise = linearScale(0, 0.5, 0.01);
    expect(noise.steps).toBe(50);
    expect(noise.toValue(3)).toBe(0.03);
    expect(noise.toValue(29)).toBe(0.29);
    expect(noise.toPosition(0.1)).toBe(10);
    expect(noise.toValue(99)).toBe(0.5);
  });

  it('works for integer fields', () => {
    const rounds = linearScale(1, 20, 1);
    expect(rounds.steps).toBe(19);
    expect(rounds.toValue(4)).toBe(5);
  });
});

describe('formatFieldNumber', () => {
  it.each([
    [1000, true, '1,000'],
    [0.1, false, '0.1'],
    [0.12345, false, '0.123'],
    [1e-9, false, '1e-9'],
    [2.5e-5, false, '2.5e-5'],
    [0, false, '0'],
    [12345.6, false, '12,346'],
    [Number.NaN, false, '–'],
  ])('%s (integer %s) -> %s', (value, integer, text) => {
    expect(formatFieldNumber(value, integer)).toBe(text);
  });
});

describe('groupThousands', () => {
  it('writes whole numbers as toLocaleString("en-US") does', () => {
    expect(groupThousands(0)).toBe('0');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1000)).toBe('1,000');
    expect(groupThousands(-1234567.4)).toBe('-1,234,567');
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
      }),
    );
  });
});

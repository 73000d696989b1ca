import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCount,
  formatDistortion,
  formatNumber,
  formatPercent,
  formatPoints,
  formatPValue,
  formatUSD,
} from '../../src/charts/format';

describe('formatPValue', () => {
  it.each([
    [3.2e-9, 'p = 3.2e-9'],
    [3.24e-9, 'p = 3.2e-9'],
    [9.9e-4, 'p = 9.9e-4'],
    [0.001, 'p = 0.001'],
    [0.042, 'p = 0.042'],
    [0.4167, 'p = 0.42'],
    [1, 'p = 1'],
    [0, 'p < 1e-300'],
    [NaN, 'p = –'],
  ])('%s -> %s', (p, text) => {
    expect(formatPValue(p)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [0.963, 0, '96%'],
    [0.9634, 1, '96.3%'],
    [1, 0, '100%'],
    [0, 0, '0%'],
  ])('%s with %s digits -> %s', (share, digits, text) => {
    expect(formatPercent(share, digits)).toBe(text);
  });
});

describe('money, counts and points', () => {
  it('formats dollars with cents below $1,000 and without above', () => {
    expect(formatUSD(0.5)).toBe('$0.50');
    expect(formatUSD(2)).toBe('$2.00');
    expect(formatUSD(12345.6)).toBe('$12,346');
  });
  it('formats counts and compact tick labels', () => {
    expect(formatCount(10000)).toBe('10,000');
    expect(formatCount(2.6)).toBe('3');
    expect(formatCompact(1000)).toBe('1k');
    expect(formatCompact(2500)).toBe('2.5k');
    expect(formatCompact(10)).toBe('10');
    expect(formatCompact(0.5)).toBe('0.5');
  });
  it('formats accuracy drops in percentage points', () => {
    expect(formatPoints(0.012)).toBe('1.2 points');
    expect(formatPoints(0.01)).toBe('1.0 points');
    expect(formatPoints(0.0001)).toBe('0.0 points');
    expect(formatPoints(0)).toBe('0.0 points');
    expect(formatPoints(-0.0001)).toBe('0.0 points');
    expect(formatPoints(0.0999)).toBe('10 points');
    expect(formatPoints(0.123)).toBe('12 points');
  });
  it('formats distortion and plain numbers', () => {
    expect(formatDistortion(0.08444)).toBe('0.084');
    expect(formatNumber(0.9)).toBe('0.9');
    expect(formatNumber(1.256, 2)).toBe('1.26');
  });
});

import { describe, expect, it } from 'vitest';
import { scaleLinear, scaleLog } from '../../src/charts/numericScale';
import {
  countScale,
  linearTicks,
  logTicks,
  nearestIndex,
  plotArea,
  shareDomain,
} from '../../src/charts/scales';

describe('plotArea', () => {
  it('subtracts the margins and never goes negative', () => {
    expect(plotArea(400, 300, { top: 10, right: 20, bottom: 30, left: 40 })).toEqual({
      width: 340,
      height: 260,
    });
    expect(plotArea(10, 10, { top: 10, right: 20, bottom: 30, left: 40 })).toEqual({
      width: 0,
      height: 0,
    });
  });
});

describe('countScale', () => {
  it('log: spans the positive extent and maps it to the range', () => {
    const scale = countScale([0, 10, 100, 1000], 'log', [0, 300]);
    expect(scale.domain()).toEqual([10, 1000]);
    expect(scale(100)).toBeCloseTo(150, 9);
  });
  it('log: widens a single value to a drawable domain', () => {
    const scale = countScale([50], 'log', [0, 100]);
    expect(scale.domain()).toEqual([25, 100]);
  });
  it('linear: starts at zero and is nice', () => {
    const scale = countScale([100, 950], 'linear', [0, 100]);
    expect(scale.domain()).toEqual([0, 1000]);
  });
});

describe('ticks', () => {
  it('log ticks are 1-2-5 over at most three decades', () => {
    const scale = scaleLog().domain([10, 1000]).range([0, 100]);
    const ticks = logTicks(scale, String);
    expect(ticks.map((t) => t.value)).toEqual([10, 20, 50, 100, 200, 500, 1000]);
    expect(ticks[3]?.offset).toBeCloseTo(50, 9);
  });
  it('log ticks keep only powers of ten over more decades', () => {
    const scale = scaleLog().domain([1, 100000]).range([0, 100]);
    expect(logTicks(scale, String).map((t) => t.value)).toEqual([1, 10, 100, 1000, 10000, 100000]);
  });
  it('linear ticks carry offsets and labels', () => {
    const scale = scaleLinear().domain([0, 1]).range([100, 0]);
    const ticks = linearTicks(scale, 5, (v) => `${v * 100}%`);
    expect(ticks.map((t) => t.label)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    expect(ticks[1]?.offset).toBeCloseTo(80, 9);
  });
});

describe('shareDomain', () => {
  it('floors to a tenth at or below the smallest value, capped at 0.5', () => {
    expect(shareDomain([0.93, 0.97])).toEqual([0.5, 1]);
    expect(shareDomain([0.31, 0.97])).toEqual([0.3, 1]);
    expect(shareDomain([0.3, 0.97])).toEqual([0.3, 1]);
    expect(shareDomain([])).toEqual([0.5, 1]);
    expect(shareDomain([0.95], 1)).toEqual([0.9, 1]);
  });
});

describe('nearestIndex', () => {
  it('finds the nearest x in an ascending array', () => {
    expect(nearestIndex([10, 20, 40, 80], 29)).toBe(1);
    expect(nearestIndex([10, 20, 40, 80], 31)).toBe(2);
    expect(nearestIndex([10, 20, 40, 80], 1000)).toBe(3);
    expect(nearestIndex([], 3)).toBe(-1);
  });
});

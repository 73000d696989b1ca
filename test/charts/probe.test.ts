import { describe, expect, it } from 'vitest';
import { nearestAlongX, nearestWithin, stepIndex } from '../../src/charts/probe';

describe('stepIndex', () => {
  it.each([
    ['ArrowRight', 2, 3],
    ['ArrowUp', 2, 3],
    ['ArrowLeft', 2, 1],
    ['ArrowDown', 2, 1],
    ['Home', 2, 0],
    ['End', 2, 4],
  ])('%s from %i among 5 -> %i', (key, here, next) => {
    expect(stepIndex(key, here, 5, 0)).toBe(next);
  });
  it('clamps at the ends', () => {
    expect(stepIndex('ArrowRight', 4, 5, 0)).toBe(4);
    expect(stepIndex('ArrowLeft', 0, 5, 0)).toBe(0);
  });
  it('starts from `start` when nothing is selected', () => {
    expect(stepIndex('ArrowLeft', null, 5, 3)).toBe(2);
  });
  it('ignores other keys and empty lists', () => {
    expect(stepIndex('a', 1, 5, 0)).toBeNull();
    expect(stepIndex('ArrowRight', null, 0, 0)).toBeNull();
  });
});

describe('nearestAlongX', () => {
  it('picks the point whose x is nearest, whatever the height', () => {
    expect(nearestAlongX([0, 100, 200], 149)).toBe(1);
    expect(nearestAlongX([0, 100, 200], 151)).toBe(2);
    expect(nearestAlongX([0, 100, 200], -50)).toBe(0);
  });
  it('is null with no points', () => {
    expect(nearestAlongX([], 10)).toBeNull();
  });
});

describe('nearestWithin', () => {
  const points = [
    { px: 0, py: 0 },
    { px: 30, py: 40 },
    { px: 100, py: 100 },
  ];
  it('picks the nearest point within the radius (distance in px)', () => {
    expect(nearestWithin(points, 20, 30, 40)).toBe(1); // 14.1 px from (30, 40), 36 from (0, 0)
    expect(nearestWithin(points, 3, 4, 40)).toBe(0);
  });
  it('counts a point exactly at the radius, and none beyond it', () => {
    expect(nearestWithin(points, 0, 50, 40)).toBe(1); // (30, 40) is 31.6 px away, (0, 0) 50
    expect(nearestWithin([{ px: 0, py: 0 }], 30, 40, 50)).toBe(0); // 3-4-5: exactly 50 px
    expect(nearestWithin([{ px: 0, py: 0 }], 30, 40, 49.9)).toBeNull();
  });
  it('lets the later of two equally near points win (it is drawn on top)', () => {
    const twins = [
      { px: 10, py: 0 },
      { px: -10, py: 0 },
    ];
    expect(nearestWithin(twins, 0, 0, 40)).toBe(1);
  });
});

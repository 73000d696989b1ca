import { describe, expect, it } from 'vitest';
import { stepIndex } from '../../src/charts/probe';

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

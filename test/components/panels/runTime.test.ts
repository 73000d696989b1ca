import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/components/panels/runTime';

describe('formatDuration', () => {
  it.each([
    [400, 'about 1 s'],
    [3_200, 'about 3 s'],
    [9_600, 'about 10 s'],
    [41_000, 'about 40 s'],
    [88_000, 'about 90 s'],
    [94_000, 'about 2 min'],
    [600_000, 'about 10 min'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

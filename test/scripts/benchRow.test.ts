import { describe, expect, it } from 'vitest';
import { benignNumbers, median } from '../../scripts/bench-row';

describe('benignNumbers', () => {
  it('gives the time added to the rest of the run, and the share of the run in the note', () => {
    // the row that printed "235.0 %" beside "162.3 ms of 231.4 ms": 162.3 / 69.1 added
    const { added, note } = benignNumbers(162.3, 231.4);
    expect(added).toBeCloseTo(162.3 / 69.1, 12);
    expect(note).toBe('162.3 ms of a 231.4 ms run (70 % of it), on top of 69.1 ms without it');
    expect(benignNumbers(10, 50).added).toBe(0.25);
  });
  it('says when the two medians leave nothing for the rest of the run', () => {
    const { added, note } = benignNumbers(60, 55);
    expect(added).toBe(Infinity);
    expect(note).toMatch(/too noisy/);
  });
  it('median of an even and an odd count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

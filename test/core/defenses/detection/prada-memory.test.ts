// PRADA's memory per account: a run may spread its queries over up to 100,000 accounts (issue 15:
// "everything at maximum" took 514 MB in the CLI, 400 MB of it in 40 KB windows of accounts that
// had asked a handful of queries).
import { describe, expect, it } from 'vitest';
import { PradaDetector } from '../../../../src/core/defenses/detection/prada';

/** Bytes held by the heap and by typed arrays' backing stores. */
function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('PradaDetector memory', () => {
  it('keeps a few-query account small: 20,000 accounts of 4 queries stay under 60 MB', () => {
    const accounts = 20_000;
    const detector = new PradaDetector({ delta: 0.9, minQueries: 3, dims: 2 });
    const input = new Float64Array([0, 0, 0.5, 0.1, -0.3, 0.8, 1.2, -0.4]);
    const before = used();
    for (let a = 0; a < accounts; a++) {
      for (let q = 0; q < 4; q++) detector.observe(a, input, 2 * q, q % 2);
    }
    const grown = used() - before;
    // A full 5,000-distance window per account would be 20,000 x 40 KB = 800 MB.
    expect(grown).toBeLessThan(60 * 1024 * 1024);
    expect(detector.queriesSeen(0)).toBe(4);
  });
});

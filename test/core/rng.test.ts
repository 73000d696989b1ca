// The seeded random streams (src/core/rng.ts): the generator against the published LCG and FNV-1a
// values, determinism, forks that neither consume nor depend on earlier draws, and the
// distributions of uniform(), int() and normal().
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, hashString, permutation, shuffleInto, type Rng } from '../../src/core/rng';

const draws = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.next());

/** The LCG of Numerical Recipes (ranqd1, d3-random's randomLcg): s <- 1664525 s + 1013904223 mod 2^32. */
function referenceLcg(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (Math.imul(1664525, s) + 1013904223) | 0;
    return (s >>> 0) / 0x100000000;
  };
}

describe('the base generator', () => {
  it("is Numerical Recipes' LCG: from state 0 it gives the published 3C6EF35F, 47502932, ...", () => {
    // createRng starts the LCG at seed + 1, so the seed 2^32 - 1 starts it at state 0.
    const rng = createRng(0xffffffff);
    const words = draws(rng, 5).map((u) => u * 0x100000000);
    expect(words).toEqual([0x3c6ef35f, 0x47502932, 0xd1ccf6e9, 0xaaf95334, 0x6252e503]);
  });

  it('starts the LCG at seed + 1 for any integer seed (so seed 0 is an integer seed too)', () => {
    for (const seed of [0, 1, 2, 42, 123456789, 2147483647]) {
      const reference = referenceLcg(seed + 1);
      expect(draws(createRng(seed), 20), `seed ${seed}`).toEqual(
        draws({ next: reference } as Rng, 20),
      );
    }
  });

  it('reduces any finite seed to 32 bits: |floor(seed)| mod 2^32', () => {
    expect(createRng(7).seed).toBe(7);
    expect(createRng(-7).seed).toBe(7);
    expect(createRng(7.9).seed).toBe(7);
    expect(createRng(2 ** 32 + 5).seed).toBe(5);
    expect(draws(createRng(2 ** 32 + 5), 5)).toEqual(draws(createRng(5), 5));
  });

  it('the same seed gives the same numbers in every method; another seed other numbers', () => {
    const sample = (rng: Rng) => [
      rng.next(),
      rng.uniform(-3, 5),
      rng.normal(),
      rng.normal(),
      rng.normal(),
      rng.int(1000),
    ];
    expect(sample(createRng(11))).toEqual(sample(createRng(11)));
    const a = sample(createRng(11));
    const b = sample(createRng(12));
    expect(a.every((v, i) => v !== b[i])).toBe(true);
  });
});

describe('hashString (FNV-1a, 32 bit)', () => {
  it('gives the published test vectors', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });
});

describe('fork', () => {
  it('does not consume: the parent draws the same numbers whether or not it forked', () => {
    const plain = createRng(5);
    const forking = createRng(5);
    const expected = draws(plain, 10);
    const got: number[] = [];
    for (let i = 0; i < 10; i++) {
      forking.fork(`child ${i}`).next();
      got.push(forking.next());
    }
    expect(got).toEqual(expected);
  });

  it('is independent of the draws made before it: a fork depends on the seed and label only', () => {
    const fresh = createRng(5).fork('victim');
    const used = createRng(5);
    draws(used, 37);
    used.normal();
    expect(draws(used.fork('victim'), 10)).toEqual(draws(fresh, 10));
    expect(createRng(5).fork('victim').seed).toBe(hashString('5:victim'));
  });

  it('different labels, seeds and paths give different streams', () => {
    const root = createRng(5);
    const first = (rng: Rng) => draws(rng, 3);
    const streams = [
      first(root.fork('data')),
      first(root.fork('victim')),
      first(root.fork('Data')),
      first(createRng(6).fork('data')),
      first(root.fork('a').fork('b')),
      first(root.fork('b').fork('a')),
      first(root.fork('data').fork('data')),
    ];
    const keys = new Set(streams.map((s) => s.join(',')));
    expect(keys.size).toBe(streams.length);
    // and no fork replays its parent
    expect(first(root.fork('x'))).not.toEqual(first(createRng(5)));
  });

  it('forks with many labels do not collide (FNV-1a over 2,000 labels)', () => {
    const root = createRng(1);
    const seeds = new Set(Array.from({ length: 2000 }, (_, i) => root.fork(`pool:${i}`).seed));
    expect(seeds.size).toBe(2000);
  });
});

describe('distributions', () => {
  it('next() is in [0, 1) and uniform(lo, hi) in [lo, hi), filling the interval evenly', () => {
    const rng = createRng(3);
    const n = 20000;
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      bins[Math.floor(u * 10)]!++;
      const v = rng.uniform(-2.5, 4);
      if (!(v >= -2.5 && v < 4)) outside++;
    }
    expect(outside).toBe(0);
    // Each decile holds n/10 = 2000 +- 4 binomial standard deviations (sd = sqrt(n p q) = 42.4).
    for (const count of bins) expect(Math.abs(count - 2000)).toBeLessThan(170);
  });

  it('int(n) stays in [0, n), is an integer, and hits every value about equally', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1e6 }),
        (n, seed) => {
          const rng = createRng(seed);
          for (let i = 0; i < 50; i++) {
            const k = rng.int(n);
            expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
    const rng = createRng(8);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70000; i++) counts[rng.int(7)]!++;
    // 10,000 expected each, sd = sqrt(70000 / 7 * 6 / 7) = 92.6; 5 sd.
    for (const count of counts) expect(Math.abs(count - 10000)).toBeLessThan(465);
    expect(createRng(1).int(1)).toBe(0);
  });

  it('normal() has mean 0, variance 1, and the normal tails (over 200,000 draws)', () => {
    const rng = createRng(2024);
    const n = 200000;
    let sum = 0;
    let sumSq = 0;
    let beyond1 = 0;
    let beyond2 = 0;
    let infinite = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      if (!Number.isFinite(z)) infinite++;
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > 1) beyond1++;
      if (Math.abs(z) > 2) beyond2++;
    }
    expect(infinite).toBe(0);
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // sd of the mean = 1/sqrt(n) = 0.0022; sd of the variance = sqrt(2/n) = 0.0032: 5 sd each.
    expect(Math.abs(mean)).toBeLessThan(0.011);
    expect(Math.abs(variance - 1)).toBeLessThan(0.016);
    // P(|Z| > 1) = 0.3173, P(|Z| > 2) = 0.0455 (standard normal table).
    expect(Math.abs(beyond1 / n - 0.3173)).toBeLessThan(0.006);
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.0025);
  });

  it('normal() uses the polar method: two normals per accepted pair of uniforms', () => {
    // With the pair (x, y) accepted, the first normal is y * scale and the second x * scale,
    // where scale = sqrt(-2 ln s / s): their ratio is y / x.
    const rng = createRng(77);
    const reference = createRng(77);
    let x: number;
    let y: number;
    let s: number;
    do {
      x = reference.next() * 2 - 1;
      y = reference.next() * 2 - 1;
      s = x * x + y * y;
    } while (s === 0 || s >= 1);
    const first = rng.normal();
    const second = rng.normal();
    expect(first / second).toBeCloseTo(y / x, 12);
    expect(first * first + second * second).toBeCloseTo(-2 * Math.log(s), 12);
    // Both normals came from that one pair: the next uniform of both streams agrees.
    expect(rng.next()).toBe(reference.next());
  });
});

describe('permutations', () => {
  it('permutation(rng, n) holds every index once and is seeded', () => {
    const p = permutation(createRng(4), 50);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...permutation(createRng(4), 50)]).toEqual([...p]);
    expect([...permutation(createRng(5), 50)]).not.toEqual([...p]);
  });

  it('shuffleInto makes every order of 3 items about equally likely (Fisher-Yates)', () => {
    const rng = createRng(6);
    const order = new Uint32Array(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      shuffleInto(order, 3, rng);
      const key = order.join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // 1,000 expected each, sd = sqrt(6000 / 6 * 5 / 6) = 28.9; 5 sd.
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(145);
  });
});

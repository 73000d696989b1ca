// Active learning by uncertainty sampling (Pal et al. 2020): a random first batch, then in each
// round the unused pool points with the smallest margin p(1st) - p(2nd) under the current student.
// The student here is a fake whose margins the test sets, and changes after every fit.
import { describe, expect, it } from 'vitest';
import { ACTIVE_POOL_FACTOR, activeAttack, margin } from '../../../src/core/attacks/active';
import { createRng } from '../../../src/core/rng';
import { FakeContext, type FakeStudentSpec } from './fakeContext';

/** Pool point i is (i, m_i) with m_i a seeded margin in [0, 1). */
const poolPoint = (i: number, rng: { next(): number }) => [i, rng.next()];

/** The student's margin at pool point x after `fits` fits: (m + 0.37 fits) mod 1. */
const marginAfter = (x: readonly number[], fits: number) => (x[1]! + 0.37 * fits) % 1;

/** Probabilities with top-2 gap = the margin, the top class rotating with the point's index. */
function probabilitiesWithMargin(m: number, index: number): number[] {
  const p = [(1 + m) / 2, (1 - m) / 2, 0];
  const shift = index % 3;
  return [p[(3 - shift) % 3]!, p[(4 - shift) % 3]!, p[(5 - shift) % 3]!];
}

const student: FakeStudentSpec = {
  probabilities: (x, fits) => probabilitiesWithMargin(marginAfter(x, fits), x[0]!),
};

/** Round sizes: the remaining budget split over the remaining rounds, rounding up. */
function roundSizes(budget: number, rounds: number): number[] {
  const r = Math.max(1, Math.min(rounds, budget));
  const sizes: number[] = [];
  let left = budget;
  for (let k = 0; k < r; k++) {
    const size = Math.ceil(left / (r - k));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

describe('margin', () => {
  it('is p(1st) - p(2nd), wherever the top two sit', () => {
    const probs = Float64Array.from([0.7, 0.2, 0.1, 0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.3, 0.7, 0]);
    expect(margin(probs, 0, 3)).toBeCloseTo(0.5, 15);
    expect(margin(probs, 1, 3)).toBeCloseTo(0.2, 15); // second after first
    expect(margin(probs, 2, 3)).toBe(0); // a tie is the least sure
    expect(margin(Float64Array.from([0.3, 0.7]), 0, 2)).toBeCloseTo(0.4, 15);
  });
});

describe('active attack', () => {
  it('splits the budget over its rounds exactly, fitting after each round', () => {
    for (const [budget, rounds, sizes] of [
      [100, 5, [20, 20, 20, 20, 20]],
      [103, 5, [21, 21, 21, 20, 20]],
      [3, 5, [1, 1, 1]], // fewer queries than rounds: one query per round
      [10, 1, [10]],
    ] as const) {
      const ctx = new FakeContext({ budget, set: { 'attack.rounds': rounds }, student, poolPoint });
      activeAttack(ctx);
      expect(
        ctx.asks.map((a) => a.requested),
        `budget ${budget}, ${rounds} rounds`,
      ).toEqual(sizes);
      expect(roundSizes(budget, rounds)).toEqual(sizes);
      expect(ctx.events).toEqual(['pool', ...sizes.flatMap(() => ['ask', 'fit'])]);
      expect(ctx.pools.map((p) => p.count)).toEqual([budget * ACTIVE_POOL_FACTOR]);
    }
  });

  it('takes the first pool points, then each round the unused ones of smallest margin', () => {
    const budget = 103;
    const rounds = 5;
    const ctx = new FakeContext({ budget, set: { 'attack.rounds': rounds }, student, poolPoint });
    activeAttack(ctx);
    const pool = ctx.pools[0]!.points;
    const sizes = roundSizes(budget, rounds);
    const used = new Set<number>();
    sizes.forEach((size, round) => {
      let expected: number[];
      if (round === 0) expected = Array.from({ length: size }, (_, i) => i);
      else {
        // Round r sees the student after r fits; ties go to the lower index.
        const gap = (i: number) => {
          const p = probabilitiesWithMargin(marginAfter(pool[i]!, round), i).sort((a, b) => b - a);
          return p[0]! - p[1]!;
        };
        expected = pool
          .map((_, i) => i)
          .filter((i) => !used.has(i))
          .sort((a, b) => gap(a) - gap(b) || a - b)
          .slice(0, size);
      }
      expected.forEach((i) => used.add(i));
      expect(
        ctx.asks[round]!.rows.map((x) => x[0]),
        `pool indices asked in round ${round}`,
      ).toEqual(expected);
    });
    // Every point asked once; the student was consulted on the whole pool after each fit.
    expect(new Set(ctx.sentRows.map((x) => x[0])).size).toBe(budget);
    expect(ctx.predictions).toEqual(
      [1, 2, 3, 4].map((fits) => ({ rows: budget * ACTIVE_POOL_FACTOR, fits })),
    );
  });

  it('the chosen points are the least sure ones: their margins are below every unused one', () => {
    const ctx = new FakeContext({ budget: 60, set: { 'attack.rounds': 3 }, student, poolPoint });
    activeAttack(ctx);
    const pool = ctx.pools[0]!.points;
    const asked = new Set<number>(ctx.asks[0]!.rows.map((x) => x[0]!));
    for (const round of [1, 2]) {
      const chosen = ctx.asks[round]!.rows.map((x) => x[0]!);
      const unused = pool.map((_, i) => i).filter((i) => !asked.has(i) && !chosen.includes(i));
      const worstChosen = Math.max(...chosen.map((i) => marginAfter(pool[i]!, round)));
      const bestLeft = Math.min(...unused.map((i) => marginAfter(pool[i]!, round)));
      expect(worstChosen).toBeLessThanOrEqual(bestLeft);
      chosen.forEach((i) => asked.add(i));
    }
  });

  it('with equal margins everywhere, takes the pool in order', () => {
    const flat: FakeStudentSpec = { probabilities: () => [0.5, 0.3, 0.2] };
    const ctx = new FakeContext({
      budget: 12,
      set: { 'attack.rounds': 3 },
      student: flat,
      poolPoint,
    });
    activeAttack(ctx);
    expect(ctx.sentRows.map((x) => x[0])).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('leaves the attacker rng untouched: its randomness is the pool order', () => {
    const ctx = new FakeContext({ budget: 30, seed: 5, student });
    activeAttack(ctx);
    expect(ctx.rng.next()).toBe(createRng(5).next());
  });
});

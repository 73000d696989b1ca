// Jacobian-based augmentation (Papernot et al. 2017): S_{r+1} = S_r U {x + lambda sign(dF_{O(x)}/dx)}.
// The fake student's gradient depends on the class and on how many fits came before, so the test
// also checks that each round steps along the gradient of the student just trained.
import { describe, expect, it } from 'vitest';
import { jacobianAttack } from '../../../src/core/attacks/jacobian';
import { FakeContext, type FakeContextOptions, type FakeStudentSpec } from './fakeContext';

const LAMBDA = 0.25; // exact in binary, so x + lambda * s is compared exactly

/** Gradient: component 0 is +0.3 or -0.7 by (class + fits) parity; component 1 is 0 unless x1 < 0. */
const gradient = (x: readonly number[], classIndex: number, fits: number) => [
  (classIndex + fits) % 2 === 0 ? 0.3 : -0.7,
  x[1]! < 0 ? 2 : 0,
];
const student: FakeStudentSpec = { probabilities: () => [1, 0, 0], gradient };

const sign = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 0);

function run(options: Partial<FakeContextOptions> & { budget: number; seedSize: number }) {
  const ctx = new FakeContext({
    student,
    ...options,
    set: { 'attack.seedSize': options.seedSize, 'attack.lambda': LAMBDA, ...options.set },
  });
  jacobianAttack(ctx);
  return ctx;
}

/**
 * The augmentation by hand: from the answered points so far (with their served labels) and the
 * number of fits, the next round's points, cut to `count`.
 */
function augment(labelled: { x: number[]; label: number }[], fits: number, count: number) {
  return labelled
    .slice(0, count)
    .map(({ x, label }) => x.map((v, d) => v + LAMBDA * sign(gradient(x, label, fits)[d]!)));
}

describe('jacobian attack', () => {
  it('starts from min(seedSize, budget) pool points and draws nothing else from the pool', () => {
    const ctx = run({ budget: 60, seedSize: 4 });
    expect(ctx.pools.map((p) => p.count)).toEqual([4]);
    expect(ctx.asks[0]!.rows).toEqual(ctx.pools[0]!.points);
    expect(run({ budget: 3, seedSize: 16 }).pools.map((p) => p.count)).toEqual([3]);
  });

  it('doubles its set every round, the last round cut to the budget; fits after each round', () => {
    const ctx = run({ budget: 60, seedSize: 4 });
    // Labelled set 4 -> 8 -> 16 -> 32 -> 60: asks of 4, 4, 8, 16 and the 28 left.
    expect(ctx.asks.map((a) => a.requested)).toEqual([4, 4, 8, 16, 28]);
    expect(ctx.fits).toEqual([4, 8, 16, 32, 60]);
    expect(ctx.events).toEqual(['pool', ...[1, 2, 3, 4, 5].flatMap(() => ['ask', 'fit'])]);
  });

  it('steps each labelled point by lambda along the sign of the gradient of its served label', () => {
    const ctx = run({ budget: 60, seedSize: 4 });
    for (let round = 1; round < ctx.asks.length; round++) {
      // Everything answered before this round, in order, and the fits made so far (= round).
      const before = ctx.asks
        .slice(0, round)
        .flatMap((a) => a.rows.map((x, i) => ({ x, label: a.result.servedLabels[i]! })));
      expect(ctx.asks[round]!.rows, `round ${round}`).toEqual(
        augment(before, round, ctx.asks[round]!.requested),
      );
    }
    // A zero gradient component leaves that coordinate where it was (sign 0).
    const seeds = ctx.asks[0]!.rows;
    const next = ctx.asks[1]!.rows;
    seeds.forEach((x, i) => {
      if (x[1]! >= 0) expect(next[i]![1]).toBe(x[1]);
      else expect(next[i]![1]).toBe(x[1]! + LAMBDA);
      expect(Math.abs(next[i]![0]! - x[0]!)).toBe(LAMBDA);
    });
    // The gradient was asked for each point's served label.
    const firstRound = ctx.gradients.slice(0, 4);
    expect(firstRound.map((g) => g.classIndex)).toEqual(
      seeds.map((x) => (x[0]! >= 0 ? 0 : 1)), // the fake API's labels
    );
  });

  it('does not augment points the API refused (no label), and keeps going on the rest', () => {
    const refuse = (index: number) => index % 3 === 1;
    const ctx = run({ budget: 40, seedSize: 6, refuse });
    let answered: { x: number[]; label: number }[] = [];
    for (let round = 0; round < ctx.asks.length; round++) {
      if (round > 0) {
        expect(ctx.asks[round]!.requested, `round ${round}`).toBe(
          Math.min(answered.length, ctx.asks[round]!.remainingBefore),
        );
        expect(ctx.asks[round]!.rows, `round ${round}`).toEqual(
          augment(answered, round, ctx.asks[round]!.requested),
        );
      }
      const a = ctx.asks[round]!;
      answered = [
        ...answered,
        ...a.rows.flatMap((x, i) =>
          a.result.answered[i] ? [{ x, label: a.result.servedLabels[i]! }] : [],
        ),
      ];
    }
    expect(ctx.sent).toBe(40);
  });

  it('stops, short of its budget, when every query is refused', () => {
    const ctx = run({ budget: 100, seedSize: 8, refuse: () => true });
    expect(ctx.sent).toBe(8);
    expect(ctx.events).toEqual(['pool', 'ask', 'fit']);
  });
});

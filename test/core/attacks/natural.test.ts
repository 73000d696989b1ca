// Natural queries (Knockoff Nets, Orekondy et al. 2019): the attacker's own pool, labelled through
// the API.
import { describe, expect, it } from 'vitest';
import { naturalAttack } from '../../../src/core/attacks/natural';
import { createRng } from '../../../src/core/rng';
import { FakeContext } from './fakeContext';

describe('natural attack', () => {
  it('draws its whole budget from pool() and asks exactly those points, in order, then fits', () => {
    const ctx = new FakeContext({ budget: 77, poolPoint: (i) => [i, -i / 2] });
    naturalAttack(ctx);
    expect(ctx.events).toEqual(['pool', 'ask', 'fit']);
    expect(ctx.pools.map((p) => p.count)).toEqual([77]);
    expect(ctx.sentRows).toEqual(ctx.pools[0]!.points);
    expect(ctx.sentRows[76]).toEqual([76, -38]);
  });

  it("leaves the attacker's rng untouched (its randomness is the pool's)", () => {
    const ctx = new FakeContext({ budget: 40, seed: 9 });
    naturalAttack(ctx);
    expect(ctx.rng.next()).toBe(createRng(9).next());
  });

  it('still spends the budget when the API refuses some queries (no retry)', () => {
    const ctx = new FakeContext({ budget: 30, refuse: (i) => i % 2 === 0 });
    naturalAttack(ctx);
    expect(ctx.asks).toHaveLength(1);
    expect(ctx.sent).toBe(30);
    expect(ctx.answeredRows).toHaveLength(15);
  });
});

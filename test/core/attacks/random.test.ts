// Random queries (Tramer et al. 2016): uniform points over the input box, from the attacker's rng.
import { describe, expect, it } from 'vitest';
import { randomAttack } from '../../../src/core/attacks/random';
import { createRng } from '../../../src/core/rng';
import { FakeContext } from './fakeContext';

describe('random attack', () => {
  it('asks its whole budget once, then fits; it never uses the pool', () => {
    const ctx = new FakeContext({ budget: 123 });
    randomAttack(ctx);
    expect(ctx.events).toEqual(['ask', 'fit']);
    expect(ctx.asks[0]!.requested).toBe(123);
    expect(ctx.pools).toEqual([]);
  });

  it('stays inside an off-centre box, in every dimension', () => {
    const box = { min: [-3, 10, 0], max: [-1, 10.5, 1e-3] };
    const ctx = new FakeContext({ budget: 500, dims: 3, box });
    randomAttack(ctx);
    expect(ctx.sentRows).toHaveLength(500);
    for (const x of ctx.sentRows) {
      x.forEach((v, d) => {
        expect(v).toBeGreaterThanOrEqual(box.min[d]!);
        expect(v).toBeLessThan(box.max[d]!);
      });
    }
  });

  it('covers the box evenly: each quarter of a 2-D box holds about a quarter of the points', () => {
    const box = { min: [0, -4], max: [2, 4] };
    const ctx = new FakeContext({ budget: 2000, box });
    randomAttack(ctx);
    const quarters = [0, 0, 0, 0];
    for (const [x, y] of ctx.sentRows) quarters[(x! < 1 ? 0 : 1) + (y! < 0 ? 0 : 2)]!++;
    // 500 expected each, sd = sqrt(2000 * 1/4 * 3/4) = 19.4; 5 sd.
    for (const q of quarters) expect(Math.abs(q - 500)).toBeLessThan(97);
  });

  it("draws from the attacker's rng: x_d = min_d + (max_d - min_d) u, in order", () => {
    const box = { min: [-1.2, -1.2], max: [1.2, 1.2] };
    const ctx = new FakeContext({ budget: 10, seed: 42, box });
    randomAttack(ctx);
    const u = createRng(42);
    const expected = Array.from({ length: 10 }, () => [u.uniform(-1.2, 1.2), u.uniform(-1.2, 1.2)]);
    expect(ctx.sentRows).toEqual(expected);
  });
});

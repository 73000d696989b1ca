import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import { createVictimCache, simulate } from '../../src/core/simulate';
import { sweep } from '../../src/core/sweep';
import { createSweepBatch } from '../../src/core/sweepBatch';
import { batchOrder } from '../../src/core/sweepPlan';

/** A small planar config: 150 queries, so each run takes a few ms. */
const small = setPath(defaultConfig(), 'attack.queries', 150);

describe('batchOrder', () => {
  it('puts the even levels and the strongest first, then the rest, then the other seeds', () => {
    const order = batchOrder(
      new Map([
        ['a', 4],
        ['b', 3],
      ]),
      2,
    );
    const key = (t: { knob: string; levelIndex: number; seedIndex: number }) =>
      `${t.knob}${t.levelIndex}s${t.seedIndex}`;
    expect(order.map((t) => t.pass)).toEqual([0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    expect(order.map(key)).toEqual([
      'a0s0',
      'a2s0',
      'a3s0',
      'b0s0',
      'b2s0', // coarse
      'a1s0',
      'b1s0', // the rest at the first seed
      'a0s1',
      'a1s1',
      'a2s1',
      'a3s1',
      'b0s1',
      'b1s1',
      'b2s1', // second seed
    ]);
  });
  it('covers every (level, seed) exactly once', () => {
    const order = batchOrder(new Map([['k', 8]]), 3);
    expect(new Set(order.map((t) => `${t.levelIndex}:${t.seedIndex}`)).size).toBe(24);
    expect(order).toHaveLength(24);
  });
});

describe('createSweepBatch', () => {
  const knobs = ['defense.rateLimit.perDay', 'defense.output.sigma'];
  const seeds = [small.seed, small.seed + 1];

  it('ends with exactly the results of sweep() for each knob', () => {
    const cache = createVictimCache();
    const batch = createSweepBatch(small, knobs, { seeds, victimCache: cache });
    let steps = 0;
    while (batch.step()) steps++;
    expect(batch.done).toBe(batch.total);
    expect(steps).toBeLessThanOrEqual(batch.total);
    const expected = knobs.map((k) => sweep(small, k, undefined, seeds, { victimCache: cache }));
    expect(batch.results()).toEqual(expected);
  });

  it('simulates a shared config once: both knobs are "off" at their first level', () => {
    const batch = createSweepBatch(small, knobs, { seeds });
    // 8 + 8 levels at 2 seeds, the two "off" levels equal (the undefended config) at each seed
    expect(batch.total).toBe(2 * (8 + 8 - 1));
    // coarse: levels 0, 2, 4, 6, 7 of each, "off" shared = 9; then 3 + 3 more; then the second seed
    expect(batch.passEnds).toEqual([9, 15, 30]);
  });

  it('gives every knob a coarse series after the first pass, and progress only grows', () => {
    const batch = createSweepBatch(small, knobs, { seeds: [small.seed] });
    const dones: number[] = [];
    // coarse pass: levels 0,2,4,6,7 of each knob, with the shared "off" once = 9 runs
    for (let i = 0; i < 9; i++) {
      batch.step();
      dones.push(batch.done);
    }
    expect(dones).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const result of batch.results()) {
      expect(result.levels.map((l) => l.label)).toHaveLength(5);
    }
  });

  it('throws on an unknown knob', () => {
    expect(() => createSweepBatch(small, ['defense.nothing'])).toThrow(/unknown sweep knob/);
  });

  it('lean runs give the same numbers as full runs (no maps, only the last curve point measured)', () => {
    const config = setPath(small, 'defense.output.mode', 'noise');
    const full = simulate(config);
    const lean = simulate(config, { lean: true });
    expect(lean.maps).toBeUndefined();
    expect(full.maps).toBeDefined();
    expect(lean.student).toEqual(full.student);
    expect(lean.defenseCost).toEqual(full.defenseCost);
    expect(lean.curve.at(-1)).toEqual(full.curve.at(-1));
    expect(lean.curve.map((p) => p.queries)).toEqual(full.curve.map((p) => p.queries));
  });
});

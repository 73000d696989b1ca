import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import { createVictimCache, simulate } from '../../src/core/simulate';
import { sweep } from '../../src/core/sweep';
import { createSweepBatch } from '../../src/core/sweepBatch';
import { assembleSweeps, levelOrder, planSweeps } from '../../src/core/sweepPlan';
import { levelRun, type LevelRun } from '../../src/core/sweepSummary';

const small = setPath(defaultConfig(), 'attack.queries', 150);

/** A made-up run whose every number is `x` (enough for summarizeLevel). */
function fakeRun(x: number): LevelRun {
  return {
    student: { accuracy: x, fidelity: x, fidelityUniform: x / 2 },
    defenseCost: { benignAccuracyDrop: x, distortion: x, benignBlocked: x, falsePositives: x },
    attacker: { costUSD: x, queriesAnswered: x },
    watermark: null,
  } as unknown as LevelRun;
}

describe('planSweeps', () => {
  it('orders one knob level by level and shares equal configs', () => {
    expect(levelOrder('k', 2, 2).map((t) => `${t.levelIndex}${t.seedIndex}`)).toEqual([
      '00',
      '01',
      '10',
      '11',
    ]);
    const plan = planSweeps(small, ['defense.output.sigma'], {
      order: 'levels',
      seeds: [1, 2],
      levels: new Map([['defense.output.sigma', ['off', 0.5, 0.5]]]),
    });
    // the repeated level 0.5 shares its two runs
    expect(plan.tasks).toHaveLength(6);
    expect(plan.runs).toHaveLength(4);
    expect(plan.runOf).toEqual([0, 1, 2, 3, 2, 3]);
    expect(plan.runs.map((r) => r.config.seed)).toEqual([1, 2, 1, 2]);
    expect(plan.runs[2]!.config.defense.output.sigma).toBe(0.5);
    expect(plan.runs[2]!.phase).toMatch(/0\.5/);
  });

  it('has the batch counts of createSweepBatch (the "off" of two knobs shared)', () => {
    const knobs = ['defense.rateLimit.perDay', 'defense.output.sigma'];
    const plan = planSweeps(small, knobs, { seeds: [1, 2] });
    const batch = createSweepBatch(small, knobs, { seeds: [1, 2] });
    expect(plan.runs).toHaveLength(batch.total);
    expect(plan.passEnds).toEqual([9, 15, 30]);
  });

  it('throws on an unknown knob', () => {
    expect(() => planSweeps(small, ['defense.nothing'])).toThrow(/unknown sweep knob/);
  });
});

describe('assembleSweeps', () => {
  const knobs = ['defense.rateLimit.perDay', 'defense.output.sigma'];
  const plan = planSweeps(small, knobs, { seeds: [1, 2, 3] });
  // values that make the order of summation show in the last bits
  const runs = plan.runs.map((_, i) => fakeRun(0.1 + i / 7 + 1e-9 * i * i));

  it('gives the same results to the bit whatever order the runs arrive in', () => {
    const inOrder = assembleSweeps(plan);
    runs.forEach((run, i) => inOrder.add(i, run));
    const expected = inOrder.results();
    fc.assert(
      fc.property(fc.shuffledSubarray([...runs.keys()], { minLength: runs.length }), (order) => {
        const assembly = assembleSweeps(plan);
        for (const i of order) assembly.add(i, runs[i]!);
        expect(assembly.done).toBe(runs.length);
        expect(assembly.results()).toStrictEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('lists a level with only the seeds in before the first missing one', () => {
    const assembly = assembleSweeps(
      planSweeps(small, ['defense.output.sigma'], {
        order: 'levels',
        seeds: [1, 2],
        levels: new Map([['defense.output.sigma', [0.1, 0.2]]]),
      }),
    );
    assembly.add(1, fakeRun(2)); // level 0.1, second seed: not listed without the first
    expect(assembly.results()[0]!.levels).toEqual([]);
    assembly.add(2, fakeRun(4)); // level 0.2, first seed
    expect(assembly.results()[0]!.levels.map((l) => l.fidelity.mean)).toEqual([4]);
    expect(assembly.finishedLevels(0).levels).toEqual([]);
    assembly.add(0, fakeRun(1));
    const result = assembly.results()[0]!;
    expect(result.levels.map((l) => l.fidelity.mean)).toEqual([1.5, 4]);
    expect(result.seeds).toEqual([1]); // level 0.2 has one seed so far
    expect(assembly.finishedLevels(0).levels.map((l) => l.fidelity.mean)).toEqual([1.5]);
    expect(assembly.finishedLevels(0).seeds).toEqual([1, 2]);
    expect(() => assembly.add(9, fakeRun(0))).toThrow(RangeError);
  });

  it('with every run in, one knob level by level is sweep() to the bit', () => {
    const levels = ['off', 0.3, 1] as const;
    const seeds = [4, 5];
    const single = planSweeps(small, ['defense.output.sigma'], {
      order: 'levels',
      seeds,
      levels: new Map([['defense.output.sigma', levels]]),
    });
    const cache = createVictimCache();
    const assembly = assembleSweeps(single);
    // backwards, as a slow first worker would deliver them
    for (let i = single.runs.length - 1; i >= 0; i--)
      assembly.add(
        i,
        levelRun(simulate(single.runs[i]!.config, { victimCache: cache, lean: true })),
      );
    expect(assembly.finishedLevels(0)).toStrictEqual(
      sweep(small, 'defense.output.sigma', levels, seeds, { victimCache: cache }),
    );
  });
});

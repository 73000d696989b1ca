// The Node sweep pool: worker threads give the one-thread batch's results to the bit.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import { createSweepBatch } from '../../src/core/sweepBatch';
import { planSweeps } from '../../src/core/sweepPlan';
import { runPlanInThreads, threadCount } from '../../src/cli/threadPool';

const small = setPath(defaultConfig(), 'attack.queries', 150);

describe('runPlanInThreads', () => {
  it('threadCount: every core, at least one', () => {
    expect([0, 1, 2, 8].map(threadCount)).toEqual([1, 1, 2, 8]);
  });

  it('two threads give the batch of one thread, to the bit', async () => {
    const knobs = ['defense.rateLimit.perDay', 'defense.output.sigma'];
    const seeds = [small.seed, small.seed + 1];
    const batch = createSweepBatch(small, knobs, { seeds });
    while (batch.step());
    const done: number[] = [];
    const threaded = await runPlanInThreads(planSweeps(small, knobs, { seeds }), {
      threads: 2,
      onRun: (n) => done.push(n),
    });
    expect(threaded).toStrictEqual(batch.results());
    expect(done).toEqual(done.map((_, i) => i + 1));
    expect(done.at(-1)).toBe(batch.total);
  }, 120_000);
});

// The sweep pool over in-process workers running the real core: replies come back in a shuffled
// interleaving across workers (each worker's own messages in order, as postMessage keeps them),
// and the frontier is the same to the bit as one thread's sweep() or batch.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { defaultConfig, setPath, type Config } from '../../src/core/config';
import { createVictimCache, simulate } from '../../src/core/simulate';
import { sweep } from '../../src/core/sweep';
import { createSweepBatch } from '../../src/core/sweepBatch';
import { levelRun, type LevelRun } from '../../src/core/sweepSummary';
import * as planner from '../../src/core/sweepPlan';
import type { SweepResult } from '../../src/core/types';
import { createSimClient, type WorkerLike } from '../../src/worker/client';
import { createSweepPool, sweepWorkerCount } from '../../src/worker/pool';
import type { WorkerReply, WorkerRequest } from '../../src/worker/protocol';
import { createRequestLoop } from '../../src/worker/serve';

const small = setPath(defaultConfig(), 'attack.queries', 150);

/**
 * `count` workers in this thread. Each has a queue of what it is to do next (requests, its loop's
 * scheduled jobs) and a queue of replies on their way to the page; `pump` advances one queue at a
 * time, chosen by `pick`. `runLean` is shared so repeated sweeps cost no new simulations.
 */
function inProcessWorkers(count: number, runLean: (config: Config) => LevelRun) {
  const queues: (() => void)[][] = [];
  const sent: WorkerRequest[][] = [];
  const workers = Array.from({ length: count }, (_, k) => {
    const inbox: (() => void)[] = [];
    const outbox: (() => void)[] = [];
    queues.push(inbox, outbox);
    sent.push([]);
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage(request) {
        sent[k]!.push(request);
        inbox.push(() => handle(structuredClone(request)));
      },
      terminate() {},
    };
    const handle = createRequestLoop({
      post: (reply: WorkerReply) =>
        outbox.push(() =>
          worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent<WorkerReply>),
        ),
      runSimulation: () => {
        throw new Error('no runs in this test');
      },
      runLean,
      transferablesOf: () => [],
      schedule: (task) => inbox.push(task),
      now: () => 0,
    });
    return worker;
  });
  return {
    workers,
    sent,
    pump(pick: (size: number) => number) {
      for (;;) {
        const busy = queues.filter((q) => q.length > 0);
        if (busy.length === 0) return;
        busy[pick(busy.length) % busy.length]!.shift()!();
      }
    },
  };
}

/** Lean runs memoised by config (each worker's victims are its own the first time). */
function memoLean() {
  const memo = new Map<string, LevelRun>();
  const cache = createVictimCache();
  return (config: Config): LevelRun => {
    const key = JSON.stringify(config);
    let run = memo.get(key);
    if (!run) {
      run = levelRun(simulate(config, { victimCache: cache, lean: true }));
      memo.set(key, run);
    }
    return structuredClone(run);
  };
}

describe('sweepWorkerCount', () => {
  it('leaves one core to the page, at least one worker', () => {
    expect([undefined, 0, 1, 2, 3, 4, 8, 16].map(sweepWorkerCount)).toEqual([
      1, 1, 1, 1, 2, 3, 7, 15,
    ]);
  });
});

describe('createSweepPool', () => {
  it('loads the planner with the first sweep when not given it; a superseded one never starts', async () => {
    const { workers, sent, pump } = inProcessWorkers(1, memoLean());
    const pool = createSweepPool({
      clients: workers.map((w) => createSimClient({ createWorker: () => w })),
    });
    const older = vi.fn();
    pool.sweep(small, 'defense.output.sigma', { levels: [0.3], seeds: [1] }, { onResult: older });
    let newer: SweepResult | null = null;
    pool.sweep(
      small,
      'defense.output.sigma',
      { levels: [0.9], seeds: [1] },
      {
        onResult: (r) => (newer = r),
      },
    );
    expect(sent[0]).toEqual([]); // nothing sent before the planner is in
    for (let i = 0; i < 200 && sent[0]!.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    pump(() => 0);
    expect(older).not.toHaveBeenCalled();
    expect(sent[0]!.map((r) => r.type)).toEqual(['leanRun']);
    expect(newer!.levels.map((l) => l.level)).toEqual([0.9]);
  });

  const lean = memoLean();
  const knobs = ['defense.rateLimit.perDay', 'defense.output.sigma'];
  const seeds = [small.seed, small.seed + 1];
  const cache = createVictimCache();
  const expectedBatch = (() => {
    const batch = createSweepBatch(small, knobs, { seeds, victimCache: cache });
    while (batch.step());
    return batch.results();
  })();

  it('gives a batch over 1, 2 or 3 workers the one-thread results to the bit, in any interleaving', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer(), (count, seed) => {
        const { workers, sent, pump } = inProcessWorkers(count, lean);
        const pool = createSweepPool({
          clients: workers.map((w) => createSimClient({ createWorker: () => w })),
          reportEveryMs: 0,
          planner,
        });
        let final: SweepResult[] | null = null;
        const dones: number[] = [];
        pool.sweepBatch(
          small,
          knobs,
          { seeds },
          {
            onPartial: (_results, progress) => dones.push(progress.done),
            onResult: (results, progress) => {
              dones.push(progress.done);
              final = results;
            },
            onError: (message) => {
              throw new Error(message);
            },
          },
        );
        let state = seed;
        pump((size) => {
          state = (state * 1103515245 + 12345) & 0x7fffffff;
          return state % size;
        });
        expect(final).toStrictEqual(expectedBatch);
        // progress only grows, one report per run, and every worker took part
        expect(dones).toEqual(dones.map((_, i) => i + 1));
        for (const s of sent) expect(s.some((r) => r.type === 'leanRun')).toBe(true);
      }),
      { numRuns: 12 },
    );
  });

  it("gives a single sweep sweep()'s result, partials level by level", () => {
    const { workers, pump } = inProcessWorkers(3, lean);
    const pool = createSweepPool({
      clients: workers.map((w) => createSimClient({ createWorker: () => w })),
      reportEveryMs: 0,
      planner,
    });
    const levels = ['off', 0.2, 0.8];
    const partials: number[] = [];
    let final: SweepResult | null = null;
    pool.sweep(
      small,
      'defense.output.sigma',
      { levels, seeds },
      {
        onPartial: (result) => partials.push(result.levels.length),
        onResult: (result) => (final = result),
      },
    );
    pump((size) => size - 1); // always the last worker first: replies out of plan order
    expect(final).toStrictEqual(
      sweep(small, 'defense.output.sigma', levels, seeds, { victimCache: cache }),
    );
    expect(partials).toEqual([...partials].sort((a, b) => a - b));
    expect(partials.every((n) => n < levels.length)).toBe(true);
  });

  it("drops the older sweep's replies when a newer one starts, and names an unknown knob", () => {
    const { workers, sent, pump } = inProcessWorkers(2, lean);
    const pool = createSweepPool({
      clients: workers.map((w) => createSimClient({ createWorker: () => w })),
      reportEveryMs: 0,
      planner,
    });
    const older: unknown[] = [];
    pool.sweep(
      small,
      'defense.output.sigma',
      { levels: [0.1, 0.2], seeds },
      {
        onPartial: (r) => older.push(r),
        onResult: (r) => older.push(r),
      },
    );
    let newer: SweepResult | null = null;
    pool.sweep(
      small,
      'defense.output.sigma',
      { levels: [0.4], seeds },
      {
        onResult: (r) => (newer = r),
      },
    );
    // the older sweep's runs were cancelled before any ran
    expect(sent.flat().filter((r) => r.type === 'cancel')).toHaveLength(4);
    pump(() => 0);
    expect(older).toEqual([]);
    expect(newer!.levels.map((l) => l.level)).toEqual([0.4]);
    const errors: string[] = [];
    pool.sweepBatch(
      small,
      ['defense.nothing'],
      {},
      {
        onResult: () => {},
        onError: (message) => errors.push(message),
      },
    );
    expect(errors[0]).toMatch(/unknown sweep knob/);
  });

  it("holds every worker but the run's while a run is pending, and feeds them when it settles", () => {
    const { workers, sent, pump } = inProcessWorkers(3, lean);
    const listeners: (() => void)[] = [];
    let pending = true;
    const gate = {
      runPending: () => pending,
      onRunSettled: (listener: () => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    };
    const pool = createSweepPool({
      clients: workers.map((w) => createSimClient({ createWorker: () => w })),
      runGate: gate,
      reportEveryMs: 0,
      planner,
    });
    const levels = ['off', 0.2, 0.8];
    let final: SweepResult | null = null;
    pool.sweep(small, 'defense.output.sigma', { levels, seeds }, { onResult: (r) => (final = r) });
    const leanRuns = (k: number) => sent[k]!.filter((r) => r.type === 'leanRun').length;
    // only the run's own worker (the first) was given lean runs, `depth` of them
    expect([0, 1, 2].map(leanRuns)).toEqual([2, 0, 0]);
    // the first worker works through the whole sweep alone while the run is pending
    pump(() => 0);
    expect([1, 2].map(leanRuns)).toEqual([0, 0]);
    expect(final).toStrictEqual(
      sweep(small, 'defense.output.sigma', levels, seeds, { victimCache: cache }),
    );

    // a second sweep: the run settles part-way and the others join in
    let second: SweepResult | null = null;
    pool.sweep(small, 'defense.output.sigma', { levels, seeds }, { onResult: (r) => (second = r) });
    const before = sent.map((s) => s.length);
    pending = false;
    for (const listener of [...listeners]) listener();
    expect([1, 2].map((k) => sent[k]!.length - before[k]!)).toEqual([2, 2]);
    pump((size) => size - 1);
    expect(second).toStrictEqual(final);
    pool.dispose();
    expect(listeners).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/core/config';
import { createLabStore, withoutDefenses } from '../../src/state/store';
import { connectRunner, type RunnerOptions } from '../../src/state/runner';
import type { LimitsHandlers, RunHandlers, SimClient } from '../../src/worker/client';
import type { BatchHandlers, SweepClient, SweepHandlers } from '../../src/worker/pool';
import { fakeResult, fakeSweep } from './fixtures';

/** A run and sweep client stand-in that records calls; the test answers through the kept handlers. */
function fakeClient() {
  const runs: { config: Config; baseline: Config | null; handlers: RunHandlers }[] = [];
  const stopped: number[] = [];
  const sweeps: { config: Config; knob: string; handlers: SweepHandlers }[] = [];
  const batches: { config: Config; knobs: readonly string[]; handlers: BatchHandlers }[] = [];
  const grids: { config: Config; handlers: LimitsHandlers }[] = [];
  const client: SimClient & SweepClient = {
    run(config, baseline, handlers) {
      runs.push({ config, baseline, handlers });
      return runs.length;
    },
    sweep(config, knob, _options, handlers) {
      sweeps.push({ config, knob, handlers });
      return sweeps.length;
    },
    sweepBatch(config, knobs, _options, handlers) {
      batches.push({ config, knobs, handlers });
      return 100 + batches.length;
    },
    limits(config, handlers) {
      grids.push({ config, handlers });
      return 200 + grids.length;
    },
    leanRun() {
      throw new Error('the runner sends no lean runs (the sweep pool does)');
    },
    cancel() {},
    stop(id) {
      stopped.push(id);
      return true;
    },
    dispose() {},
  };
  return { client, runs, sweeps, batches, grids, stopped };
}

/** Manual timers and clock. */
function fakeTime() {
  let clock = 1000;
  const timers = new Map<number, { at: number; cb: () => void }>();
  let nextHandle = 1;
  return {
    now: () => clock,
    setTimer: (cb: () => void, ms: number) => {
      const handle = nextHandle++;
      timers.set(handle, { at: clock + ms, cb });
      return handle;
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    advance(ms: number) {
      clock += ms;
      for (const [h, t] of [...timers]) {
        if (t.at <= clock) {
          timers.delete(h);
          t.cb();
        }
      }
    },
    pending: () => timers.size,
  };
}

function setup(extra: Partial<RunnerOptions> = {}) {
  const store = createLabStore();
  const runs = fakeClient();
  const sweeps = fakeClient();
  const time = fakeTime();
  const runner = connectRunner(store, {
    runs: runs.client,
    sweeps: sweeps.client,
    intervalMs: 50,
    ...time,
    ...extra,
  });
  return { store, runs, sweeps, time, runner };
}

describe('connectRunner', () => {
  it('runs at once on the first change and coalesces a burst into one trailing run', () => {
    const { store, runs, time } = setup();
    store.getState().setField('attack.queries', 100);
    expect(runs.runs.map((r) => r.config.attack.queries)).toEqual([100]);
    expect(store.getState().status).toBe('running');
    time.advance(10);
    store.getState().setField('attack.queries', 200);
    store.getState().setField('attack.queries', 300);
    expect(runs.runs).toHaveLength(1);
    time.advance(40);
    expect(runs.runs.map((r) => r.config.attack.queries)).toEqual([100, 300]);
    expect(time.pending()).toBe(0);
  });

  it('puts progress, the result and the baseline into the store', () => {
    const { store, runs, runner } = setup();
    store.getState().setField('defense.output.mode', 'label');
    const call = runs.runs[0]!;
    expect(call.baseline).toEqual(withoutDefenses(store.getState().config));
    call.handlers.onProgress?.(0.4, 'attack');
    expect(store.getState().progress).toEqual({ fraction: 0.4, phase: 'attack' });
    const result = fakeResult(call.config);
    call.handlers.onResult(result, 12);
    const baseline = fakeResult(call.baseline!);
    call.handlers.onBaseline?.(baseline);
    expect(store.getState()).toMatchObject({ status: 'done', result, baseline });
    // Same attack, another defense: the comparison run we hold is still right, none is requested.
    store.getState().setField('defense.output.mode', 'topk');
    runner.runNow();
    expect(runs.runs.at(-1)?.baseline).toBeNull();
  });

  it('asks for no baseline when no defense is on', () => {
    const { runs, runner } = setup();
    runner.runNow();
    expect(runs.runs[0]?.baseline).toBeNull();
  });

  it('turns a failure into an error state and a worker notice', () => {
    const { store, runs, runner } = setup();
    runner.runNow();
    runs.runs[0]!.handlers.onError?.('The simulation failed: boom');
    expect(store.getState().status).toBe('error');
    expect(store.getState().notices).toMatchObject([
      { kind: 'worker', level: 'error', message: 'The simulation failed: boom' },
    ]);
  });

  it('sweeps on the sweep client and records the result by knob', () => {
    const { store, runs, sweeps, runner } = setup();
    runner.sweep('defense.output.sigma');
    expect(runs.runs).toHaveLength(0);
    const call = sweeps.sweeps[0]!;
    expect(call.knob).toBe('defense.output.sigma');
    expect(store.getState().sweeps['defense.output.sigma']?.status).toBe('running');
    call.handlers.onResult(fakeSweep(defaultConfig(), 'defense.output.sigma'), 1);
    expect(store.getState().sweeps['defense.output.sigma']?.status).toBe('done');
  });

  it('sweeps a list of knobs as one batch with one progress over all of them', () => {
    const { store, sweeps, runner } = setup();
    runner.sweepAll(['a', 'b']);
    expect(sweeps.sweeps).toHaveLength(0);
    const batch = sweeps.batches[0]!;
    expect(batch.knobs).toEqual(['a', 'b']);
    expect(store.getState().batch).toMatchObject({ status: 'running', done: 0 });
    expect(store.getState().sweeps.a?.status).toBe('running');
    const partial = [fakeSweep(defaultConfig(), 'a'), fakeSweep(defaultConfig(), 'b')];
    batch.handlers.onPartial?.(partial, { done: 3, total: 10, elapsedMs: 300 }, 'a 1');
    expect(store.getState().batch).toMatchObject({ done: 3, total: 10, elapsedMs: 300 });
    expect(store.getState().sweeps.b?.result).toBe(partial[1]);
    batch.handlers.onResult(partial, { done: 10, total: 10, elapsedMs: 900 });
    expect(store.getState().batch?.status).toBe('done');
    expect(store.getState().sweeps.a?.status).toBe('done');
    expect(store.getState().sweeps.b?.status).toBe('done');
  });

  it('a new sweep supersedes a batch: its knobs stop showing as running', () => {
    const { store, sweeps, runner } = setup();
    runner.sweepAll(['a', 'b', 'c']);
    runner.sweep('x');
    expect(store.getState().sweeps.a?.status).toBe('idle');
    expect(store.getState().batch?.status).toBe('idle');
    sweeps.sweeps[0]!.handlers.onResult(fakeSweep(defaultConfig(), 'x'), 1);
    expect(store.getState().sweeps.x?.status).toBe('done');
  });

  it('computes the limits grid on the sweep client', () => {
    const { store, sweeps, runner } = setup();
    runner.limits();
    expect(store.getState().limits?.status).toBe('running');
    const grid = sweeps.grids[0]!;
    const result = {
      config: grid.config,
      limits: [10],
      accounts: [1],
      cells: [null],
      honestLimited: [null],
      noLimit: null,
    };
    grid.handlers.onPartial?.(result, { done: 1, total: 2, elapsedMs: 5 });
    expect(store.getState().limits).toMatchObject({ status: 'running', done: 1, total: 2 });
    grid.handlers.onResult(result, { done: 2, total: 2, elapsedMs: 9 });
    expect(store.getState().limits).toMatchObject({ status: 'done', result });
  });

  it('stops following the store after dispose', () => {
    const { store, runs, runner, time } = setup();
    store.getState().setField('attack.queries', 100);
    store.getState().setField('attack.queries', 200);
    runner.dispose();
    time.advance(100);
    store.getState().setField('attack.queries', 300);
    expect(runs.runs).toHaveLength(1);
  });
});

describe('connectRunner after a crash, a restart or a cancel', () => {
  it('marks the run as interrupted on a restart, tells the person, and clears it all on recovery', () => {
    const { store, runs, runner, time } = setup();
    runner.runNow();
    const first = fakeResult(runs.runs[0]!.config);
    runs.runs[0]!.handlers.onResult(first, 5);
    time.advance(100);
    store.getState().setField('attack.queries', 300);
    const call = runs.runs[1]!;
    call.handlers.onRestart?.('The simulation engine stopped responding (nothing for 5 s), ...');
    expect(store.getState()).toMatchObject({ status: 'running', interrupted: true, result: first });
    expect(store.getState().notices).toMatchObject([{ kind: 'worker', level: 'info' }]);
    call.handlers.onResult(fakeResult(call.config), 5);
    expect(store.getState()).toMatchObject({ status: 'done', interrupted: false });
    expect(store.getState().notices).toEqual([]);
  });

  it('clears the error notice once a later run succeeds, and keeps notices of other kinds', () => {
    const { store, runs, runner } = setup();
    store.getState().addNotice({ kind: 'link', level: 'error', message: 'bad link', details: [] });
    runner.runNow();
    runs.runs[0]!.handlers.onError?.('out of memory. The lab restarted its simulation engine...');
    expect(store.getState().interrupted).toBe(true);
    expect(store.getState().notices.map((n) => n.kind)).toEqual(['link', 'worker']);
    runner.runNow();
    runs.runs[1]!.handlers.onResult(fakeResult(runs.runs[1]!.config), 5);
    expect(store.getState().notices.map((n) => n.kind)).toEqual(['link']);
    expect(store.getState().interrupted).toBe(false);
  });

  it('cancels the running run: stops its request, keeps the previous result, marks it interrupted', () => {
    const { store, runs, runner, time } = setup();
    runner.runNow();
    const first = fakeResult(runs.runs[0]!.config);
    runs.runs[0]!.handlers.onResult(first, 5);
    expect(runner.cancelRun()).toBe(false);
    time.advance(100);
    store.getState().setField('attack.queries', 9000);
    expect(runner.cancelRun()).toBe(true);
    expect(runs.stopped).toEqual([2]);
    expect(store.getState()).toMatchObject({
      status: 'cancelled',
      interrupted: true,
      result: first,
    });
    expect(runner.cancelRun()).toBe(false);
  });

  it('cancel also drops a trailing run still waiting for its turn', () => {
    const { store, runs, runner, time } = setup();
    store.getState().setField('attack.queries', 100);
    store.getState().setField('attack.queries', 200);
    runner.cancelRun();
    time.advance(100);
    expect(runs.runs).toHaveLength(1);
  });

  it('puts the cost estimate in the store and tells the estimator what the worker holds', () => {
    const log: string[] = [];
    const { store, runs, runner } = setup({
      estimator: {
        estimateMs: (config) => {
          log.push(`estimate ${config.attack.queries}`);
          return 900;
        },
        finished: (config) => log.push(`finished ${config.attack.queries}`),
        restarted: () => log.push('restarted'),
      },
    });
    runner.runNow();
    expect(store.getState().estimateMs).toBe(900);
    runs.runs[0]!.handlers.onResult(fakeResult(runs.runs[0]!.config), 5);
    runner.runNow();
    runs.runs[1]!.handlers.onRestart?.('restarted');
    runs.runs[1]!.handlers.onError?.('failed');
    expect(log).toEqual([
      'estimate 1000',
      'finished 1000',
      'estimate 1000',
      'restarted',
      'restarted',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import type { LimitGridResult } from '../../src/core/limitGrid';
import { createSimClient } from '../../src/worker/client';
import { fakeResult } from '../state/fixtures';
import { configWith, FakeWorker, recorder, runReply } from './fakeWorker';

/** A limits grid with no cells (the client passes it on untouched). */
const fakeGrid = (): LimitGridResult => ({
  config: defaultConfig(),
  limits: [],
  accounts: [],
  cells: [],
  honestLimited: [],
  noLimit: null,
});

function setup(options: { restartAfterMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  let clock = 0;
  const client = createSimClient({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    now: () => clock,
    ...options,
  });
  return {
    client,
    workers,
    advance: (ms: number) => (clock += ms),
  };
}

describe('createSimClient', () => {
  it('starts the worker lazily and delivers progress and the result of a run', () => {
    const { client, workers } = setup();
    expect(workers).toHaveLength(0);
    const rec = recorder();
    const id = client.run(configWith(300), null, rec.handlers);
    expect(workers).toHaveLength(1);
    const w = workers[0]!;
    expect(w.sent).toEqual([{ type: 'run', id, config: configWith(300), baseline: null }]);
    const result = fakeResult(configWith(300));
    w.reply({ type: 'progress', id, fraction: 0.5, phase: 'attack' });
    w.reply(runReply(id, result));
    w.reply({ type: 'done', id });
    expect(rec.progress).toEqual([0.5]);
    expect(rec.results).toEqual([result]);
    expect(rec.errors).toEqual([]);
  });

  it('never lets a stale result overwrite a newer one, in any reply order', () => {
    const { client, workers } = setup();
    const older = recorder();
    const newer = recorder();
    const a = client.run(configWith(100), null, older.handlers);
    const b = client.run(configWith(200), null, newer.handlers);
    const w = workers[0]!;
    expect(w.sent.map((m) => m.type)).toEqual(['run', 'cancel', 'run']);
    expect(w.sent[1]).toEqual({ type: 'cancel', id: a });
    // The newer result arrives first, then the stale one, its progress and its error.
    const fresh = fakeResult(configWith(200));
    w.reply(runReply(b, fresh));
    w.reply({ type: 'progress', id: a, fraction: 0.9, phase: 'x' });
    w.reply(runReply(a, fakeResult(configWith(100))));
    w.reply({ type: 'error', id: a, message: 'late' });
    expect(newer.results).toEqual([fresh]);
    expect(older.results).toEqual([]);
    expect(older.progress).toEqual([]);
    expect(older.errors).toEqual([]);
  });

  it('delivers the no-defense baseline of the current run only', () => {
    const { client, workers } = setup();
    const rec = recorder();
    const defended = setPath(defaultConfig(), 'defense.output.mode', 'label');
    const id = client.run(defended, defaultConfig(), rec.handlers);
    const w = workers[0]!;
    expect(w.sent[0]).toMatchObject({ baseline: defaultConfig() });
    const baseline = fakeResult(defaultConfig());
    w.reply(runReply(id, fakeResult(defended)));
    w.reply({ type: 'result', kind: 'run', id, role: 'baseline', result: baseline, elapsedMs: 1 });
    expect(rec.baselines).toEqual([baseline]);
    // After supersede, a late baseline of the old run is dropped.
    const next = recorder();
    client.run(configWith(50), defaultConfig(), next.handlers);
    w.reply({ type: 'result', kind: 'run', id, role: 'baseline', result: baseline, elapsedMs: 1 });
    expect(next.baselines).toEqual([]);
  });

  it('keeps runs and the limits grid independent: a run does not supersede the grid', () => {
    const { client, workers } = setup();
    const grids: LimitGridResult[] = [];
    const gridId = client.limits(defaultConfig(), { onResult: (r) => grids.push(r) });
    const rec = recorder();
    client.run(configWith(100), null, rec.handlers);
    const w = workers[0]!;
    expect(w.sent[0]).toEqual({ type: 'limits', id: gridId, config: defaultConfig() });
    expect(w.sent.some((m) => m.type === 'cancel')).toBe(false);
    const grid = fakeGrid();
    const reply = { type: 'result', kind: 'limits', id: gridId, result: grid, total: 2 } as const;
    w.reply({ ...reply, partial: true, done: 1, elapsedMs: 9 });
    expect(grids).toEqual([]);
    w.reply({ ...reply, partial: false, done: 2, elapsedMs: 9 });
    expect(grids).toEqual([grid]);
  });

  it('reports an error thrown inside a simulation readably and keeps the worker', () => {
    const { client, workers } = setup();
    const rec = recorder();
    const id = client.run(configWith(100), null, rec.handlers);
    workers[0]!.reply({ type: 'error', id, message: 'student diverged' });
    expect(rec.errors).toEqual(['The simulation failed: student diverged']);
    client.run(configWith(120), null, recorder().handlers);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('restarts a crashed worker, tells every live request, and serves the next one', () => {
    const { client, workers } = setup();
    const rec = recorder();
    const gridErrors: string[] = [];
    client.run(configWith(100), null, rec.handlers);
    client.limits(defaultConfig(), { onResult: () => {}, onError: (m) => gridErrors.push(m) });
    workers[0]!.crash('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    expect(rec.errors).toHaveLength(1);
    expect(rec.errors[0]).toMatch(/^out of memory\. The lab restarted its simulation engine/);
    expect(gridErrors).toHaveLength(1);
    // Replies from the dead worker are ignored; the next request gets a fresh worker.
    workers[0]!.reply(runReply(1, fakeResult()));
    expect(rec.results).toEqual([]);
    const after = recorder();
    const id = client.run(configWith(130), null, after.handlers);
    expect(workers).toHaveLength(2);
    workers[1]!.reply(runReply(id, fakeResult(configWith(130))));
    expect(after.results).toHaveLength(1);
  });

  it('abandons a superseded job that runs too long by restarting the worker', () => {
    const { client, workers, advance } = setup({ restartAfterMs: 500 });
    client.limits(defaultConfig(), { onResult: () => {} });
    client.run(configWith(100), null, recorder().handlers);
    advance(100);
    client.run(configWith(110), null, recorder().handlers); // young: just cancel
    expect(workers).toHaveLength(1);
    advance(600);
    const rec = recorder();
    const id = client.run(configWith(120), null, rec.handlers);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    // The still-wanted grid is sent again to the new worker, before the new run.
    expect(workers[1]!.sent.map((m) => m.type)).toEqual(['limits', 'run']);
    workers[1]!.reply(runReply(id, fakeResult(configWith(120))));
    expect(rec.results).toHaveLength(1);
  });

  it('does not restart for a superseded job that already finished', () => {
    const { client, workers, advance } = setup({ restartAfterMs: 500 });
    const a = client.run(configWith(100), null, recorder().handlers);
    workers[0]!.reply({ type: 'done', id: a });
    advance(10_000);
    client.run(configWith(110), null, recorder().handlers);
    expect(workers).toHaveLength(1);
  });

  it('cancel silences a request; dispose terminates the worker', () => {
    const { client, workers } = setup();
    const rec = recorder();
    const id = client.run(configWith(100), null, rec.handlers);
    client.cancel(id);
    workers[0]!.reply(runReply(id, fakeResult()));
    expect(rec.results).toEqual([]);
    expect(workers[0]!.sent.at(-1)).toEqual({ type: 'cancel', id });
    client.dispose();
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[0]!.runIds()).toEqual([id]);
  });

  it('says while a wanted run is pending, and tells its listeners once each time it settles', () => {
    const { client, workers } = setup();
    let settled = 0;
    const unsubscribe = client.onRunSettled(() => settled++);
    expect(client.runPending()).toBe(false);
    // a lean run or a grid is not a run the person waits for
    client.leanRun(configWith(100), { onResult: () => {} });
    client.limits(configWith(100), { onResult: () => {} });
    expect(client.runPending()).toBe(false);

    const first = client.run(configWith(300), configWith(300), recorder().handlers);
    expect(client.runPending()).toBe(true);
    // a newer run supersedes it: still pending, nothing settled
    const second = client.run(configWith(400), configWith(400), recorder().handlers);
    expect(client.runPending()).toBe(true);
    const w = workers[0]!;
    w.reply({ type: 'done', id: first });
    // the main result is in, the comparison run is not: still pending
    w.reply(runReply(second, fakeResult(configWith(400))));
    expect([client.runPending(), settled]).toEqual([true, 0]);
    w.reply({ type: 'done', id: second });
    expect([client.runPending(), settled]).toEqual([false, 1]);

    // an error, a cancel, a Stop and a crash each settle a pending run once
    const failing = client.run(configWith(500), null, recorder().handlers);
    w.reply({ type: 'error', id: failing, message: 'boom' });
    expect([client.runPending(), settled]).toEqual([false, 2]);
    client.cancel(client.run(configWith(600), null, recorder().handlers));
    expect(settled).toBe(3);
    client.stop(client.run(configWith(700), null, recorder().handlers));
    expect(settled).toBe(4);
    client.run(configWith(800), null, recorder().handlers);
    workers.at(-1)!.crash('gone');
    expect([client.runPending(), settled]).toEqual([false, 5]);

    unsubscribe();
    client.cancel(client.run(configWith(900), null, recorder().handlers));
    expect(settled).toBe(5);
  });
});

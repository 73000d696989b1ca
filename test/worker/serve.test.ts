import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath, type Config } from '../../src/core/config';
import type { ProgressFn } from '../../src/core/types';
import { resultTransferables, type WorkerReply } from '../../src/worker/protocol';
import { createRequestLoop } from '../../src/worker/serve';
import type { LimitGridResult } from '../../src/core/limitGrid';
import { fakeResult } from '../state/fixtures';

const emptyGrid: LimitGridResult = {
  config: defaultConfig(),
  limits: [],
  accounts: [],
  cells: [],
  honestLimited: [],
  noLimit: null,
};

function setup(options: { fail?: (config: Config) => boolean } = {}) {
  const posted: { reply: WorkerReply; transfer: ArrayBuffer[] }[] = [];
  const tasks: (() => void)[] = [];
  const simulated: number[] = [];
  /** what the worker computed, in order: "q=<queries>" for runs, "grid:<step>" for the limits grid */
  const order: string[] = [];
  let clock = 0;
  const handle = createRequestLoop({
    post: (reply, transfer) => posted.push({ reply, transfer }),
    runSimulation: (config: Config, onProgress: ProgressFn) => {
      if (options.fail?.(config)) throw new Error('student diverged');
      simulated.push(config.attack.queries);
      order.push(`q=${config.attack.queries}`);
      for (const f of [0.1, 0.2, 0.6, 1]) {
        clock += 20;
        onProgress(f, 'attack');
      }
      return fakeResult(config);
    },
    startSteps: (request) => {
      if (request.config.attack.queries === 66) throw new Error('the grid cannot start');
      let done = 0;
      const total = 3;
      return {
        step: () => {
          order.push(`grid:${done}`);
          done++;
          return done < total;
        },
        reply: (id, partial, elapsedMs) => ({
          type: 'result',
          kind: 'limits',
          id,
          partial,
          result: { ...emptyGrid, config: request.config },
          done,
          total,
          elapsedMs,
        }),
      };
    },
    runLean: (config: Config) => {
      order.push(`lean q=${config.attack.queries}`);
      return fakeResult(config);
    },
    transferablesOf: (result) => resultTransferables(result),
    schedule: (task) => tasks.push(task),
    now: () => clock,
    progressIntervalMs: 30,
  });
  /** Runs scheduled tasks until none is left (the event loop of the worker). */
  const flush = () => {
    while (tasks.length > 0) tasks.shift()!();
  };
  return { handle, posted, simulated, flush, tasks, order };
}

const withQueries = (q: number) => setPath(defaultConfig(), 'attack.queries', q);

describe('createRequestLoop', () => {
  it('runs a request after yielding, with throttled progress, then result and done', () => {
    const { handle, posted, flush } = setup();
    handle({ type: 'run', id: 1, config: withQueries(300), baseline: null });
    expect(posted).toEqual([]); // nothing runs inside the message handler
    flush();
    const types = posted.map((p) => p.reply.type);
    expect(types).toEqual(['progress', 'progress', 'progress', 'result', 'done']);
    // Progress every >= 30 ms of the fake clock (20 ms steps), and always the final 1.
    expect(posted.filter((p) => p.reply.type === 'progress').map((p) => p.reply)).toEqual([
      { type: 'progress', id: 1, fraction: 0.1, phase: 'attack' },
      { type: 'progress', id: 1, fraction: 0.6, phase: 'attack' },
      { type: 'progress', id: 1, fraction: 1, phase: 'attack' },
    ]);
    const result = posted[3]!;
    expect(result.reply).toMatchObject({ type: 'result', kind: 'run', role: 'main', id: 1 });
    expect(result.transfer.length).toBeGreaterThan(0);
  });

  it('drops a queued run when a newer run arrives, and honours cancel', () => {
    const { handle, simulated, flush } = setup();
    handle({ type: 'run', id: 1, config: withQueries(100), baseline: null });
    handle({ type: 'run', id: 2, config: withQueries(200), baseline: null });
    handle({ type: 'limits', id: 3, config: withQueries(200) });
    handle({ type: 'cancel', id: 3 });
    flush();
    expect(simulated).toEqual([200]);
  });

  it('keeps every queued lean run (the pool cancels its own), runs going first', () => {
    const { handle, posted, flush, order } = setup();
    handle({ type: 'leanRun', id: 1, config: withQueries(10) });
    handle({ type: 'leanRun', id: 2, config: withQueries(20) });
    handle({ type: 'leanRun', id: 3, config: withQueries(30) });
    handle({ type: 'cancel', id: 2 });
    handle({ type: 'run', id: 4, config: withQueries(40), baseline: null });
    flush();
    expect(order).toEqual(['q=40', 'lean q=10', 'lean q=30']);
    const idsOf = (type: string, kind?: string) =>
      posted.flatMap(({ reply }) =>
        reply.type === type && 'id' in reply && (!kind || ('kind' in reply && reply.kind === kind))
          ? [reply.id]
          : [],
      );
    expect(idsOf('result', 'leanRun')).toEqual([1, 3]);
    expect(idsOf('done')).toEqual([2, 4, 1, 3]);
  });

  it('posts the baseline after the main result, under the same id', () => {
    const { handle, posted, flush, simulated } = setup();
    const defended = setPath(withQueries(400), 'defense.output.mode', 'label');
    handle({ type: 'run', id: 5, config: defended, baseline: withQueries(400) });
    flush();
    const results = posted.filter((p) => p.reply.type === 'result').map((p) => p.reply);
    expect(results.map((r) => (r.type === 'result' && r.kind === 'run' ? r.role : ''))).toEqual([
      'main',
      'baseline',
    ]);
    expect(simulated).toEqual([400, 400]);
    expect(posted.at(-1)?.reply).toEqual({ type: 'done', id: 5 });
  });

  it('lets a newer run overtake the pending comparison run of an older one', () => {
    const { handle, posted, tasks, simulated } = setup();
    const defended = setPath(withQueries(400), 'defense.output.mode', 'label');
    handle({ type: 'run', id: 1, config: defended, baseline: withQueries(400) });
    tasks.shift()!(); // the main run; its baseline is queued behind a yield
    handle({ type: 'cancel', id: 1 });
    handle({ type: 'run', id: 2, config: withQueries(500), baseline: null });
    while (tasks.length > 0) tasks.shift()!();
    expect(simulated).toEqual([400, 500]);
    expect(
      posted.some(
        (p) =>
          p.reply.type === 'result' &&
          p.reply.id === 1 &&
          p.reply.kind === 'run' &&
          p.reply.role === 'baseline',
      ),
    ).toBe(false);
  });

  it('ends every request with exactly one done or error, dropped ones included', () => {
    const { handle, posted, flush } = setup({ fail: (c) => c.attack.queries === 13 });
    handle({ type: 'run', id: 1, config: withQueries(100), baseline: withQueries(100) });
    handle({ type: 'run', id: 2, config: withQueries(13), baseline: null });
    handle({ type: 'limits', id: 3, config: withQueries(100) });
    handle({ type: 'limits', id: 4, config: withQueries(100) });
    handle({ type: 'run', id: 5, config: withQueries(100), baseline: withQueries(100) });
    handle({ type: 'cancel', id: 4 });
    flush();
    handle({ type: 'run', id: 6, config: withQueries(13), baseline: null });
    flush();
    const endings = posted
      .map((p) => p.reply)
      .filter((r) => r.type === 'done' || r.type === 'error')
      .map((r) => r.id)
      .sort((a, b) => a - b);
    expect(endings).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('steps the limits grid one simulation at a time: partial replies, the full one, done', () => {
    const { handle, posted, flush } = setup();
    handle({ type: 'limits', id: 4, config: withQueries(100) });
    flush();
    const replies = posted.map((p) => p.reply).filter((r) => r.type !== 'progress');
    expect(
      replies.map((r) =>
        r.type === 'result' && r.kind === 'limits'
          ? `${r.partial ? 'partial' : 'full'}:${r.done}/${r.total}`
          : r.type,
      ),
    ).toEqual(['partial:1/3', 'partial:2/3', 'full:3/3', 'done']);
  });

  it('lets a run go ahead of the remaining simulations of the grid', () => {
    const { handle, tasks, order } = setup();
    handle({ type: 'limits', id: 1, config: withQueries(100) });
    tasks.shift()!(); // first simulation of the grid
    handle({ type: 'run', id: 2, config: withQueries(700), baseline: withQueries(800) });
    while (tasks.length > 0) tasks.shift()!();
    expect(order).toEqual(['grid:0', 'q=700', 'q=800', 'grid:1', 'grid:2']);
  });

  it('reports a grid that cannot start as an error of that request', () => {
    const { handle, posted, flush } = setup();
    handle({ type: 'limits', id: 9, config: withQueries(66) });
    flush();
    expect(posted.map((p) => p.reply)).toEqual([
      { type: 'error', id: 9, message: 'the grid cannot start' },
    ]);
  });

  it('turns an exception into an error reply and keeps serving', () => {
    const { handle, posted, flush } = setup({ fail: (c) => c.attack.queries === 13 });
    handle({ type: 'run', id: 1, config: withQueries(13), baseline: null });
    flush();
    expect(posted.at(-1)?.reply).toEqual({ type: 'error', id: 1, message: 'student diverged' });
    handle({ type: 'limits', id: 2, config: withQueries(20) });
    flush();
    const replies = posted.map((p) => p.reply).filter((r) => r.type !== 'progress');
    expect(replies.slice(-3)).toMatchObject([
      { type: 'result', kind: 'limits', id: 2, partial: true },
      { type: 'result', kind: 'limits', id: 2, partial: false },
      { type: 'done', id: 2 },
    ]);
  });

  it('yields between queued jobs so a later cancel can still drop one', () => {
    const { handle, simulated, tasks } = setup();
    handle({ type: 'run', id: 1, config: withQueries(100), baseline: null });
    handle({ type: 'limits', id: 2, config: withQueries(100) });
    tasks.shift()!(); // first job
    handle({ type: 'cancel', id: 2 }); // arrives while the loop yields
    while (tasks.length > 0) tasks.shift()!();
    expect(simulated).toEqual([100]);
  });
});

describe('resultTransferables', () => {
  it('lists each buffer once and leaves kept buffers out', () => {
    const result = fakeResult(defaultConfig(), { slices: 3 });
    const all = resultTransferables(result);
    expect(new Set(all).size).toBe(all.length);
    // 6 query columns + 3 maps (victim, served, student) + 3 slices
    expect(all).toHaveLength(12);
    const keep = new Set<ArrayBufferLike>([result.maps!.victim.probabilities.buffer]);
    expect(resultTransferables(result, keep)).toHaveLength(11);
  });

  it('does not list a buffer twice when views share it', () => {
    const result = fakeResult(defaultConfig(), { slices: 2 });
    const shared = new Float32Array(64);
    result.maps!.studentSlices = [shared.subarray(0, 32), shared.subarray(32)];
    expect(resultTransferables(result)).toHaveLength(10);
  });
});

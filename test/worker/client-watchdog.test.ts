// The client's watchdog and hard stop: a busy worker that stays silent past its allowance is
// restarted and the live requests are sent once more; Cancel terminates a busy worker.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import {
  createSimClient,
  STALL_SLACK_MAX,
  stallMessage,
  type JobRequest,
} from '../../src/worker/client';
import { fakeResult } from '../state/fixtures';
import { configWith, FakeWorker, recorder, runReply } from './fakeWorker';

/** A client on fake workers, a manual clock and manual timers. */
function setup(stallMs: number | ((request: JobRequest) => number) = 5000) {
  const workers: FakeWorker[] = [];
  let clock = 0;
  const timers = new Map<number, { at: number; cb: () => void }>();
  let nextHandle = 1;
  const client = createSimClient({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    now: () => clock,
    stallMs,
    setTimer: (cb, ms) => {
      const handle = nextHandle++;
      timers.set(handle, { at: clock + ms, cb });
      return handle;
    },
    clearTimer: (h) => void timers.delete(h as number),
  });
  /** Moves the clock forward, firing due timers in order. */
  function advance(ms: number): void {
    const end = clock + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      clock = Math.max(clock, due[1].at);
      due[1].cb();
    }
    clock = end;
  }
  return { client, workers, advance, pendingTimers: () => timers.size };
}

describe('the client watchdog', () => {
  it('restarts a silent worker after its allowance and sends the run again, once', () => {
    const { client, workers, advance } = setup(5000);
    const rec = recorder();
    const id = client.run(configWith(100), null, rec.handlers);
    advance(4999);
    expect(workers).toHaveLength(1);
    expect(rec.restarts).toEqual([]);
    advance(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.runIds()).toEqual([id]);
    expect(rec.restarts).toEqual([stallMessage(5000, false)]);
    expect(rec.restarts[0]).toMatch(/stopped responding \(nothing for 5 s\)/);
    // The fresh worker answers: the result arrives under the same request.
    const result = fakeResult(configWith(100));
    workers[1]!.reply(runReply(id, result));
    expect(rec.results).toEqual([result]);
    expect(rec.errors).toEqual([]);
  });

  it('gives the retry twice the allowance, then gives up with an error and stays quiet', () => {
    const { client, workers, advance, pendingTimers } = setup(5000);
    const rec = recorder();
    client.run(configWith(100), null, rec.handlers);
    advance(5000);
    // A stall on a machine that is only slow: the retry may stay silent twice as long.
    advance(9999);
    expect(rec.errors).toEqual([]);
    advance(1);
    expect(rec.restarts).toHaveLength(1);
    expect(rec.errors).toEqual([stallMessage(10_000, true)]);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.terminated).toBe(true);
    expect(pendingTimers()).toBe(0);
    advance(60_000);
    expect(workers).toHaveLength(2);
  });

  it('counts silence, not run time: each message restarts the allowance', () => {
    const { client, workers, advance } = setup(5000);
    const rec = recorder();
    const id = client.run(configWith(100), null, rec.handlers);
    for (let i = 0; i < 10; i++) {
      advance(4000);
      workers[0]!.reply({ type: 'progress', id, fraction: i / 10, phase: 'attack' });
    }
    expect(rec.restarts).toEqual([]);
    workers[0]!.reply(runReply(id, fakeResult()));
    workers[0]!.reply({ type: 'done', id });
    // An idle worker is never taken for dead.
    advance(60_000);
    expect(workers).toHaveLength(1);
    expect(rec.results).toHaveLength(1);
  });

  it('uses the allowance of the request, and the largest of what the worker may be busy with', () => {
    const allowance = (request: JobRequest) =>
      request.type === 'run' ? request.config.attack.queries * 10 : 1000;
    const { client, workers, advance } = setup(allowance);
    const rec = recorder();
    client.run(configWith(2000), null, recorder().handlers); // 20 s allowance
    advance(100);
    // Superseded but maybe still running: the worker may be silent for its 20 s.
    client.run(configWith(100), null, rec.handlers); // 1 s allowance
    advance(5000);
    expect(workers).toHaveLength(1);
    advance(15_000);
    expect(workers).toHaveLength(2);
    // The old job is not sent again, only the live one, with its own 1 s allowance, doubled.
    expect(workers[1]!.sent.map((m) => m.type)).toEqual(['run']);
    // (the stall came at 20 s, 100 ms before the clock stopped: the retry's 2 s end at 22 s)
    advance(1899);
    expect(rec.errors).toHaveLength(0);
    advance(1);
    expect(rec.errors).toHaveLength(1);
  });

  it("hears the worker's pulses: 'alive' messages keep a long silent stretch alive", () => {
    const { client, workers, advance } = setup(5000);
    const rec = recorder();
    const id = client.run(configWith(100), null, rec.handlers);
    for (let i = 0; i < 30; i++) {
      advance(1000);
      workers[0]!.reply({ type: 'alive' });
    }
    expect(rec.restarts).toEqual([]);
    workers[0]!.reply(runReply(id, fakeResult()));
    expect(rec.results).toHaveLength(1);
    // Pulses stop (a worker stuck in a loop that does not pulse): the watchdog bites.
    const next = client.run(configWith(100), null, rec.handlers);
    advance(5000);
    expect(rec.restarts).toHaveLength(1);
    expect(workers[1]!.runIds()).toEqual([next]);
  });

  it('keeps the longer allowance after a stall, doubling at each one up to 8 times', () => {
    const { client, workers, advance } = setup(1000);
    const rec = recorder();
    const silences: number[] = [];
    for (let round = 0; round < 6; round++) {
      const id = client.run(configWith(100), null, rec.handlers);
      const before = workers.length;
      let waited = 0;
      while (workers.length === before) {
        advance(500);
        waited += 500;
      }
      silences.push(waited);
      workers.at(-1)!.reply(runReply(id, fakeResult()));
      workers.at(-1)!.reply({ type: 'done', id });
    }
    expect(silences).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(STALL_SLACK_MAX).toBe(8);
  });

  it('re-sends every live request kind, the limits grid and lean runs included', () => {
    const { client, workers, advance } = setup(5000);
    const restarts: string[] = [];
    client.limits(defaultConfig(), { onResult: () => {}, onRestart: (m) => restarts.push(m) });
    client.leanRun(defaultConfig(), { onResult: () => {}, onRestart: (m) => restarts.push(m) });
    client.run(configWith(100), null, recorder().handlers);
    advance(5000);
    expect(restarts).toHaveLength(2);
    expect(workers[1]!.sent.map((m) => m.type)).toEqual(['limits', 'leanRun', 'run']);
  });

  it('is off by default (no allowance: a worker may think as long as it likes)', () => {
    const workers: FakeWorker[] = [];
    const client = createSimClient({
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      setTimer: () => {
        throw new Error('no timer expected');
      },
    });
    client.run(configWith(100), null, recorder().handlers);
    expect(workers).toHaveLength(1);
  });
});

describe('stop (Cancel)', () => {
  it('terminates a worker busy with the run and re-sends the live grid to a fresh one', () => {
    const { client, workers } = setup(Infinity);
    const rec = recorder();
    client.limits(defaultConfig(), { onResult: () => {} });
    const id = client.run(configWith(100), null, rec.handlers);
    expect(client.stop(id)).toBe(true);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.sent.map((m) => m.type)).toEqual(['limits']);
    workers[0]!.reply(runReply(id, fakeResult()));
    expect(rec.results).toEqual([]);
    expect(client.stop(id)).toBe(false);
  });

  it('leaves the worker alone when the stopped request had already finished its work', () => {
    const { client, workers } = setup(Infinity);
    const id = client.run(configWith(100), null, recorder().handlers);
    workers[0]!.reply({ type: 'done', id });
    expect(client.stop(id)).toBe(false);
    const other = client.run(configWith(200), null, recorder().handlers);
    workers[0]!.reply({ type: 'done', id: other });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
  });
});

/**
 * The worker's request loop, apart from the Worker global so it can be tested in Node. Requests
 * queue up; the loop yields to the event loop between jobs (`schedule`) so that a `cancel` or a
 * newer request sent while a simulation was running is seen before the next job starts. A queued
 * run is dropped when a newer run arrives (same for sweeps): only the latest of each kind is useful.
 * The no-defense comparison of a run is a job of its own, queued after the run's result is posted,
 * so a newer run overtakes it (the runner asks for it again with that newer run).
 * Every request ends with exactly one 'done' or 'error' reply, dropped ones included, so the client
 * knows what the worker is still busy with.
 * A simulation itself is synchronous and cannot be interrupted; the client ignores stale replies.
 */
import type { Config } from '../core/config';
import type { ProgressFn, SimulationResult, SweepResult } from '../core/types';
import {
  describeError,
  type RunRequest,
  type SweepRequest,
  type WorkerReply,
  type WorkerRequest,
} from './protocol';

/** A queued unit of work: a request, or the comparison run that follows a run's result. */
type Job = RunRequest | SweepRequest | { type: 'baseline'; id: number; config: Config };

export interface ServeOptions {
  /** posts a reply, transferring the given buffers */
  post(reply: WorkerReply, transfer: ArrayBuffer[]): void;
  runSimulation(config: Config, onProgress: ProgressFn): SimulationResult;
  runSweep(
    request: Pick<SweepRequest, 'config' | 'knob' | 'levels' | 'seeds'>,
    onProgress: ProgressFn,
    onPartial: (partial: SweepResult) => void,
  ): SweepResult;
  /** buffers of a result to transfer rather than copy */
  transferablesOf(result: SimulationResult): ArrayBuffer[];
  /** runs a callback after pending messages are handled (setTimeout 0 in the worker) */
  schedule(callback: () => void): void;
  /** milliseconds clock (performance.now in the worker) */
  now(): number;
  /** minimum milliseconds between two progress replies of one job (default 30) */
  progressIntervalMs?: number;
}

/** Creates the message handler of the worker. */
export function createRequestLoop(options: ServeOptions): (request: WorkerRequest) => void {
  const queue: Job[] = [];
  const interval = options.progressIntervalMs ?? 30;
  let scheduled = false;

  function throttledProgress(id: number): ProgressFn {
    let last = -Infinity;
    return (fraction, phase) => {
      const t = options.now();
      if (t - last < interval && fraction < 1) return;
      last = t;
      options.post({ type: 'progress', id, fraction, phase }, []);
    };
  }

  function postRun(id: number, role: 'main' | 'baseline', config: Config, onProgress: ProgressFn) {
    const t0 = options.now();
    const result = options.runSimulation(config, onProgress);
    const reply: WorkerReply = {
      type: 'result',
      kind: 'run',
      id,
      role,
      result,
      elapsedMs: options.now() - t0,
    };
    options.post(reply, options.transferablesOf(result));
  }

  function postSweep(job: SweepRequest) {
    const t0 = options.now();
    const reply = (result: SweepResult, partial: boolean): WorkerReply => ({
      type: 'result',
      kind: 'sweep',
      id: job.id,
      partial,
      result,
      elapsedMs: options.now() - t0,
    });
    const result = options.runSweep(job, throttledProgress(job.id), (partial) =>
      options.post(reply(partial, true), []),
    );
    options.post(reply(result, false), []);
  }

  /** Runs one job; returns false when the request continues with a queued baseline job. */
  function execute(job: Job): boolean {
    try {
      if (job.type === 'run') {
        postRun(job.id, 'main', job.config, throttledProgress(job.id));
        if (job.baseline) {
          // The comparison run reports no progress: the page shows the main run as finished.
          queue.unshift({ type: 'baseline', id: job.id, config: job.baseline });
          return false;
        }
      } else if (job.type === 'baseline') {
        postRun(job.id, 'baseline', job.config, () => {});
      } else {
        postSweep(job);
      }
      return true;
    } catch (error) {
      options.post({ type: 'error', id: job.id, message: describeError(error) }, []);
      return false;
    }
  }

  function drain(): void {
    scheduled = false;
    const job = queue.shift();
    if (!job) return;
    if (execute(job)) options.post({ type: 'done', id: job.id }, []);
    if (queue.length > 0) wake();
  }

  function wake(): void {
    if (scheduled) return;
    scheduled = true;
    options.schedule(drain);
  }

  /** Removes queued jobs that match; each dropped request still gets its 'done'. */
  function drop(matches: (job: Job) => boolean): void {
    for (let i = queue.length - 1; i >= 0; i--) {
      const job = queue[i];
      if (!job || !matches(job)) continue;
      queue.splice(i, 1);
      options.post({ type: 'done', id: job.id }, []);
    }
  }

  return (request) => {
    if (request.type === 'cancel') {
      drop((job) => job.id === request.id);
      return;
    }
    // A newer request makes queued older ones of its kind useless (a run also drops a pending
    // comparison run).
    const lane = request.type === 'sweep' ? 'sweep' : 'run';
    drop((job) => (job.type === 'sweep' ? 'sweep' : 'run') === lane);
    queue.push(request);
    wake();
  };
}

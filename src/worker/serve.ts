/**
 * The worker's request loop, apart from the Worker global so it can be tested in Node. Requests
 * queue up; the loop yields to the event loop between jobs (`schedule`) so that a `cancel` or a
 * newer request sent while a simulation was running is seen before the next job starts. A queued
 * run is dropped when a newer run arrives (same for sweeps): only the latest of each kind is useful.
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
  const queue: (RunRequest | SweepRequest)[] = [];
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

  function execute(job: RunRequest | SweepRequest): void {
    const onProgress = throttledProgress(job.id);
    try {
      if (job.type === 'run') {
        const t0 = options.now();
        const result = options.runSimulation(job.config, onProgress);
        const elapsedMs = options.now() - t0;
        const reply: WorkerReply = {
          type: 'result',
          kind: 'run',
          id: job.id,
          role: 'main',
          result,
          elapsedMs,
        };
        options.post(reply, options.transferablesOf(result));
        if (job.baseline) {
          // The comparison run reports no progress: the page shows the main run as finished.
          const b0 = options.now();
          const baseline = options.runSimulation(job.baseline, () => {});
          const baselineReply: WorkerReply = {
            type: 'result',
            kind: 'run',
            id: job.id,
            role: 'baseline',
            result: baseline,
            elapsedMs: options.now() - b0,
          };
          options.post(baselineReply, options.transferablesOf(baseline));
        }
      } else {
        const t0 = options.now();
        const onPartial = (partial: SweepResult) =>
          options.post(
            {
              type: 'result',
              kind: 'sweep',
              id: job.id,
              partial: true,
              result: partial,
              elapsedMs: options.now() - t0,
            },
            [],
          );
        const result = options.runSweep(job, onProgress, onPartial);
        options.post(
          {
            type: 'result',
            kind: 'sweep',
            id: job.id,
            partial: false,
            result,
            elapsedMs: options.now() - t0,
          },
          [],
        );
      }
      options.post({ type: 'done', id: job.id }, []);
    } catch (error) {
      options.post({ type: 'error', id: job.id, message: describeError(error) }, []);
    }
  }

  function drain(): void {
    scheduled = false;
    const job = queue.shift();
    if (!job) return;
    execute(job);
    if (queue.length > 0) wake();
  }

  function wake(): void {
    if (scheduled) return;
    scheduled = true;
    options.schedule(drain);
  }

  return (request) => {
    if (request.type === 'cancel') {
      const at = queue.findIndex((job) => job.id === request.id);
      if (at >= 0) queue.splice(at, 1);
      return;
    }
    // A newer request of the same kind makes a queued older one useless.
    for (let i = queue.length - 1; i >= 0; i--) {
      if (queue[i]?.type === request.type) queue.splice(i, 1);
    }
    queue.push(request);
    wake();
  };
}

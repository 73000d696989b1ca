/**
 * The worker's request loop, apart from the Worker global so it can be tested in Node.
 *
 * - Requests queue up; the loop yields to the event loop between jobs (`schedule`) so that a
 *   `cancel` or a newer request sent while a simulation was running is seen before the next job.
 * - Runs come first: a run (and then its no-defense comparison run) goes ahead of sweep work.
 * - A sweep is done one level at a time, each level its own job, so a run the person asked for
 *   waits at most for one level, and the frontier grows level by level.
 * - A queued job is dropped when a newer request of its kind arrives (run or sweep); the comparison
 *   run of an older run is dropped too (the runner asks for it again with the newer run).
 * - Every request ends with exactly one 'done' or 'error' reply, dropped ones included, so the
 *   client knows what the worker is still busy with.
 * - A lean run (one run of a sweep split over a pool of workers, src/worker/pool.ts) has a lane of
 *   its own where a newer request does not drop a queued one: the pool keeps a few in flight per
 *   worker and cancels them itself. They queue behind runs like all sweep work.
 * - A batch of sweeps and the limits grid are stepped jobs: one simulation per job, each followed
 *   by a reply with everything found so far; the grid has a lane of its own, so a sweep and the
 *   grid do not drop each other.
 * A simulation itself is synchronous and cannot be interrupted; the client ignores stale replies.
 */
import type { Config } from '../core/config';
import type { ProgressFn, SimulationResult } from '../core/types';
import type { LevelRun } from '../core/sweepSummary';
import {
  describeError,
  type LeanRunRequest,
  type LimitsRequest,
  type RunRequest,
  type WorkerReply,
  type WorkerRequest,
} from './protocol';

/** Work done one simulation at a time (the limits grid). */
export interface Stepper {
  /** runs one simulation; false once the work is complete */
  step(): boolean;
  /** the reply with everything found so far */
  reply(id: number, partial: boolean, elapsedMs: number): WorkerReply;
}

/** A stepped job in progress. */
interface StepsJob {
  type: 'steps';
  id: number;
  lane: Lane;
  /** null until the request's first slice starts it */
  stepper: Stepper | null;
  request: LimitsRequest;
  startedAt: number;
}

/** A queued unit of work. */
type Job =
  | RunRequest
  | { type: 'baseline'; id: number; config: Config }
  | LimitsRequest
  | LeanRunRequest
  | StepsJob;

type Lane = 'run' | 'grid' | 'pool';

export interface ServeOptions {
  /** posts a reply, transferring the given buffers */
  post(reply: WorkerReply, transfer: ArrayBuffer[]): void;
  runSimulation(config: Config, onProgress: ProgressFn): SimulationResult;
  /** simulates one config lean and keeps what a sweep needs of it (LeanRunRequest) */
  runLean?(config: Config): LevelRun;
  /** starts the limits grid */
  startSteps?(request: LimitsRequest): Stepper;
  /** buffers of a result to transfer rather than copy */
  transferablesOf(result: SimulationResult): ArrayBuffer[];
  /** runs a callback after pending messages are handled (setTimeout 0 in the worker) */
  schedule(callback: () => void): void;
  /** milliseconds clock (performance.now in the worker) */
  now(): number;
  /** minimum milliseconds between two progress replies of one job (default 30) */
  progressIntervalMs?: number;
  /**
   * Background work for idle time (see ./prewarm.ts): `note` sees each run's config, `step` does
   * one short slice and says whether more remains. Needs `later`.
   */
  idleWork?: { note(config: Config): void; step(): boolean };
  /** runs a callback after `ms` milliseconds; returns a function that cancels it */
  later?: (callback: () => void, ms: number) => () => void;
}

/** Quiet time before idle work starts, and between its slices (ms). */
export const IDLE_DELAY_MS = 800;
export const IDLE_SLICE_GAP_MS = 60;

const laneOf = (job: Job): Lane =>
  job.type === 'run' || job.type === 'baseline'
    ? 'run'
    : job.type === 'leanRun'
      ? 'pool'
      : job.type === 'steps'
        ? job.lane
        : 'grid';

/** Creates the message handler of the worker. */
export function createRequestLoop(options: ServeOptions): (request: WorkerRequest) => void {
  const queue: Job[] = [];
  const interval = options.progressIntervalMs ?? 30;
  let scheduled = false;
  let cancelIdle: (() => void) | null = null;

  /** Starts idle work after a quiet spell; any request cancels it (a slice in progress finishes). */
  function armIdle(delay: number): void {
    const { idleWork, later } = options;
    if (!idleWork || !later || cancelIdle) return;
    cancelIdle = later(() => {
      cancelIdle = null;
      if (queue.length > 0) return;
      if (idleWork.step()) armIdle(IDLE_SLICE_GAP_MS);
    }, delay);
  }

  function throttledProgress(id: number, from = 0, span = 1): ProgressFn {
    let last = -Infinity;
    return (fraction, phase) => {
      const t = options.now();
      if (t - last < interval && fraction < 1) return;
      last = t;
      options.post({ type: 'progress', id, fraction: from + span * fraction, phase }, []);
    };
  }

  /** Queues a job: run-lane jobs go ahead of other work, otherwise first come, first served. */
  function enqueue(job: Job, first = false): void {
    if (first) queue.unshift(job);
    else if (laneOf(job) === 'run') {
      const at = queue.findIndex((queued) => laneOf(queued) !== 'run');
      queue.splice(at < 0 ? queue.length : at, 0, job);
    } else queue.push(job);
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

  /** Runs one simulation of a stepped job; returns true when it is complete. */
  function stepJob(job: StepsJob): boolean {
    const start = options.startSteps;
    if (!start) throw new Error(`this worker does not take ${job.request.type} requests`);
    const stepper = job.stepper ?? start(job.request);
    const more = stepper.step();
    options.post(stepper.reply(job.id, more, options.now() - job.startedAt), []);
    if (more) enqueue({ ...job, stepper });
    return !more;
  }

  /** Runs one job; returns true when its request is finished (and needs its 'done'). */
  function execute(job: Job): boolean {
    try {
      switch (job.type) {
        case 'run':
          options.idleWork?.note(job.config);
          postRun(job.id, 'main', job.config, throttledProgress(job.id));
          if (!job.baseline) return true;
          // The comparison run reports no progress: the page shows the main run as finished.
          enqueue({ type: 'baseline', id: job.id, config: job.baseline }, true);
          return false;
        case 'baseline':
          postRun(job.id, 'baseline', job.config, () => {});
          return true;
        case 'leanRun': {
          if (!options.runLean) throw new Error('this worker does not take lean runs');
          const t0 = options.now();
          const run = options.runLean(job.config);
          const elapsedMs = options.now() - t0;
          options.post({ type: 'result', kind: 'leanRun', id: job.id, run, elapsedMs }, []);
          return true;
        }
        case 'limits':
          return stepJob({
            type: 'steps',
            id: job.id,
            lane: laneOf(job),
            stepper: null,
            request: job,
            startedAt: options.now(),
          });
        case 'steps':
          return stepJob(job);
      }
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
    else armIdle(IDLE_DELAY_MS);
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
    cancelIdle?.();
    cancelIdle = null;
    if (request.type === 'cancel') {
      drop((job) => job.id === request.id);
      return;
    }
    // A newer request makes queued older work of its kind useless (the pool cancels its own).
    const lane = laneOf(request);
    if (lane !== 'pool') drop((job) => laneOf(job) === lane);
    enqueue(request);
    wake();
  };
}

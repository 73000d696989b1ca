/**
 * The main-thread side of the simulation worker. Rules:
 * - a newer request supersedes every older one of the same kind (run or limits grid): the older one is
 *   cancelled and any reply it still sends is dropped, so a stale result NEVER overwrites a newer one;
 * - an error thrown inside a simulation reaches that request's `onError` as a readable message;
 * - a crash of the worker itself (an uncaught error, an unreadable message) reaches every live
 *   request's `onError`, and the client starts a fresh worker for the next request;
 * - a superseded job that has already run longer than `restartAfterMs` is abandoned by restarting
 *   the worker (a synchronous simulation cannot be interrupted any other way), so the newest
 *   request does not wait behind a long stale one;
 * - a watchdog: a worker that is busy yet sends nothing (no progress, no result) for longer than
 *   the job's allowance (`stallMs`) is taken for dead (a terminated script, an engine that stopped
 *   it, an endless loop): it is restarted and every live request is sent again once, the handlers
 *   told through `onRestart`; a request that stalls a second time gets `onError`;
 * - lean runs (`leanRun`, for the sweep pool of ./pool.ts) are the exception to the first rule: several
 *   may be live at once and none supersedes another; the pool cancels them itself;
 * - `stop(id)` abandons a request at once, restarting the worker if it is busy with it (the
 *   person's Cancel: a synchronous simulation cannot be interrupted any other way);
 * - `runPending()` says whether a run the page still wants is unfinished (its comparison run
 *   included), and `onRunSettled` hears when that stops being so: the sweep pool holds its other
 *   workers back meanwhile (./pool.ts), so the person's run does not share the cores with a sweep.
 */
import type { Config } from '../core/config';
import type { LimitGridResult } from '../core/limitGrid';
import type { SimulationResult } from '../core/types';
import type { LevelRun } from '../core/sweepSummary';
import type { StepCount, WorkerReply, WorkerRequest } from './protocol';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export interface ProgressHandlers {
  onProgress?(fraction: number, phase: string): void;
  onError?(message: string): void;
  /** the worker stopped responding and was restarted; the request was sent again (once) */
  onRestart?(message: string): void;
}

export interface RunHandlers extends ProgressHandlers {
  onResult(result: SimulationResult, elapsedMs: number): void;
  onBaseline?(result: SimulationResult): void;
}

export interface LeanRunHandlers extends ProgressHandlers {
  /** what a sweep keeps of the run, and the ms it took inside the worker */
  onResult(run: LevelRun, elapsedMs: number): void;
}

export interface LimitsHandlers extends ProgressHandlers {
  onPartial?(result: LimitGridResult, count: StepCount): void;
  onResult(result: LimitGridResult, count: StepCount): void;
}

export interface SimClient {
  /** Runs `config` (and, if given, the no-defense `baseline`); supersedes any earlier run. */
  run(config: Config, baseline: Config | null, handlers: RunHandlers): number;
  /** One lean run of a sweep split over workers (./pool.ts); supersedes nothing. */
  leanRun(config: Config, handlers: LeanRunHandlers): number;
  /** The limits-against-accounts grid; supersedes any earlier grid. */
  limits(config: Config, handlers: LimitsHandlers): number;
  /** Abandons a request: its handlers are never called again. */
  cancel(id: number): void;
  /**
   * Abandons a request and, if the worker is (or may be) busy with it, terminates the worker so it
   * stops at once; other live requests are sent again to a fresh worker. Returns false if the
   * request had already finished or been abandoned.
   */
  stop(id: number): boolean;
  /** Terminates the worker; later requests start a new one. */
  dispose(): void;
}

/** Whether a client is busy with a run the page wants (the sweep pool's gate, ./pool.ts). */
export interface RunWatch {
  /** true while a run (or its comparison run) that is still wanted has not finished */
  runPending(): boolean;
  /** calls `listener` each time runPending() turns false; returns a function that unsubscribes */
  onRunSettled(listener: () => void): () => void;
}

export interface ClientOptions {
  /** makes a worker; called again after a crash or a restart */
  createWorker(): WorkerLike;
  /** abandon (restart) a superseded job older than this many ms; default Infinity (never) */
  restartAfterMs?: number;
  /** milliseconds clock; default performance.now */
  now?: () => number;
  /**
   * Watchdog allowance: how long (ms) the worker may stay silent while busy with `request` before
   * it is taken for dead; a number for every request, or a function of the request (e.g. from the
   * cost model, src/worker/watchdog.ts). Default Infinity (no watchdog).
   */
  stallMs?: number | ((request: JobRequest) => number);
  /** timers; default setTimeout / clearTimeout */
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** A request that makes the worker work (not a cancel). */
export type JobRequest = Exclude<WorkerRequest, { type: 'cancel' }>;

type Kind = 'run' | 'grid' | 'pool';

interface Live {
  id: number;
  kind: Kind;
  /** the message, kept so it can be re-sent to a restarted worker */
  request: JobRequest;
  postedAt: number;
  handlers: RunHandlers | LimitsHandlers | LeanRunHandlers;
  /** true once the watchdog has sent it again to a fresh worker */
  retried: boolean;
}

/** A request the worker may still be busy with. */
interface Unfinished {
  postedAt: number;
  /** ms of silence allowed while the worker works on it */
  allowanceMs: number;
}

/** Largest multiple of the watchdog's allowance that repeated stalls lead to. */
export const STALL_SLACK_MAX = 8;

const CRASH_HINT =
  'The lab restarted its simulation engine; change a setting or press Run to retry.';

/** Plain words for a stalled worker, with the silence it showed (whole seconds). */
export function stallMessage(silentMs: number, again: boolean): string {
  const seconds = Math.max(1, Math.round(silentMs / 1000));
  return again
    ? `The simulation engine stopped responding again (nothing for ${seconds} s after a restart). ` +
        'The lab has stopped trying: change a setting or press Run to try again.'
    : `The simulation engine stopped responding (nothing for ${seconds} s), so the lab restarted ` +
        'it and is running your settings again.';
}

export function createSimClient(options: ClientOptions): SimClient & RunWatch {
  const now = options.now ?? (() => performance.now());
  const restartAfterMs = options.restartAfterMs ?? Infinity;
  const stallOption = options.stallMs ?? Infinity;
  const allowanceOf = (request: JobRequest): number =>
    typeof stallOption === 'number' ? stallOption : stallOption(request);
  const setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer =
    options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let worker: WorkerLike | null = null;
  let nextId = 1;
  /** requests whose replies are still wanted, by id (at most one per kind) */
  const live = new Map<number, Live>();
  /** requests the worker may still be busy with (superseded ones included), by id */
  const unfinished = new Map<number, Unfinished>();
  /** when the worker last showed it is alive (a message, or work given to an idle worker) */
  let heardAt = 0;
  let watchdog: unknown = null;
  /**
   * Multiplies every allowance: 1 at first, doubled (up to STALL_SLACK_MAX) at each stall, since a
   * stall on a machine that is only slow (a loaded CI runner, a phone in power saving) says the
   * cost model's allowance is too short here; the retry and later requests get the longer one.
   */
  let slack = 1;
  const settledListeners = new Set<() => void>();
  let wasRunPending = false;

  const runPending = (): boolean => [...live.values()].some((entry) => entry.kind === 'run');

  /** Tells the listeners once a pending run has finished, failed or been abandoned. */
  function noteRunState(): void {
    const pending = runPending();
    const settled = wasRunPending && !pending;
    wasRunPending = pending;
    if (settled) for (const listener of [...settledListeners]) listener();
  }

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const created = options.createWorker();
    created.onmessage = (event) => {
      if (created === worker) heardAt = now();
      handleReply(created, event.data);
      armWatchdog();
      noteRunState();
    };
    created.onerror = (event) => {
      event.preventDefault?.();
      crash(created, event.message || 'the simulation engine failed to load or crashed');
    };
    created.onmessageerror = () => crash(created, 'a result could not be read');
    worker = created;
    return created;
  }

  function stopWorker(): void {
    disarmWatchdog();
    if (!worker) return;
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    worker.terminate();
    worker = null;
    unfinished.clear();
  }

  function disarmWatchdog(): void {
    if (watchdog !== null) clearTimer(watchdog);
    watchdog = null;
  }

  /**
   * The silence the worker is allowed now: the largest allowance among the jobs it may be busy
   * with (it works on one at a time and every job ends with a message), or Infinity when nothing
   * it works on is still wanted (a stale job is the supersede rule's business, not the watchdog's).
   */
  function allowanceNow(): number {
    if (live.size === 0 || unfinished.size === 0) return Infinity;
    let allowance = 0;
    for (const job of unfinished.values()) allowance = Math.max(allowance, job.allowanceMs);
    return allowance;
  }

  /** (Re)starts the watchdog's timer for the current allowance. */
  function armWatchdog(): void {
    disarmWatchdog();
    const allowance = allowanceNow();
    if (!Number.isFinite(allowance)) return;
    watchdog = setTimer(
      () => {
        watchdog = null;
        const silent = now() - heardAt;
        if (silent >= allowanceNow()) stalled(silent);
        else armWatchdog();
      },
      Math.max(0, heardAt + allowance - now()),
    );
  }

  /** The worker has been silent too long: restart it; retry each live request once. */
  function stalled(silentMs: number): void {
    stopWorker();
    slack = Math.min(STALL_SLACK_MAX, slack * 2);
    for (const entry of [...live.values()]) {
      if (entry.retried) {
        live.delete(entry.id);
        entry.handlers.onError?.(stallMessage(silentMs, true));
      } else {
        entry.retried = true;
        entry.handlers.onRestart?.(stallMessage(silentMs, false));
      }
    }
    // A handler may have submitted or stopped requests meanwhile: send only what is still wanted.
    for (const entry of live.values()) if (!unfinished.has(entry.id)) post(entry);
    noteRunState();
  }

  function crash(from: WorkerLike, reason: string): void {
    if (from !== worker) return;
    stopWorker();
    const victims = [...live.values()];
    live.clear();
    for (const entry of victims) entry.handlers.onError?.(`${reason}. ${CRASH_HINT}`);
    noteRunState();
  }

  function handleReply(from: WorkerLike, reply: WorkerReply): void {
    if (from !== worker || reply.type === 'alive') return; // a pulse only resets the watchdog
    if (reply.type === 'done' || reply.type === 'error') unfinished.delete(reply.id);
    const entry = live.get(reply.id);
    if (!entry) return; // superseded or cancelled: drop it
    switch (reply.type) {
      case 'progress':
        entry.handlers.onProgress?.(reply.fraction, reply.phase);
        break;
      case 'error':
        live.delete(reply.id);
        entry.handlers.onError?.(`The simulation failed: ${reply.message}`);
        break;
      case 'done':
        live.delete(reply.id);
        break;
      case 'result':
        if (reply.kind === 'run' && entry.kind === 'run') {
          const handlers = entry.handlers as RunHandlers;
          if (reply.role === 'main') handlers.onResult(reply.result, reply.elapsedMs);
          else handlers.onBaseline?.(reply.result);
        } else if (reply.kind === 'leanRun' && entry.kind === 'pool') {
          (entry.handlers as LeanRunHandlers).onResult(reply.run, reply.elapsedMs);
        } else if (reply.kind === 'limits' && entry.kind === 'grid') {
          const handlers = entry.handlers as LimitsHandlers;
          const count = { done: reply.done, total: reply.total, elapsedMs: reply.elapsedMs };
          if (reply.partial) handlers.onPartial?.(reply.result, count);
          else handlers.onResult(reply.result, count);
        }
        break;
    }
  }

  /** Cancels live requests of `kind`; restarts the worker if one of them has run too long. */
  function supersede(kind: Kind): void {
    for (const entry of [...live.values()]) {
      if (entry.kind !== kind) continue;
      live.delete(entry.id);
      worker?.postMessage({ type: 'cancel', id: entry.id });
    }
    const t = now();
    const stuck = [...unfinished.entries()].some(
      ([id, job]) => !live.has(id) && t - job.postedAt > restartAfterMs,
    );
    if (stuck) {
      stopWorker();
      // Requests of the other kind are still wanted: send them again to the fresh worker.
      for (const entry of live.values()) post(entry);
    }
  }

  function post(entry: Live): void {
    const target = ensureWorker();
    entry.postedAt = now();
    // An idle worker has nothing to answer for: its silence starts counting now.
    if (unfinished.size === 0) heardAt = entry.postedAt;
    unfinished.set(entry.id, {
      postedAt: entry.postedAt,
      allowanceMs: slack * allowanceOf(entry.request),
    });
    target.postMessage(entry.request);
    armWatchdog();
  }

  function submit(kind: Kind, build: (id: number) => JobRequest, handlers: Live['handlers']) {
    if (kind !== 'pool') supersede(kind);
    const id = nextId++;
    const entry: Live = { id, kind, request: build(id), postedAt: 0, handlers, retried: false };
    live.set(id, entry);
    post(entry);
    noteRunState();
    return id;
  }

  return {
    run(config, baseline, handlers) {
      return submit('run', (id) => ({ type: 'run', id, config, baseline }), handlers);
    },
    leanRun(config, handlers) {
      return submit('pool', (id) => ({ type: 'leanRun', id, config }), handlers);
    },
    limits(config, handlers) {
      return submit('grid', (id) => ({ type: 'limits', id, config }), handlers);
    },
    cancel(id) {
      if (!live.delete(id)) return;
      worker?.postMessage({ type: 'cancel', id });
      armWatchdog();
      noteRunState();
    },
    stop(id) {
      if (!live.delete(id)) return false;
      if (unfinished.has(id)) {
        stopWorker();
        for (const entry of live.values()) post(entry);
      } else {
        armWatchdog();
      }
      noteRunState();
      return true;
    },
    dispose() {
      live.clear();
      stopWorker();
      noteRunState();
    },
    runPending,
    onRunSettled(listener) {
      settledListeners.add(listener);
      return () => settledListeners.delete(listener);
    },
  };
}

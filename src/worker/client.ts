/**
 * The main-thread side of the simulation worker. Rules:
 * - a newer request supersedes every older one of the same kind (run or sweep): the older one is
 *   cancelled and any reply it still sends is dropped, so a stale result NEVER overwrites a newer one;
 * - an error thrown inside a simulation reaches that request's `onError` as a readable message;
 * - a crash of the worker itself (an uncaught error, an unreadable message) reaches every live
 *   request's `onError`, and the client starts a fresh worker for the next request;
 * - a superseded job that has already run longer than `restartAfterMs` is abandoned by restarting
 *   the worker (a synchronous simulation cannot be interrupted any other way), so the newest
 *   request does not wait behind a long stale one.
 */
import type { Config } from '../core/config';
import type { SimulationResult, SweepResult } from '../core/types';
import type { WorkerReply, WorkerRequest } from './protocol';

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
}

export interface RunHandlers extends ProgressHandlers {
  onResult(result: SimulationResult, elapsedMs: number): void;
  onBaseline?(result: SimulationResult): void;
}

export interface SweepHandlers extends ProgressHandlers {
  onResult(result: SweepResult, elapsedMs: number): void;
  /** the levels finished so far, while the sweep runs */
  onPartial?(result: SweepResult): void;
}

export interface SweepOptions {
  levels?: (number | string)[];
  seeds?: number[];
}

export interface SimClient {
  /** Runs `config` (and, if given, the no-defense `baseline`); supersedes any earlier run. */
  run(config: Config, baseline: Config | null, handlers: RunHandlers): number;
  /** Sweeps one knob; supersedes any earlier sweep. */
  sweep(config: Config, knob: string, options: SweepOptions, handlers: SweepHandlers): number;
  /** Abandons a request: its handlers are never called again. */
  cancel(id: number): void;
  /** Terminates the worker; later requests start a new one. */
  dispose(): void;
}

export interface ClientOptions {
  /** makes a worker; called again after a crash or a restart */
  createWorker(): WorkerLike;
  /** abandon (restart) a superseded job older than this many ms; default Infinity (never) */
  restartAfterMs?: number;
  /** milliseconds clock; default performance.now */
  now?: () => number;
}

type Kind = 'run' | 'sweep';

interface Live {
  id: number;
  kind: Kind;
  /** the message, kept so it can be re-sent to a restarted worker */
  request: WorkerRequest;
  postedAt: number;
  handlers: RunHandlers | SweepHandlers;
}

const CRASH_HINT =
  'The lab restarted its simulation engine; change a setting or press Run to retry.';

export function createSimClient(options: ClientOptions): SimClient {
  const now = options.now ?? (() => performance.now());
  const restartAfterMs = options.restartAfterMs ?? Infinity;
  let worker: WorkerLike | null = null;
  let nextId = 1;
  /** requests whose replies are still wanted, by id (at most one per kind) */
  const live = new Map<number, Live>();
  /** requests the worker may still be busy with (superseded ones included), by id */
  const unfinished = new Map<number, number>();

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const created = options.createWorker();
    created.onmessage = (event) => handleReply(created, event.data);
    created.onerror = (event) => {
      event.preventDefault?.();
      crash(created, event.message || 'the simulation engine failed to load or crashed');
    };
    created.onmessageerror = () => crash(created, 'a result could not be read');
    worker = created;
    return created;
  }

  function stopWorker(): void {
    if (!worker) return;
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    worker.terminate();
    worker = null;
    unfinished.clear();
  }

  function crash(from: WorkerLike, reason: string): void {
    if (from !== worker) return;
    stopWorker();
    const victims = [...live.values()];
    live.clear();
    for (const entry of victims) entry.handlers.onError?.(`${reason}. ${CRASH_HINT}`);
  }

  function handleReply(from: WorkerLike, reply: WorkerReply): void {
    if (from !== worker) return;
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
        } else if (reply.kind === 'sweep' && entry.kind === 'sweep') {
          const handlers = entry.handlers as SweepHandlers;
          if (reply.partial) handlers.onPartial?.(reply.result);
          else handlers.onResult(reply.result, reply.elapsedMs);
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
      ([id, postedAt]) => !live.has(id) && t - postedAt > restartAfterMs,
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
    unfinished.set(entry.id, entry.postedAt);
    target.postMessage(entry.request);
  }

  function submit(kind: Kind, build: (id: number) => WorkerRequest, handlers: Live['handlers']) {
    supersede(kind);
    const id = nextId++;
    const entry: Live = { id, kind, request: build(id), postedAt: 0, handlers };
    live.set(id, entry);
    post(entry);
    return id;
  }

  return {
    run(config, baseline, handlers) {
      return submit('run', (id) => ({ type: 'run', id, config, baseline }), handlers);
    },
    sweep(config, knob, sweepOptions, handlers) {
      return submit(
        'sweep',
        (id) => ({ type: 'sweep', id, config, knob, ...sweepOptions }),
        handlers,
      );
    },
    cancel(id) {
      if (!live.delete(id)) return;
      worker?.postMessage({ type: 'cancel', id });
    },
    dispose() {
      live.clear();
      stopWorker();
    },
  };
}

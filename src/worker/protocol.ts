/**
 * Typed messages between the page and the simulation worker. Every request carries an id chosen by
 * the client; every reply names the request it answers, so the client can drop replies to requests
 * a newer one has superseded. Payloads are plain structured-clonable data (Config, results with
 * typed arrays), never functions.
 */
import type { Config } from '../core/config';
import { KIND_BY_ID } from '../core/registry/meta';
import type { LimitGridResult } from '../core/limitGrid';
import type { SimulationResult } from '../core/types';
import type { LevelRun } from '../core/sweepSummary';

/** Run one simulation; with `baseline`, also run the same config with every defense off. */
export interface RunRequest {
  type: 'run';
  id: number;
  config: Config;
  /** the no-defense config to simulate after the main result is posted, if any */
  baseline: Config | null;
}

/** The "limits against accounts" grid around a config (src/core/limitGrid.ts). */
export interface LimitsRequest {
  type: 'limits';
  id: number;
  config: Config;
}

/**
 * Simulate one config lean (no maps) and reply with what a sweep keeps of it: one run of a sweep
 * split over a pool of workers (src/worker/pool.ts). Queued behind runs; unlike the other kinds,
 * a newer one does not drop a queued one (the pool keeps several in flight), only a cancel does.
 */
export interface LeanRunRequest {
  type: 'leanRun';
  id: number;
  config: Config;
}

/** Drop a queued request (a running one finishes, and its reply is ignored by the client). */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type WorkerRequest = RunRequest | LimitsRequest | LeanRunRequest | CancelRequest;

export interface ProgressReply {
  type: 'progress';
  id: number;
  fraction: number;
  phase: string;
}

export interface RunResultReply {
  type: 'result';
  kind: 'run';
  id: number;
  /** 'main' is the requested config; 'baseline' the no-defense comparison */
  role: 'main' | 'baseline';
  result: SimulationResult;
  /** milliseconds the simulation took inside the worker */
  elapsedMs: number;
}

/** The run of a LeanRunRequest. */
export interface LeanRunReply {
  type: 'result';
  kind: 'leanRun';
  id: number;
  run: LevelRun;
  /** milliseconds the simulation took inside the worker */
  elapsedMs: number;
}

/** Progress of a stepped job: simulations done of all it needs, and ms spent so far. */
export interface StepCount {
  done: number;
  total: number;
  elapsedMs: number;
}

/** The limits grid, as far as it has got (sent after each simulation). */
export interface LimitsResultReply extends StepCount {
  type: 'result';
  kind: 'limits';
  id: number;
  partial: boolean;
  result: LimitGridResult;
}

export interface ErrorReply {
  type: 'error';
  id: number;
  /** readable message for the page */
  message: string;
}

/** Sent once the worker has finished every part of a request (after the baseline, if any). */
export interface DoneReply {
  type: 'done';
  id: number;
}

/**
 * A sign of life while the worker computes (src/core/pulse.ts), at most about once a second; it
 * belongs to no request and only tells the client's watchdog that the worker is still working.
 */
export interface AliveReply {
  type: 'alive';
}

export type WorkerReply =
  | AliveReply
  | ProgressReply
  | RunResultReply
  | LeanRunReply
  | LimitsResultReply
  | ErrorReply
  | DoneReply;

/**
 * The ArrayBuffers inside a result, each once (a repeated buffer would make postMessage throw).
 * Transferring them moves megabytes of grids without copying; `keep` lists buffers the worker
 * still needs (e.g. a cached victim map) and that must be cloned instead.
 */
export function resultTransferables(
  result: SimulationResult,
  keep: ReadonlySet<ArrayBufferLike> = new Set(),
): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    result.queries.inputs,
    result.queries.status,
    result.queries.servedLabel,
    result.queries.watermarked,
    result.queries.account,
    result.queries.day,
    ...(KIND_BY_ID.get(result.kind)?.transferables(result) ?? []),
  ];
  const out = new Set<ArrayBuffer>();
  for (const view of arrays) {
    const buffer = view.buffer;
    if (!(buffer instanceof ArrayBuffer) || keep.has(buffer) || buffer.byteLength === 0) continue;
    out.add(buffer);
  }
  return [...out];
}

/** A readable one-line message for anything thrown inside the worker. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'unknown error';
}

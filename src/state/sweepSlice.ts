/**
 * The store's sweeps (one knob's levels), the "Every defense" batch and the limits-against-accounts
 * grid: their state and actions, spread into the lab's store (src/state/store.ts) as a zustand
 * slice. Each entry keeps its last result while a newer one computes, so a chart never blanks.
 */
import type { LimitGridResult } from '../core/limitGrid';
import type { SweepResult } from '../core/types';
import type { Progress, RunStatus } from './store';

export const IDLE_PROGRESS: Progress = { fraction: 0, phase: '' };

/** One knob's sweep: its status, progress and its levels so far. */
export interface SweepEntry {
  status: RunStatus;
  progress: Progress;
  result: SweepResult | null;
  error: string | null;
}

/** Simulations done of all a stepped job needs, and the ms it has taken so far. */
export interface StepProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

/** The "Every defense" batch: one progress over every knob it sweeps. */
export interface BatchEntry extends StepProgress {
  status: RunStatus;
  knobs: readonly string[];
  /** the level just run, e.g. "Rate limit 200/day" */
  phase: string;
  error: string | null;
}

/** The limits-against-accounts grid (src/core/limitGrid.ts). */
export interface LimitsEntry extends StepProgress {
  status: RunStatus;
  result: LimitGridResult | null;
  error: string | null;
}

/** The part of the lab's state this slice owns. */
export interface SweepState {
  /** sweep results by knob name */
  sweeps: Readonly<Record<string, SweepEntry>>;
  /** the last batch of sweeps ("Every defense"), null before the first */
  batch: BatchEntry | null;
  /** the limits-against-accounts grid, null before the first */
  limits: LimitsEntry | null;
}

/** What the runner (src/state/runner.ts) tells the store about sweeps, batches and the grid. */
export interface SweepActions {
  sweepStarted(knob: string): void;
  sweepProgress(knob: string, fraction: number, phase: string): void;
  /** The levels of a running sweep finished so far. */
  sweepPartial(result: SweepResult): void;
  sweepFinished(result: SweepResult): void;
  sweepFailed(knob: string, message: string): void;
  /** A sweep was superseded before it finished: it stops showing as running (partial levels stay). */
  sweepCancelled(knob: string): void;
  /** A batch of sweeps started over `knobs`. */
  batchStarted(knobs: readonly string[]): void;
  /** Every knob of the running batch so far. */
  batchPartial(results: readonly SweepResult[], count: StepProgress, phase: string): void;
  batchFinished(results: readonly SweepResult[], count: StepProgress): void;
  batchFailed(message: string): void;
  /** A newer sweep superseded the batch: it stops showing as running (its levels stay). */
  batchCancelled(): void;
  limitsStarted(): void;
  limitsPartial(result: LimitGridResult, count: StepProgress): void;
  limitsFinished(result: LimitGridResult, count: StepProgress): void;
  limitsFailed(message: string): void;
}

/** The slice's actions over the store's `set` and `get`. */
export function sweepActions(
  set: (partial: Partial<SweepState>) => void,
  get: () => SweepState,
): SweepActions {
  return {
    sweepStarted(knob) {
      const entry = { ...sweepEntry(get().sweeps[knob], 'running'), progress: IDLE_PROGRESS };
      set({ sweeps: { ...get().sweeps, [knob]: entry } });
    },
    sweepProgress(knob, fraction, phase) {
      const entry = sweepEntry(get().sweeps[knob], 'running');
      set({ sweeps: { ...get().sweeps, [knob]: { ...entry, progress: { fraction, phase } } } });
    },
    sweepPartial(result) {
      const entry = { ...sweepEntry(get().sweeps[result.knob], 'running'), result };
      set({ sweeps: { ...get().sweeps, [result.knob]: entry } });
    },
    sweepFinished(result) {
      const entry: SweepEntry = {
        status: 'done',
        progress: { fraction: 1, phase: 'done' },
        result,
        error: null,
      };
      set({ sweeps: { ...get().sweeps, [result.knob]: entry } });
    },
    sweepFailed(knob, message) {
      const entry = { ...sweepEntry(get().sweeps[knob], 'error'), error: message };
      set({ sweeps: { ...get().sweeps, [knob]: entry } });
    },

    sweepCancelled(knob) {
      const entry = get().sweeps[knob];
      if (!entry || entry.status !== 'running') return;
      set({ sweeps: { ...get().sweeps, [knob]: { ...entry, status: 'idle' } } });
    },

    batchStarted(knobs) {
      const sweeps = { ...get().sweeps };
      for (const knob of knobs) sweeps[knob] = { ...sweepEntry(sweeps[knob], 'running') };
      set({
        sweeps,
        batch: {
          status: 'running',
          knobs: [...knobs],
          done: 0,
          total: 0,
          elapsedMs: 0,
          phase: '',
          error: null,
        },
      });
    },
    batchPartial(results, count, phase) {
      const batch = get().batch;
      if (!batch) return;
      const sweeps = { ...get().sweeps };
      for (const result of results)
        sweeps[result.knob] = { ...sweepEntry(sweeps[result.knob], 'running'), result };
      set({ sweeps, batch: { ...batch, ...count, phase } });
    },
    batchFinished(results, count) {
      const batch = get().batch;
      const sweeps = { ...get().sweeps };
      for (const result of results)
        sweeps[result.knob] = {
          status: 'done',
          progress: { fraction: 1, phase: 'done' },
          result,
          error: null,
        };
      set({
        sweeps,
        batch: batch ? { ...batch, ...count, status: 'done', phase: 'done' } : null,
      });
    },
    batchFailed(message) {
      const batch = get().batch;
      if (!batch) return;
      const sweeps = { ...get().sweeps };
      for (const knob of batch.knobs)
        sweeps[knob] = { ...sweepEntry(sweeps[knob], 'error'), error: message };
      set({ sweeps, batch: { ...batch, status: 'error', error: message } });
    },
    batchCancelled() {
      const batch = get().batch;
      if (!batch || batch.status !== 'running') return;
      const sweeps = { ...get().sweeps };
      for (const knob of batch.knobs) {
        const entry = sweeps[knob];
        if (entry?.status === 'running') sweeps[knob] = { ...entry, status: 'idle' };
      }
      set({ sweeps, batch: { ...batch, status: 'idle' } });
    },
    limitsStarted() {
      set({
        limits: {
          status: 'running',
          result: get().limits?.result ?? null,
          done: 0,
          total: 0,
          elapsedMs: 0,
          error: null,
        },
      });
    },
    limitsPartial(result, count) {
      set({ limits: { status: 'running', result, ...count, error: null } });
    },
    limitsFinished(result, count) {
      set({ limits: { status: 'done', result, ...count, error: null } });
    },
    limitsFailed(message) {
      const limits = get().limits;
      set({
        limits: {
          status: 'error',
          result: limits?.result ?? null,
          done: limits?.done ?? 0,
          total: limits?.total ?? 0,
          elapsedMs: limits?.elapsedMs ?? 0,
          error: message,
        },
      });
    },
  };
}

function sweepEntry(entry: SweepEntry | undefined, status: RunStatus): SweepEntry {
  return {
    status,
    progress: entry?.progress ?? IDLE_PROGRESS,
    result: entry?.result ?? null,
    error: null,
  };
}

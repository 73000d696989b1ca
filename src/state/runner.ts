/**
 * Connects the store to the simulation clients: every config change re-runs the lab (the first
 * change of a burst at once, later ones coalesced into one trailing run every `intervalMs`), and
 * results, progress and failures flow back into the store. The clients live outside the store,
 * which stays plain data; this module owns no DOM either (timers are injected for tests).
 */
import type { SimClient } from '../worker/client';
import type { SweepClient } from '../worker/pool';
import type { RunEstimator } from '../worker/estimate';
import { hasDefense, sameConfig, withoutDefenses, type LabStore } from './store';

export interface RunnerOptions {
  /** client for single runs (the live lab) */
  runs: SimClient;
  /** client for sweeps (a pool of workers, src/worker/pool.ts) */
  sweeps: Pick<SweepClient, 'sweep' | 'sweepBatch' | 'limits'>;
  /** minimum milliseconds between two automatic runs during a burst of changes (default 50) */
  intervalMs?: number;
  /** re-run when the config changes (default true) */
  auto?: boolean;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
  /** called as each run's result arrives, before the store updates (performance marks) */
  onResultArrived?: (elapsedMs: number) => void;
  /**
   * The cost model with what the worker holds (src/worker/estimate.ts): the store shows each
   * run's estimate while it computes. Default: no estimate.
   */
  estimator?: RunEstimator;
}

export interface Runner {
  /** Runs the current config now (the Run button). */
  runNow(): void;
  /**
   * Stops the running run (the Cancel button): its worker is terminated and restarted, the
   * previous result stays on screen marked as from the previous settings. False if none runs.
   */
  cancelRun(): boolean;
  /** Sweeps one knob over its built-in grid around the current config. */
  sweep(knob: string, levels?: (number | string)[]): void;
  /**
   * Sweeps several knobs as one batch (src/core/sweepBatch.ts: every knob coarse first, then
   * refined; one progress over all of them). A new sweep or batch supersedes it.
   */
  sweepAll(knobs: readonly string[]): void;
  /** Computes the limits-against-accounts grid around the current config (its own lane). */
  limits(): void;
  dispose(): void;
}

export function connectRunner(store: LabStore, options: RunnerOptions): Runner {
  const intervalMs = options.intervalMs ?? 50;
  const setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer =
    options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const now = options.now ?? (() => performance.now());
  let lastRunAt = -Infinity;
  let timer: unknown = null;
  /** the knob being swept alone, if any */
  let sweeping: string | null = null;
  /** the request id of the run in progress, if any */
  let running: number | null = null;
  const forgetWarmVictims = () => options.estimator?.restarted();

  function runNow(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
    lastRunAt = now();
    const state = store.getState();
    const config = state.config;
    const bare = withoutDefenses(config);
    // The comparison run is only needed when a defense is on and the one we hold is for another attack.
    const needBaseline = hasDefense(config) && !sameConfig(state.baseline?.config, bare);
    const baseline = needBaseline ? bare : null;
    state.runStarted(options.estimator?.estimateMs(config, baseline) ?? null);
    const id = options.runs.run(config, baseline, {
      onProgress: (fraction, phase) => store.getState().runProgress(fraction, phase),
      onResult: (result, elapsedMs) => {
        if (running === id) running = null;
        options.estimator?.finished(config);
        options.onResultArrived?.(elapsedMs);
        store.getState().runFinished(result);
        // The lab has recovered: an engine notice (crash, restart) no longer applies.
        store.getState().dismissNoticesOf('worker');
      },
      onBaseline: (result) => store.getState().baselineFinished(result),
      onRestart: (message) => {
        forgetWarmVictims();
        store.getState().runRestarted();
        store.getState().addNotice({ kind: 'worker', level: 'info', message, details: [] });
      },
      onError: (message) => {
        if (running === id) running = null;
        forgetWarmVictims();
        store.getState().runFailed(message);
        store
          .getState()
          .addNotice({ kind: 'worker', level: 'error', message: message, details: [] });
      },
    });
    running = id;
  }

  function cancelRun(): boolean {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (running === null) return false;
    const id = running;
    running = null;
    // Stopping the worker loses its victims (and, on a shared worker, restarts the sweep).
    if (options.runs.stop(id)) forgetWarmVictims();
    store.getState().runCancelled();
    return true;
  }

  /** Leading-edge throttle: run at once if the last run is old enough, else once at the end. */
  function schedule(): void {
    if (timer !== null) return;
    const wait = lastRunAt + intervalMs - now();
    if (wait <= 0) runNow();
    else timer = setTimer(runNow, wait);
  }

  const unsubscribe =
    options.auto === false
      ? () => {}
      : store.subscribe((state, previous) => {
          if (state.config !== previous.config) schedule();
        });

  function startSweep(knob: string, levels?: (number | string)[]): void {
    const config = store.getState().config;
    // The client supersedes the running sweep or batch; mark it as no longer running.
    if (sweeping !== null && sweeping !== knob) store.getState().sweepCancelled(sweeping);
    store.getState().batchCancelled();
    sweeping = knob;
    store.getState().sweepStarted(knob);
    options.sweeps.sweep(config, knob, levels ? { levels } : {}, {
      onProgress: (fraction, phase) => store.getState().sweepProgress(knob, fraction, phase),
      onPartial: (result) => store.getState().sweepPartial(result),
      onResult: (result) => {
        sweeping = null;
        store.getState().sweepFinished(result);
      },
      onError: (message) => {
        sweeping = null;
        store.getState().sweepFailed(knob, message);
      },
    });
  }

  function startBatch(knobs: readonly string[]): void {
    const config = store.getState().config;
    if (sweeping !== null) store.getState().sweepCancelled(sweeping);
    sweeping = null;
    store.getState().batchCancelled();
    store.getState().batchStarted(knobs);
    options.sweeps.sweepBatch(
      config,
      knobs,
      {},
      {
        onPartial: (results, count, phase) => store.getState().batchPartial(results, count, phase),
        onResult: (results, count) => store.getState().batchFinished(results, count),
        onError: (message) => store.getState().batchFailed(message),
      },
    );
  }

  function startLimits(): void {
    store.getState().limitsStarted();
    options.sweeps.limits(store.getState().config, {
      onPartial: (result, count) => store.getState().limitsPartial(result, count),
      onResult: (result, count) => store.getState().limitsFinished(result, count),
      onError: (message) => store.getState().limitsFailed(message),
    });
  }

  return {
    runNow,
    cancelRun,
    sweep(knob, levels) {
      startSweep(knob, levels);
    },
    sweepAll(knobs) {
      if (knobs.length > 0) startBatch(knobs);
    },
    limits: startLimits,
    dispose() {
      unsubscribe();
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}

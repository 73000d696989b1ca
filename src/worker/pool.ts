/**
 * Sweeps over a pool of simulation workers. A sweep (one knob) or a batch ("Every defense") is
 * planned on the main thread (src/core/sweepPlan.ts: its distinct simulations, shared configs run
 * once); each worker is kept busy with `depth` lean runs in flight (LeanRunRequest), and whichever
 * worker is free takes the next run in plan order. Results come back in any order; the assembly
 * sums each level's runs in seed order, so the frontier is the same to the bit with 1 or N workers
 * (test/worker/pool.test.ts).
 *
 * The planner (src/core/sweepPlan.ts, with d3-array's sums) loads with the first sweep, not with
 * the page: the initial JavaScript stays as it was.
 *
 * How many workers (`sweepWorkerCount`): one thread per core, less one for the page's own thread,
 * and the run worker is one of them. A person's run goes first:
 * - on its own worker, serve.ts queues runs ahead of lean runs, so a run waits for at most the one
 *   lean run that worker is busy with;
 * - on the other workers (`runGate`), no new lean run starts while the run is pending: the lean
 *   runs they already hold finish, then they wait. Otherwise the run shares the cores with the
 *   sweep the page starts at load, and, where the browser counts more cores than the page may
 *   use, with many workers: Firefox counts every core of the machine even when the process may
 *   use only two (it ignores the CPU affinity mask; Chromium does not). On this 2-core machine,
 *   Firefox 153 told 16 cores, with one core busy elsewhere, showed a fully defended run's result
 *   after 14.5 s without the gate and 1.9 s with it (test/e2e/pool.spec.ts checks the order).
 */
import type { Config } from '../core/config';
import type { PlanOptions, SweepAssembly, SweepPlan } from '../core/sweepPlan';
import type { SweepResult } from '../core/types';
import type { LimitsHandlers, ProgressHandlers, RunWatch, SimClient } from './client';
import type { StepCount } from './protocol';

export interface SweepHandlers extends ProgressHandlers {
  onResult(result: SweepResult, elapsedMs: number): void;
  /** the levels finished so far, while the sweep runs */
  onPartial?(result: SweepResult): void;
}

export interface BatchHandlers extends ProgressHandlers {
  /** every knob so far, after each simulation (`count`: simulations done, of all, and ms) */
  onPartial?(results: SweepResult[], count: StepCount, phase: string): void;
  onResult(results: SweepResult[], count: StepCount): void;
}

export interface SweepOptions {
  levels?: (number | string)[];
  seeds?: number[];
}

/** What the runner asks of its sweep client (src/state/runner.ts). */
export interface SweepClient {
  /** Sweeps one knob; supersedes any earlier sweep or batch. */
  sweep(config: Config, knob: string, options: SweepOptions, handlers: SweepHandlers): number;
  /** Sweeps several knobs as one batch (coarse first); supersedes any earlier sweep or batch. */
  sweepBatch(
    config: Config,
    knobs: readonly string[],
    options: SweepOptions,
    handlers: BatchHandlers,
  ): number;
  /** The limits-against-accounts grid; supersedes any earlier grid. */
  limits(config: Config, handlers: LimitsHandlers): number;
  dispose(): void;
}

/**
 * Workers for sweeps on a machine with `cores` logical cores (navigator.hardwareConcurrency):
 * every core but one, the first of them also the run worker.
 * - One core is left to the page: the main thread draws the partial frontiers and answers the
 *   person; with every core busy in workers it gets long tasks (measured on this 2-core machine
 *   with two busy workers: test/e2e/pool.spec.ts).
 * - Runs share the first worker instead of having one of their own: a dedicated run worker idles
 *   almost always, and when it does run it would take the page's core. Sharing costs a run at most
 *   one lean sweep run of waiting (~50-100 ms at default settings), only while a sweep runs.
 * - On 2 cores this gives one worker for everything, as before the pool.
 * @param cores logical cores (undefined or 0 when the browser does not say: taken as 2)
 */
export function sweepWorkerCount(cores: number | undefined): number {
  const known = cores && cores > 0 ? Math.floor(cores) : 2;
  return Math.max(1, known - 1);
}

/** The planning module (loaded on demand). */
export type Planner = typeof import('../core/sweepPlan');

export interface PoolOptions {
  /** the planner, if already loaded (tests); by default imported with the first sweep */
  planner?: Planner;
  /** one client per worker; the first may be the run client (runs go first on its worker) */
  clients: readonly SimClient[];
  /**
   * The run client's watch: while it has a run pending, workers other than the first take no new
   * lean run (the run gets the cores); they go on when it settles.
   */
  runGate?: RunWatch;
  /** lean runs in flight per worker, so none waits on the page between runs (default 2) */
  depth?: number;
  /** least ms between two partial reports to the page (default 100); the final one is at once */
  reportEveryMs?: number;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** A sweep or batch in progress on the pool. */
interface Job {
  plan: SweepPlan;
  assembly: SweepAssembly;
  startedAt: number;
  /** index of the next run to hand out */
  next: number;
  /** request ids in flight, by client index */
  inFlight: Set<number>[];
  /** the phase of the run that finished last */
  phase: string;
  /** finished levels last reported (single sweeps) */
  reportedLevels: number;
  /** reports the state so far; `final` once every run is in */
  report(final: boolean): void;
  fail(message: string): void;
}

/** Creates the pool; workers start when their client first gets work. */
export function createSweepPool(options: PoolOptions): SweepClient {
  const clients = options.clients;
  if (clients.length === 0) throw new Error('a sweep pool needs at least one worker');
  const depth = options.depth ?? 2;
  const reportEveryMs = options.reportEveryMs ?? 100;
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer =
    options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let planner: Planner | null = options.planner ?? null;
  let loading: Promise<Planner> | null = null;
  let job: Job | null = null;
  let timer: unknown = null;
  let lastReport = -Infinity;

  function stopJob(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (!job) return;
    job.inFlight.forEach((ids, k) => {
      for (const id of ids) clients[k]!.cancel(id);
    });
    job = null;
  }

  /** Reports at once if the last report is old enough, else once when it is. */
  function reportSoon(current: Job): void {
    if (timer !== null) return;
    const wait = lastReport + reportEveryMs - now();
    const fire = () => {
      timer = null;
      if (job !== current) return;
      lastReport = now();
      current.report(false);
    };
    if (wait <= 0) fire();
    else timer = setTimer(fire, wait);
  }

  /** Gives worker `k` the current job's next runs until it has `limit` in flight. */
  function feed(current: Job, k: number, limit = depth): void {
    if (k > 0 && options.runGate?.runPending()) return; // held until the run settles
    const client = clients[k]!;
    const ids = current.inFlight[k]!;
    const { assembly } = current;
    while (job === current && ids.size < limit && current.next < current.plan.runs.length) {
      const index = current.next++;
      const planned = current.plan.runs[index]!;
      const id = client.leanRun(planned.config, {
        onResult: (run) => {
          ids.delete(id);
          if (job !== current) return;
          assembly.add(index, run);
          current.phase = planned.phase;
          if (assembly.done === current.plan.runs.length) {
            if (timer !== null) clearTimer(timer);
            timer = null;
            job = null;
            current.report(true);
            return;
          }
          reportSoon(current);
          feed(current, k);
        },
        onError: (message) => {
          ids.delete(id);
          if (job !== current) return;
          stopJob();
          current.fail(message);
        },
      });
      ids.add(id);
    }
  }

  let jobs = 0;

  /** Starts a job (superseding the one running), once the planner is loaded; returns its number. */
  function start(
    build: (lib: Planner) => SweepPlan,
    report: (job: Job, final: boolean) => void,
    fail: (message: string) => void,
  ): number {
    stopJob();
    const number = ++jobs;
    const failWith = (error: unknown) =>
      fail(`The simulation failed: ${error instanceof Error ? error.message : String(error)}`);
    if (planner) begin(planner, build, report, fail, failWith);
    else {
      loading ??= import('../core/sweepPlan');
      loading.then(
        (lib) => {
          planner = lib;
          // a newer sweep (or dispose) since: this one is no longer wanted
          if (number === jobs) begin(lib, build, report, fail, failWith);
        },
        (error: unknown) => {
          loading = null;
          if (number === jobs) failWith(error);
        },
      );
    }
    return number;
  }

  function begin(
    lib: Planner,
    build: (lib: Planner) => SweepPlan,
    report: (job: Job, final: boolean) => void,
    fail: (message: string) => void,
    failWith: (error: unknown) => void,
  ): void {
    let plan: SweepPlan;
    try {
      plan = build(lib);
    } catch (error) {
      failWith(error);
      return;
    }
    const current: Job = {
      plan,
      assembly: lib.assembleSweeps(plan),
      startedAt: now(),
      next: 0,
      inFlight: clients.map(() => new Set<number>()),
      phase: '',
      reportedLevels: 0,
      report: (final) => report(current, final),
      fail,
    };
    job = current;
    lastReport = -Infinity;
    if (plan.runs.length === 0) {
      job = null;
      current.report(true);
      return;
    }
    feedAll(current);
  }

  /** One run to each worker first, so every worker starts at once, then up to `depth` each. */
  function feedAll(current: Job): void {
    for (let limit = 1; limit <= depth; limit++) clients.forEach((_, k) => feed(current, k, limit));
  }

  const unwatch = options.runGate?.onRunSettled(() => {
    if (job) feedAll(job);
  });

  const planOptions = (options: SweepOptions): PlanOptions =>
    options.seeds ? { seeds: options.seeds } : {};

  return {
    sweep(config: Config, knob: string, sweepOptions: SweepOptions, handlers: SweepHandlers) {
      return start(
        (lib) =>
          lib.planSweeps(config, [knob], {
            ...planOptions(sweepOptions),
            order: 'levels',
            ...(sweepOptions.levels ? { levels: new Map([[knob, sweepOptions.levels]]) } : {}),
          }),
        (current, final) => {
          const elapsed = now() - current.startedAt;
          const result = current.assembly.finishedLevels(0);
          if (final) {
            handlers.onProgress?.(1, 'done');
            handlers.onResult(result, elapsed);
            return;
          }
          handlers.onProgress?.(current.assembly.done / current.plan.runs.length, current.phase);
          if (result.levels.length > current.reportedLevels) {
            current.reportedLevels = result.levels.length;
            handlers.onPartial?.(result);
          }
        },
        (message) => handlers.onError?.(message),
      );
    },
    sweepBatch(config: Config, knobs: readonly string[], sweepOptions, handlers: BatchHandlers) {
      return start(
        (lib) => lib.planSweeps(config, knobs, planOptions(sweepOptions)),
        (current, final) => {
          const { assembly } = current;
          const count = {
            done: assembly.done,
            total: current.plan.runs.length,
            elapsedMs: now() - current.startedAt,
          };
          if (final) handlers.onResult(assembly.results(), count);
          else handlers.onPartial?.(assembly.results(), count, current.phase);
        },
        (message) => handlers.onError?.(message),
      );
    },
    limits(config: Config, handlers: LimitsHandlers) {
      // the grid on the last worker: with more than one, not the run worker
      return clients[clients.length - 1]!.limits(config, handlers);
    },
    dispose() {
      unwatch?.();
      stopJob();
      jobs++;
      for (const client of new Set(clients)) client.dispose();
    },
  };
}

/**
 * Sweeps over worker threads in Node (the bench; the CLI could use it too): the plan of
 * src/core/sweepPlan.ts, each free thread taking the next run in plan order, the results
 * assembled in a fixed order, so the output is the same to the bit as one thread's
 * (test/cli/threadPool.test.ts). The Node side of the page's pool (src/worker/pool.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assembleSweeps, type SweepPlan } from '../core/sweepPlan';
import type { LevelRun } from '../core/sweepSummary';
import type { SweepResult } from '../core/types';

/**
 * The thread's first lines: the lab runs from source under tsx, whose loader a worker thread
 * does not inherit, so the thread registers it before importing ./sweepThread.ts.
 */
const THREAD_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(
    new URL('./sweepThread.ts', import.meta.url).href,
  )}); })`;

/** Threads for a sweep in Node: every core (no page thread to leave free here). */
export function threadCount(cores: number = availableParallelism()): number {
  return Math.max(1, Math.floor(cores));
}

export interface ThreadPoolOptions {
  /** worker threads (default threadCount()) */
  threads?: number;
  /** files under public/ the runs need, sent to each thread once */
  assets?: ReadonlyMap<string, ArrayBuffer>;
  /** called after each run with the runs done so far */
  onRun?: (done: number) => void;
}

/**
 * Runs every simulation of `plan` on worker threads and assembles the results.
 * @param plan from planSweeps (src/core/sweepPlan.ts)
 * @returns every knob's SweepResult, as createSweepBatch's results() at the end
 */
export async function runPlanInThreads(
  plan: SweepPlan,
  options: ThreadPoolOptions = {},
): Promise<SweepResult[]> {
  const assembly = assembleSweeps(plan);
  const total = plan.runs.length;
  const count = Math.min(options.threads ?? threadCount(), Math.max(1, total));
  const workers = Array.from(
    { length: count },
    () =>
      new Worker(THREAD_BOOT, {
        eval: true,
        workerData: { assets: [...(options.assets ?? [])] },
      }),
  );
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      if (total === 0) return resolve();
      const give = (worker: Worker) => {
        const index = next++;
        const run = plan.runs[index];
        if (run) worker.postMessage({ index, config: run.config });
      };
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('message', (reply: { index: number; run?: LevelRun; error?: string }) => {
          if (reply.error !== undefined || !reply.run)
            return reject(new Error(`run ${reply.index}: ${reply.error ?? 'no result'}`));
          assembly.add(reply.index, reply.run);
          options.onRun?.(assembly.done);
          if (assembly.done === total) resolve();
          else give(worker);
        });
        give(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return assembly.results();
}

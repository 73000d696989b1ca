/**
 * One worker thread of the Node sweep pool (./threadPool.ts): simulates the configs it is sent,
 * lean, with its own victim cache and its own instance of the WebAssembly kernels, and posts back
 * what a sweep keeps of each run. The Node counterpart of the page's worker (src/worker/).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../core/config';
import { createVictimCache, simulate } from '../core/simulate';
import { levelRun } from '../core/sweepSummary';
import { installNodeKernels } from './kernels';

/** A run to do: its index in the plan and its config. */
export interface ThreadTask {
  index: number;
  config: Config;
}

if (parentPort) {
  const port = parentPort;
  installNodeKernels();
  const victimCache = createVictimCache();
  const assets = new Map<string, ArrayBuffer>(
    (workerData as { assets?: [string, ArrayBuffer][] } | null)?.assets ?? [],
  );
  port.on('message', (task: ThreadTask) => {
    try {
      const run = levelRun(simulate(task.config, { victimCache, assets, lean: true }));
      port.postMessage({ index: task.index, run });
    } catch (error) {
      port.postMessage({ index: task.index, error: String(error) });
    }
  });
}

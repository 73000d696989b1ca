/**
 * The simulation worker: thin glue between the page and src/core. It keeps one VictimCache for
 * its lifetime, bounded to the VICTIM_CACHE_LIMIT most recently used victims (training the victim is the slowest step and most changes leave it alone; while the
 * page is idle it trains the victims of the other datasets ahead of time), runs
 * requests through the queue of ./serve.ts, and transfers the result's typed arrays instead of
 * copying them. All simulation work happens here, never on the main thread.
 */
import { prepareVictim, simulate } from '../core/simulate';
import { createLimitGrid } from '../core/limitGrid';
import { levelRun } from '../core/sweepSummary';
import { loadAssets, requestAssets, siteRoot } from './assets';
import { resultTransferables, type WorkerReply, type WorkerRequest } from './protocol';
import { BoundedCache, VICTIM_CACHE_LIMIT } from './boundedCache';
import { createPrewarmer } from './prewarm';
import { createRequestLoop } from './serve';
import { installWorkerKernels } from './kernels';
import { setPulseListener } from '../core/pulse';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const victimCache = new BoundedCache<unknown>(VICTIM_CACHE_LIMIT);
/** files under public/ fetched so far (the chat teacher's weights), by path */
const assets = new Map<string, ArrayBuffer>();
const root = siteRoot(scope.location.href, import.meta.env.DEV);

const handle = createRequestLoop({
  post: (reply: WorkerReply, transfer) => scope.postMessage(reply, transfer),
  runSimulation: (config, onProgress) => simulate(config, { onProgress, victimCache, assets }),
  runLean: (config) => levelRun(simulate(config, { victimCache, assets, lean: true })),
  startSteps: (request) => {
    const grid = createLimitGrid(request.config, { victimCache, assets });
    return {
      step: () => grid.step(),
      reply: (id, partial, elapsedMs) => ({
        type: 'result',
        kind: 'limits',
        id,
        partial,
        result: grid.result(),
        done: grid.done,
        total: grid.total,
        elapsedMs,
      }),
    };
  },
  transferablesOf: (result) => resultTransferables(result),
  schedule: (callback) => setTimeout(callback, 0),
  now: () => performance.now(),
  idleWork: createPrewarmer(victimCache, prepareVictim),
  later: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
});

/** Least time between two 'alive' messages (ms): often enough for the watchdog, cheap to send. */
const ALIVE_INTERVAL_MS = 1000;
let aliveAt = performance.now();
// The core pulses at least once per training epoch; the watchdog hears of it once a second.
setPulseListener(() => {
  const t = performance.now();
  if (t - aliveAt < ALIVE_INTERVAL_MS) return;
  aliveAt = t;
  scope.postMessage({ type: 'alive' } satisfies WorkerReply);
});

// Requests are handled in order; one that needs files not fetched yet waits for them (and the
// requests after it wait too, so the order the page sent them in is kept).
// The first requests also wait for the WebAssembly kernels (./kernels.ts; same results without).
let waiting = 1;
let ready: Promise<void> = installWorkerKernels().then(() => {
  waiting--;
});
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const needed = requestAssets(request).filter((path) => !assets.has(path));
  if (waiting === 0 && needed.length === 0) {
    handle(request);
    return;
  }
  waiting++;
  ready = ready
    .then(() => (needed.length > 0 ? loadAssets(needed, root, assets) : undefined))
    .then(() => handle(request))
    .finally(() => {
      waiting--;
    });
};

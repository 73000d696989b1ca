/**
 * The simulation worker: thin glue between the page and src/core. It keeps one VictimCache for
 * its lifetime, bounded to the VICTIM_CACHE_LIMIT most recently used victims (training the victim is the slowest step and most changes leave it alone; while the
 * page is idle it trains the victims of the other datasets ahead of time), runs
 * requests through the queue of ./serve.ts, and transfers the result's typed arrays instead of
 * copying them. All simulation work happens here, never on the main thread.
 */
import { prepareVictim, simulate } from '../core/simulate';
import { SWEEP_KNOB_BY_NAME, sweep } from '../core/sweep';
import { resultTransferables, type WorkerReply, type WorkerRequest } from './protocol';
import { BoundedCache, VICTIM_CACHE_LIMIT } from './boundedCache';
import { createPrewarmer } from './prewarm';
import { createRequestLoop } from './serve';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const victimCache = new BoundedCache<unknown>(VICTIM_CACHE_LIMIT);

const handle = createRequestLoop({
  post: (reply: WorkerReply, transfer) => scope.postMessage(reply, transfer),
  runSimulation: (config, onProgress) => simulate(config, { onProgress, victimCache }),
  sweepLevels: (request) => {
    const knob = SWEEP_KNOB_BY_NAME.get(request.knob);
    if (!knob) throw new Error(`unknown sweep knob ${request.knob}`);
    return request.levels ?? [...knob.levels];
  },
  runSweepLevels: (request, levels, onProgress) =>
    sweep(request.config, request.knob, levels, request.seeds, { onProgress, victimCache }),
  transferablesOf: (result) => resultTransferables(result),
  schedule: (callback) => setTimeout(callback, 0),
  now: () => performance.now(),
  idleWork: createPrewarmer(victimCache, prepareVictim),
  later: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
});

scope.onmessage = (event: MessageEvent<WorkerRequest>) => handle(event.data);

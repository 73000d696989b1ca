/**
 * The simulation worker: thin glue between the page and src/core. It keeps one VictimCache for
 * its lifetime (training the victim is the slowest step and most changes leave it alone), runs
 * requests through the queue of ./serve.ts, and transfers the result's typed arrays instead of
 * copying them. All simulation work happens here, never on the main thread.
 */
import { simulate } from '../core/simulate';
import { sweep } from '../core/sweep';
import { createVictimCache } from '../core/victim';
import { resultTransferables, type WorkerReply, type WorkerRequest } from './protocol';
import { createRequestLoop } from './serve';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const victimCache = createVictimCache();

const handle = createRequestLoop({
  post: (reply: WorkerReply, transfer) => scope.postMessage(reply, transfer),
  runSimulation: (config, onProgress) => simulate(config, { onProgress, victimCache }),
  runSweep: (request, onProgress, onPartial) =>
    sweep(request.config, request.knob, request.levels, request.seeds, {
      onProgress,
      onLevel: onPartial,
      victimCache,
    }),
  transferablesOf: (result) => resultTransferables(result),
  schedule: (callback) => setTimeout(callback, 0),
  now: () => performance.now(),
});

scope.onmessage = (event: MessageEvent<WorkerRequest>) => handle(event.data);

/** A Worker stand-in for the client's tests: records what it is sent; the test decides what it replies and when. */
import { defaultConfig, setPath, type Config } from '../../src/core/config';
import type { SimulationResult } from '../../src/core/types';
import type { WorkerLike } from '../../src/worker/client';
import type { WorkerReply, WorkerRequest } from '../../src/worker/protocol';

export class FakeWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: WorkerReply): void {
    this.onmessage?.({ data } as MessageEvent<WorkerReply>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  runIds(): number[] {
    return this.sent.filter((m) => m.type === 'run').map((m) => m.id);
  }
}

/** Collects what a client hands its page: results, baselines, errors, progress, restarts. */
export function recorder() {
  const results: SimulationResult[] = [];
  const baselines: SimulationResult[] = [];
  const errors: string[] = [];
  const progress: number[] = [];
  const restarts: string[] = [];
  return {
    results,
    baselines,
    errors,
    progress,
    restarts,
    handlers: {
      onResult: (r: SimulationResult) => results.push(r),
      onBaseline: (r: SimulationResult) => baselines.push(r),
      onError: (m: string) => errors.push(m),
      onProgress: (f: number) => progress.push(f),
      onRestart: (m: string) => restarts.push(m),
    },
  };
}

/** The default config with `queries` attacker queries (a cheap way to make distinct configs). */
export const configWith = (queries: number): Config =>
  setPath(defaultConfig(), 'attack.queries', queries);

/** The worker's reply carrying the result of run `id`. */
export const runReply = (id: number, result: SimulationResult): WorkerReply => ({
  type: 'result',
  kind: 'run',
  id,
  role: 'main',
  result,
  elapsedMs: 5,
});

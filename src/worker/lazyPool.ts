/**
 * A sweep client that loads itself with the first sweep: the pool (./pool.ts) and its planner
 * stay out of the page's initial JavaScript. Calls made while it loads are replayed in order once
 * it is in (a later sweep supersedes an earlier one there, as always).
 */
import type { SweepClient } from './pool';

/**
 * @param load makes the real client (a dynamic import of ./pool.ts and the workers' clients)
 */
interface Waiting {
  call: (c: SweepClient) => void;
  fail: (message: string) => void;
}

export function lazySweepClient(load: () => Promise<SweepClient>): SweepClient {
  let client: SweepClient | null = null;
  let disposed = false;
  /** calls waiting for the client, and how to tell each one that loading failed */
  let pending: Waiting[] | null = null;
  /** Runs `call` on the client now, or once loaded; `fail` if loading fails. */
  function withClient(call: (c: SweepClient) => void, fail: (message: string) => void): number {
    if (client) {
      call(client);
      return 0;
    }
    if (!pending) {
      const waiting: Waiting[] = [];
      pending = waiting;
      load().then(
        (loaded) => {
          pending = null;
          if (disposed) return loaded.dispose();
          client = loaded;
          for (const entry of waiting) entry.call(loaded);
        },
        (error: unknown) => {
          pending = null;
          const message = `The sweep engine could not load: ${String(error)}`;
          for (const entry of waiting) entry.fail(message);
        },
      );
    }
    pending?.push({ call, fail });
    return 0;
  }
  return {
    sweep: (config, knob, options, handlers) =>
      withClient(
        (c) => c.sweep(config, knob, options, handlers),
        (m) => handlers.onError?.(m),
      ),
    sweepBatch: (config, knobs, options, handlers) =>
      withClient(
        (c) => c.sweepBatch(config, knobs, options, handlers),
        (m) => handlers.onError?.(m),
      ),
    limits: (config, handlers) =>
      withClient(
        (c) => c.limits(config, handlers),
        (m) => handlers.onError?.(m),
      ),
    dispose() {
      disposed = true;
      client?.dispose();
    },
  };
}

/**
 * A sign of life from long computations. The simulator is synchronous, so a worker busy with a
 * run cannot answer timers; the core calls `pulse()` at points that come round often (each
 * training call, each evaluation) and the worker (src/worker/sim.worker.ts) turns the calls into
 * an occasional 'alive' message, so its watchdog (src/worker/watchdog.ts) measures silence between
 * pulses rather than a whole run. Pulses never change a result: nothing in the core reads them.
 */
let listener: (() => void) | null = null;

/** Sets (or with null clears) the function every pulse calls. */
export function setPulseListener(next: (() => void) | null): void {
  listener = next;
}

/** Called by long computations; costs one null check when nobody listens. */
export function pulse(): void {
  if (listener !== null) listener();
}

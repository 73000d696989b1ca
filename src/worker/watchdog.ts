/**
 * The watchdog's allowance per request: how long the worker may stay silent while busy with it
 * before the client takes it for dead (src/worker/client.ts). The worker is rarely silent for
 * long: it reports progress at each tenth of the attack, and while it trains (the victim, the
 * students, a watermark's control model, every run of a sweep) the core pulses once per epoch
 * (src/core/pulse.ts), which the worker turns into an 'alive' message once a second. The
 * stretches with neither (evaluating a model on the maps' grid, a defense's report, starting a
 * fresh worker) grow with the run, so the allowance still follows the cost model
 * (src/core/runCost.ts): a multiple of the estimated cold run (a restarted worker has no trained
 * victims), never less than a floor that covers starting a worker on a busy machine. The client
 * doubles it after each stall (a machine that is only slow), up to 8 times.
 */
import type { Config } from '../core/config';
import { estimateRunMs } from '../core/runCost';
import type { JobRequest } from './client';

/**
 * Shortest allowance (ms): a fresh worker loads the simulator and trains a small victim; on a
 * 2-core machine shared by many jobs a default run was measured at 4-6 s wall-clock.
 */
export const WATCHDOG_FLOOR_MS = 8000;
/**
 * Allowance per estimated ms of work: the estimate is a guide (off by up to a factor of 2-4 on
 * held-out configs, scripts/bench-cost.ts) and the machine may be shared.
 */
export const WATCHDOG_FACTOR = 4;
/** Allowance when the cost model cannot estimate the run (a scenario kind it does not model). */
export const WATCHDOG_UNKNOWN_MS = 120_000;

/**
 * Milliseconds of silence allowed while the worker works on `request`.
 * @param request a run (its main config and the no-defense comparison run back to back, the
 *   comparison silent), one lean run of a sweep (./pool.ts), or the limits grid (a reply after
 *   each simulation)
 * @param estimate ms of a cold run of a config (the cost model by default)
 */
export function watchdogAllowanceMs(
  request: JobRequest,
  estimate: (config: Config) => number = (config) => estimateRunMs(config),
): number {
  const work =
    request.type === 'run'
      ? estimate(request.config) + (request.baseline ? estimate(request.baseline) : 0)
      : // a lean run, and the limits grid (a reply after each simulation; the first may train the victim)
        estimate(request.config);
  if (!Number.isFinite(work)) return WATCHDOG_UNKNOWN_MS;
  return Math.max(WATCHDOG_FLOOR_MS, WATCHDOG_FACTOR * work);
}

/**
 * One extraction run: config -> result, for any scenario kind. The kind's run-time module
 * (scenarios/<kind>/index.ts, listed in registry/runtime.ts) does the work; see its header for what
 * a run measures. Pure: the same config gives byte-identical results in Node and in a worker.
 */
import type { Config } from './config/schema';
import { kindRuntime } from './registry/runtime';
import type { SimulateOptions, VictimCache } from './scenarios/contract';
import type { SimulationResult } from './types';

export type { SimulateOptions, VictimCache } from './scenarios/contract';
export { createVictimCache } from './scenarios/contract';

export function simulate(config: Config, options: SimulateOptions = {}): SimulationResult {
  return kindRuntime(config).simulate(config, options);
}

/**
 * Trains the victim of `config` into `cache` exactly as simulate() would (same seed streams), so a
 * worker can prepare victims ahead of time, e.g. for the other datasets while the page is idle.
 */
export function prepareVictim(config: Config, cache: VictimCache): void {
  kindRuntime(config).prepareVictim(config, cache);
}

/**
 * Run estimates for the page: the cost model (src/core/runCost.ts) plus what it cannot see from a
 * config alone, whether the worker already holds the run's trained victim (training it is often
 * most of a run). The runner tells it which runs finished and when the worker was restarted
 * (a restart loses every victim).
 */
import type { Config } from '../core/config';
import { estimateRunMs } from '../core/runCost';

/**
 * The settings a trained victim depends on, as the planar kind's victimKey (seed, scenario,
 * victim) computes them. Not imported from the kind's run-time module: the page's main thread
 * must not load the simulator (eslint), and a mismatch would only misjudge an estimate.
 */
const victimKey = (config: Config): string =>
  JSON.stringify([config.seed, config.scenario, config.victim]);

export interface RunEstimator {
  /**
   * Estimated ms of a run of `config`, then of its no-defense comparison `baseline` if given
   * (same victim, so never trained twice); null when the cost model cannot tell (a scenario
   * kind it does not model).
   */
  estimateMs(config: Config, baseline: Config | null): number | null;
  /** a run of `config` finished: the worker holds its victim */
  finished(config: Config): void;
  /** the worker was restarted (or stopped): it holds no victim */
  restarted(): void;
}

/** A RunEstimator over the measured cost model. */
export function createRunEstimator(estimate: typeof estimateRunMs = estimateRunMs): RunEstimator {
  let held = new Set<string>();
  return {
    estimateMs(config, baseline) {
      const victimCached = held.has(victimKey(config));
      const ms =
        estimate(config, { victimCached }) +
        (baseline ? estimate(baseline, { victimCached: true }) : 0);
      return Number.isFinite(ms) ? ms : null;
    },
    finished(config) {
      held.add(victimKey(config));
    },
    restarted() {
      held = new Set();
    },
  };
}

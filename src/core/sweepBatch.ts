/**
 * "Every defense": several knobs swept as one batch, fast and coarse first, then refined.
 *
 * The frontier of every defense is 9 knobs x 7-8 levels x 3 seeds on the planar kind; run knob
 * after knob (./sweep.ts) the picture only appears at the end, and it took 43 s in a browser
 * (issue 10). The batch changes the order and the amount of work, never a number:
 *
 *   1. every knob's levels at even positions (off, and every other level up to the strongest),
 *      first seed: a coarse frontier for every defense within a few seconds;
 *   2. the remaining levels, first seed: the whole frontier at one seed;
 *   3. each further seed, every level: the error bars.
 *
 * Runs are shared: a level whose config equals another's (every knob's "off", the answer-format
 * knob's "noise" and the sigma knob at its default...) is simulated once, keyed by the applied
 * config (the plan: ./sweepPlan.ts, which the page's worker pool runs over several workers).
 * Runs are lean (no decision maps: SimulateOptions.lean) and reuse the cached victim. Each level
 * is summarised over its runs in seed order by summarizeLevel, so the final results equal
 * sweep()'s for every knob, to the bit (test/core/sweepBatch.test.ts).
 */
import type { Config } from './config/schema';
import { createVictimCache, simulate, type VictimCache } from './simulate';
import { levelRun } from './sweepSummary';
import { assembleSweeps, planSweeps } from './sweepPlan';
import type { SweepResult } from './types';

export interface BatchOptions {
  /** seeds (default: the config's seed and the next DEFAULT_SWEEP_SEEDS - 1) */
  seeds?: readonly number[];
  victimCache?: VictimCache;
  /** files under public/ the runs need (see SimulateOptions.assets) */
  assets?: ReadonlyMap<string, ArrayBuffer>;
}

/** A batch in progress: `step()` runs one simulation (and resolves the tasks that share it). */
export interface SweepBatch {
  /** distinct simulations the batch needs */
  readonly total: number;
  /** distinct simulations done so far */
  readonly done: number;
  /** distinct simulations done when each pass is complete (cumulative: coarse, first seed, ...) */
  readonly passEnds: readonly number[];
  /** the label of the level the last step ran, e.g. "Rate limit 200/day" */
  readonly phase: string;
  /** runs the next simulation; false once every task is done */
  step(): boolean;
  /** every knob's levels that have at least one run, in level order */
  results(): SweepResult[];
}

/**
 * Starts a batch over `knobNames` around `config`, run here one simulation per step. Throws on
 * an unknown knob (the page and the CLI validate names first).
 * @param config the base config every level varies
 * @param knobNames the knobs, in the order their series are listed
 */
export function createSweepBatch(
  config: Config,
  knobNames: readonly string[],
  options: BatchOptions = {},
): SweepBatch {
  const plan = planSweeps(config, knobNames, options.seeds ? { seeds: options.seeds } : {});
  const assembly = assembleSweeps(plan);
  const cache = options.victimCache ?? createVictimCache();
  let phase = '';
  return {
    total: plan.runs.length,
    passEnds: plan.passEnds,
    get done() {
      return assembly.done;
    },
    get phase() {
      return phase;
    },
    step() {
      const next = assembly.done;
      const run = plan.runs[next];
      if (!run) return false;
      phase = run.phase;
      const result = simulate(run.config, {
        victimCache: cache,
        lean: true,
        ...(options.assets ? { assets: options.assets } : {}),
      });
      assembly.add(next, levelRun(result));
      return assembly.done < plan.runs.length;
    },
    results: () => assembly.results(),
  };
}

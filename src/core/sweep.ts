/**
 * The fidelity-versus-defense-cost frontier: run the same config at several strengths of one
 * defense knob, over several seeds, and report the mean and standard deviation of the student's
 * fidelity, of each of the four costs to honest users, and of the attacker's cost.
 * Knobs are declared by the defenses (registry/meta.ts: SWEEP_KNOBS, safe on the main thread);
 * this module runs them (worker and CLI only). Each has a built-in grid from "off" to "strong".
 */
import type { Config } from './config/schema';
import { knobLevels, SWEEP_KNOB_BY_NAME, SWEEP_KNOBS } from './registry/meta';
import type { Level, SweepKnob } from './registry/types';
import { createVictimCache, simulate, type VictimCache } from './simulate';
import type { ProgressFn, SweepResult } from './types';
import { summarizeLevel } from './sweepSummary';

export type { Level, SweepKnob };
export { SWEEP_KNOB_BY_NAME, SWEEP_KNOBS };

import { DEFAULT_SWEEP_SEEDS } from './runSizes';

export { DEFAULT_SWEEP_SEEDS };

export interface SweepOptions {
  onProgress?: ProgressFn;
  /** called after each completed level with the levels so far (to draw the frontier progressively) */
  onLevel?: (partial: SweepResult) => void;
  victimCache?: VictimCache;
  /** files under public/ the runs need (see SimulateOptions.assets) */
  assets?: ReadonlyMap<string, ArrayBuffer>;
}

/**
 * Runs `config` at each level of `knobName` for each seed. Throws on an unknown knob; the CLI and
 * the page validate the name (and levels, through the config schema) before calling.
 */
export function sweep(
  config: Config,
  knobName: string,
  levels?: readonly Level[],
  seeds?: readonly number[],
  options: SweepOptions = {},
): SweepResult {
  const knob = SWEEP_KNOB_BY_NAME.get(knobName);
  if (!knob)
    throw new Error(
      `unknown sweep knob ${JSON.stringify(knobName)}; known: ${SWEEP_KNOBS.map((k) => k.name).join(', ')}`,
    );
  const grid = levels ?? knobLevels(knob, config.scenario.kind);
  const seedList = seeds ?? Array.from({ length: DEFAULT_SWEEP_SEEDS }, (_, i) => config.seed + i);
  const cache = options.victimCache ?? createVictimCache();
  const result: SweepResult = { knob: knobName, seeds: [...seedList], config, levels: [] };
  const total = grid.length * seedList.length;
  grid.forEach((level, li) => {
    const runs = seedList.map((seed, si) => {
      options.onProgress?.((li * seedList.length + si) / total, knob.format(level));
      return simulate(
        { ...knob.apply(config, level), seed },
        {
          victimCache: cache,
          lean: true,
          ...(options.assets ? { assets: options.assets } : {}),
        },
      );
    });
    result.levels.push(summarizeLevel(knob, level, runs));
    options.onLevel?.({ ...result, levels: [...result.levels] });
  });
  options.onProgress?.(1, 'done');
  return result;
}

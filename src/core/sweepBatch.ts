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
 * config. Runs are lean (no decision maps: SimulateOptions.lean) and reuse the cached victim.
 * Each level is summarised over its runs in seed order by summarizeLevel, so the final results
 * equal sweep()'s for every knob, to the bit (test/core/sweepBatch.test.ts).
 */
import type { Config } from './config/schema';
import { knobLevels, SWEEP_KNOB_BY_NAME } from './registry/meta';
import type { Level, SweepKnob } from './registry/types';
import { createVictimCache, simulate, type VictimCache } from './simulate';
import { DEFAULT_SWEEP_SEEDS, levelRun, summarizeLevel, type LevelRun } from './sweep';
import type { SweepResult } from './types';

/** One level of one knob at one seed. */
export interface BatchTask {
  knob: string;
  /** index into the knob's levels */
  levelIndex: number;
  /** index into the seed list */
  seedIndex: number;
  /** 0: coarse levels, first seed; 1: the other levels, first seed; 2, 3...: further seeds */
  pass: number;
}

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
 * The tasks in the order of the header: coarse levels at the first seed, the other levels at the
 * first seed, then every level at each further seed.
 * @param levelCounts levels per knob, by knob name (in the order the knobs are drawn)
 * @param seedCount number of seeds
 */
export function batchOrder(
  levelCounts: ReadonlyMap<string, number>,
  seedCount: number,
): BatchTask[] {
  const tasks: BatchTask[] = [];
  let passIndex = 0;
  const pass = (seedIndex: number, keep: (index: number, count: number) => boolean) => {
    for (const [knob, count] of levelCounts) {
      for (let levelIndex = 0; levelIndex < count; levelIndex++)
        if (keep(levelIndex, count)) tasks.push({ knob, levelIndex, seedIndex, pass: passIndex });
    }
    passIndex++;
  };
  // the strongest level is always in the coarse pass, so each series spans its whole range
  const coarse = (i: number, count: number) => i % 2 === 0 || i === count - 1;
  if (seedCount === 0) return tasks;
  pass(0, coarse);
  pass(0, (i, count) => !coarse(i, count));
  for (let s = 1; s < seedCount; s++) pass(s, () => true);
  return tasks;
}

/**
 * Starts a batch over `knobNames` around `config`. Throws on an unknown knob (the page and the
 * CLI validate names first).
 * @param config the base config every level varies
 * @param knobNames the knobs, in the order their series are listed
 */
export function createSweepBatch(
  config: Config,
  knobNames: readonly string[],
  options: BatchOptions = {},
): SweepBatch {
  const knobs: SweepKnob[] = knobNames.map((name) => {
    const knob = SWEEP_KNOB_BY_NAME.get(name);
    if (!knob) throw new Error(`unknown sweep knob ${JSON.stringify(name)}`);
    return knob;
  });
  const seeds =
    options.seeds ?? Array.from({ length: DEFAULT_SWEEP_SEEDS }, (_, i) => config.seed + i);
  const cache = options.victimCache ?? createVictimCache();
  const byName = new Map<string, SweepKnob>(knobs.map((k) => [k.name, k]));
  const levels = new Map<string, readonly Level[]>(
    knobs.map((k) => [k.name, knobLevels(k, config.scenario.kind)]),
  );
  const tasks = batchOrder(new Map([...levels].map(([name, l]) => [name, l.length])), seeds.length);

  const configOf = (task: BatchTask): Config => {
    const knob = byName.get(task.knob)!;
    const level = levels.get(task.knob)![task.levelIndex]!;
    return { ...knob.apply(config, level), seed: seeds[task.seedIndex]! };
  };
  // Tasks sharing a config share one simulation: its key is the applied config as JSON (the
  // configs are plain data built by setPath from the same base, so equal configs print alike).
  const keys = tasks.map((task) => JSON.stringify(configOf(task)));
  const total = new Set(keys).size;
  const passEnds: number[] = [];
  {
    const seen = new Set<string>();
    tasks.forEach((task, i) => {
      seen.add(keys[i]!);
      passEnds[task.pass] = seen.size;
    });
  }
  const runs = new Map<string, LevelRun>();
  /** runs per knob and level, in seed order */
  const byLevel = new Map<string, LevelRun[][]>(
    knobs.map((k) => [k.name, levels.get(k.name)!.map(() => [])]),
  );
  let next = 0;
  let phase = '';

  function resolve(index: number): void {
    const task = tasks[index]!;
    byLevel.get(task.knob)![task.levelIndex]!.push(runs.get(keys[index]!)!);
  }

  return {
    total,
    passEnds,
    get done() {
      return runs.size;
    },
    get phase() {
      return phase;
    },
    step() {
      while (next < tasks.length) {
        const index = next++;
        const key = keys[index]!;
        if (!runs.has(key)) {
          const task = tasks[index]!;
          const knob = byName.get(task.knob)!;
          phase = `${knob.label} ${knob.format(levels.get(task.knob)![task.levelIndex]!)}`;
          const result = simulate(configOf(task), {
            victimCache: cache,
            lean: true,
            ...(options.assets ? { assets: options.assets } : {}),
          });
          runs.set(key, levelRun(result));
          resolve(index);
          return next < tasks.length;
        }
        resolve(index);
      }
      return false;
    },
    results() {
      return knobs.map((knob) => {
        const perLevel = byLevel.get(knob.name)!;
        const grid = levels.get(knob.name)!;
        const measured = perLevel.flatMap((levelRuns, i) =>
          levelRuns.length > 0 ? [summarizeLevel(knob, grid[i] as Level, levelRuns)] : [],
        );
        // the seeds every level of this knob has been run at so far
        const seedsDone = Math.min(...perLevel.map((r) => r.length));
        return {
          knob: knob.name,
          seeds: seeds.slice(0, Math.max(1, seedsDone)),
          config,
          levels: measured,
        };
      });
    },
  };
}

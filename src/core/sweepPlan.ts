/**
 * A sweep (one knob) or a batch of sweeps ("Every defense") as a plan of distinct simulations, and
 * the assembly of their results in a fixed order. Whoever runs the simulations, and in whatever
 * order they finish (one worker, a pool of workers, worker_threads in Node), the assembly sums
 * each level's runs in seed order (./sweepSummary.ts), so the results are the same to the bit.
 *
 * Pure and light: no simulator here (the page's pool plans and assembles on the main thread;
 * ./sweepBatch.ts runs the plan in one thread).
 */
import type { Config } from './config/schema';
import { knobLevels, SWEEP_KNOB_BY_NAME } from './registry/meta';
import type { Level, SweepKnob } from './registry/types';
import { DEFAULT_SWEEP_SEEDS } from './runSizes';
import { summarizeLevel, type LevelRun } from './sweepSummary';
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

/** One distinct simulation of a plan. */
export interface PlannedRun {
  config: Config;
  /** what the page shows while it runs, e.g. "Rate limit 200/day" */
  phase: string;
}

export interface SweepPlan {
  config: Config;
  knobs: readonly SweepKnob[];
  seeds: readonly number[];
  /** each knob's levels, by knob name */
  levels: ReadonlyMap<string, readonly Level[]>;
  tasks: readonly BatchTask[];
  /** the distinct simulations, in the order the tasks first need them */
  runs: readonly PlannedRun[];
  /** for each task, its index into `runs` */
  runOf: readonly number[];
  /** distinct simulations done when each pass is complete (cumulative: coarse, first seed, ...) */
  passEnds: readonly number[];
}

/**
 * The tasks of a batch: coarse levels at the first seed, the other levels at the first seed, then
 * every level at each further seed (so a coarse frontier of every knob appears first).
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
 * The tasks of one knob's sweep as ./sweep.ts runs them: level by level, each level's seeds in
 * order (so the frontier grows one finished level at a time). All in pass 0.
 */
export function levelOrder(knob: string, levelCount: number, seedCount: number): BatchTask[] {
  const tasks: BatchTask[] = [];
  for (let levelIndex = 0; levelIndex < levelCount; levelIndex++)
    for (let seedIndex = 0; seedIndex < seedCount; seedIndex++)
      tasks.push({ knob, levelIndex, seedIndex, pass: 0 });
  return tasks;
}

export interface PlanOptions {
  /** seeds (default: the config's seed and the next DEFAULT_SWEEP_SEEDS - 1) */
  seeds?: readonly number[];
  /** levels of a knob instead of its built-in grid, by knob name */
  levels?: ReadonlyMap<string, readonly Level[]>;
  /** 'coarse' (default): batchOrder; 'levels': one knob level by level (levelOrder) */
  order?: 'coarse' | 'levels';
}

/**
 * Plans the simulations of sweeping `knobNames` around `config`. Tasks whose applied configs are
 * equal (every knob's "off", a knob's level equal to the config's own setting) share one
 * simulation, keyed by the config printed as JSON (configs are plain data built by setPath from
 * one base, so equal configs print alike). Throws on an unknown knob.
 * @param config the base config every level varies
 * @param knobNames the knobs, in the order their series are listed
 */
export function planSweeps(
  config: Config,
  knobNames: readonly string[],
  options: PlanOptions = {},
): SweepPlan {
  const knobs: SweepKnob[] = knobNames.map((name) => {
    const knob = SWEEP_KNOB_BY_NAME.get(name);
    if (!knob) throw new Error(`unknown sweep knob ${JSON.stringify(name)}`);
    return knob;
  });
  const seeds =
    options.seeds ?? Array.from({ length: DEFAULT_SWEEP_SEEDS }, (_, i) => config.seed + i);
  const levels = new Map<string, readonly Level[]>(
    knobs.map((k) => [k.name, options.levels?.get(k.name) ?? knobLevels(k, config.scenario.kind)]),
  );
  const counts = new Map([...levels].map(([name, l]) => [name, l.length]));
  const tasks =
    options.order === 'levels'
      ? knobs.flatMap((k) => levelOrder(k.name, counts.get(k.name)!, seeds.length))
      : batchOrder(counts, seeds.length);
  const byName = new Map<string, SweepKnob>(knobs.map((k) => [k.name, k]));
  const runs: PlannedRun[] = [];
  const runOf: number[] = [];
  const passEnds: number[] = [];
  const index = new Map<string, number>();
  for (const task of tasks) {
    const knob = byName.get(task.knob)!;
    const level = levels.get(task.knob)![task.levelIndex]!;
    const applied: Config = { ...knob.apply(config, level), seed: seeds[task.seedIndex]! };
    const key = JSON.stringify(applied);
    let at = index.get(key);
    if (at === undefined) {
      at = runs.length;
      index.set(key, at);
      runs.push({ config: applied, phase: `${knob.label} ${knob.format(level)}` });
    }
    runOf.push(at);
    passEnds[task.pass] = runs.length;
  }
  return { config, knobs, seeds, levels, tasks, runs, runOf, passEnds };
}

/** The results of a plan's simulations, given in any order, summarised in a fixed one. */
export interface SweepAssembly {
  /** distinct simulations added so far */
  readonly done: number;
  /** true once `run` has been added */
  has(run: number): boolean;
  /** adds the result of `plan.runs[run]` */
  add(run: number, result: LevelRun): void;
  /**
   * Every knob with the levels that have their first seed's run, in level order; each level
   * summarises the runs of its first seeds that are all in (seed 0, 1, ... up to the first
   * missing), `seeds` the seeds every listed level has. With every run in, the same as sweep().
   */
  results(): SweepResult[];
  /** One knob with only its finished levels (every seed in), up to the first unfinished one. */
  finishedLevels(knobIndex: number): SweepResult;
}

/** Starts assembling the results of `plan`. */
export function assembleSweeps(plan: SweepPlan): SweepAssembly {
  const results: (LevelRun | undefined)[] = plan.runs.map(() => undefined);
  let done = 0;
  /** run index per knob, level and seed */
  const grid = new Map<string, number[][]>(
    plan.knobs.map((k) => [k.name, plan.levels.get(k.name)!.map(() => plan.seeds.map(() => -1))]),
  );
  plan.tasks.forEach((task, i) => {
    grid.get(task.knob)![task.levelIndex]![task.seedIndex] = plan.runOf[i]!;
  });
  /** the level's runs for its first seeds, up to the first one missing */
  const prefix = (runIndexes: readonly number[]): LevelRun[] => {
    const out: LevelRun[] = [];
    for (const r of runIndexes) {
      const run = r >= 0 ? results[r] : undefined;
      if (!run) break;
      out.push(run);
    }
    return out;
  };
  const knobResult = (knob: SweepKnob, minSeeds: number, stopAtGap: boolean): SweepResult => {
    const levels = plan.levels.get(knob.name)!;
    const perLevel = grid.get(knob.name)!.map(prefix);
    const measured = [];
    for (let i = 0; i < perLevel.length; i++) {
      const runs = perLevel[i]!;
      if (runs.length >= minSeeds) measured.push(summarizeLevel(knob, levels[i]!, runs));
      else if (stopAtGap) break;
    }
    const seedsDone = Math.min(...perLevel.map((r) => r.length));
    return {
      knob: knob.name,
      seeds: plan.seeds.slice(0, Math.max(1, seedsDone)),
      config: plan.config,
      levels: measured,
    };
  };
  return {
    get done() {
      return done;
    },
    has: (run) => results[run] !== undefined,
    add(run, result) {
      if (run < 0 || run >= results.length) throw new RangeError(`no run ${run} in the plan`);
      if (results[run] === undefined) done++;
      results[run] = result;
    },
    results: () => plan.knobs.map((knob) => knobResult(knob, 1, false)),
    finishedLevels(knobIndex) {
      const knob = plan.knobs[knobIndex];
      if (!knob) throw new RangeError(`no knob ${knobIndex} in the plan`);
      const full = knobResult(knob, plan.seeds.length, true);
      return { ...full, seeds: [...plan.seeds] };
    },
  };
}

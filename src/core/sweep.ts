/**
 * The fidelity-versus-defense-cost frontier: run the same config at several strengths of one
 * defense knob, over several seeds, and report the mean and standard deviation of the student's
 * fidelity, of each of the four costs to honest users, and of the attacker's cost.
 * Knobs are looked up by name; each has a built-in grid from "off" to "strong".
 */
import { deviation, mean } from 'd3-array';
import { setPath, type Config, type OutputMode } from './config';
import { simulate } from './simulate';
import type { ProgressFn, SeedStat, SimulationResult, SweepLevel, SweepResult } from './types';
import { createVictimCache, type VictimCache } from './victim';

/** A sweep level: a number for the knob, or 'off' (the defense switched off). */
export type Level = number | string;

export interface SweepKnob {
  /** the config path the knob varies */
  name: string;
  /** what the frontier's legend says */
  label: string;
  /** the built-in grid, from off to strong */
  levels: readonly Level[];
  /** the config at one level */
  apply(config: Config, level: Level): Config;
  /** a short label for one level */
  format(level: Level): string;
}

/**
 * A numeric knob whose first level may be 'off': `enable` switches its defense on (or selects its
 * output mode), `disable` switches it off.
 */
function numericKnob(
  path: string,
  label: string,
  levels: Level[],
  unit: string,
  enable: (config: Config) => Config,
  disable: (config: Config) => Config,
): SweepKnob {
  return {
    name: path,
    label,
    levels,
    apply: (config, level) =>
      level === 'off' ? disable(config) : setPath(enable(config), path, Number(level)),
    format: (level) => (level === 'off' ? 'off' : `${unit} ${level}`),
  };
}

/** A knob of an output-perturbation mode ('off' = full probabilities). */
function outputKnob(
  path: string,
  mode: OutputMode,
  label: string,
  levels: Level[],
  unit: string,
): SweepKnob {
  return numericKnob(
    path,
    label,
    levels,
    unit,
    (config) => setPath(config, 'defense.output.mode', mode),
    (config) => setPath(config, 'defense.output.mode', 'probabilities'),
  );
}

/** A knob of a defense with an on/off switch at `onPath`. */
function switchedKnob(
  path: string,
  onPath: string,
  label: string,
  levels: Level[],
  unit: string,
): SweepKnob {
  return numericKnob(
    path,
    label,
    levels,
    unit,
    (config) => setPath(config, onPath, true),
    (config) => setPath(config, onPath, false),
  );
}

const MODE_LABELS: Record<OutputMode, string> = {
  probabilities: 'full probabilities',
  rounded: 'rounded',
  topk: 'top-k',
  reverseSigmoid: 'reverse sigmoid',
  noise: 'Gaussian noise',
  label: 'label only',
};

/** Every sweepable knob by name. */
export const SWEEP_KNOBS: Readonly<Record<string, SweepKnob>> = {
  'defense.output.sigma': outputKnob(
    'defense.output.sigma',
    'noise',
    'Gaussian noise',
    ['off', 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1],
    'sigma',
  ),
  'defense.output.decimals': outputKnob(
    'defense.output.decimals',
    'rounded',
    'Rounding',
    ['off', 5, 4, 3, 2, 1, 0],
    'decimals',
  ),
  'defense.output.beta': outputKnob(
    'defense.output.beta',
    'reverseSigmoid',
    'Reverse sigmoid',
    ['off', 0.1, 0.25, 0.5, 1, 2, 4, 8],
    'beta',
  ),
  'defense.rateLimit.perDay': switchedKnob(
    'defense.rateLimit.perDay',
    'defense.rateLimit.on',
    'Rate limit',
    ['off', 1000, 500, 200, 100, 50, 20, 10],
    'per day',
  ),
  'defense.watermark.rate': switchedKnob(
    'defense.watermark.rate',
    'defense.watermark.on',
    'Watermark',
    ['off', 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3],
    'rate',
  ),
  'defense.detection.delta': switchedKnob(
    'defense.detection.delta',
    'defense.detection.on',
    'Detection (PRADA)',
    ['off', 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85],
    'delta',
  ),
  'defense.output.mode': {
    name: 'defense.output.mode',
    label: 'Answer format',
    levels: ['probabilities', 'rounded', 'topk', 'reverseSigmoid', 'noise', 'label'],
    apply: (config, level) => setPath(config, 'defense.output.mode', level),
    format: (level) => MODE_LABELS[level as OutputMode] ?? String(level),
  },
};

/**
 * The knob of a name, through an own-property check: names every object inherits
 * (`constructor`, `toString`, `__proto__`) are not knobs.
 * @param name a knob name as a person or a message gave it
 */
export function findSweepKnob(name: string): SweepKnob | undefined {
  return Object.hasOwn(SWEEP_KNOBS, name) ? SWEEP_KNOBS[name] : undefined;
}

/** Seeds used when none are given: the config's seed and the next two. */
export const DEFAULT_SWEEP_SEEDS = 3;

export interface SweepOptions {
  onProgress?: ProgressFn;
  /** called after each completed level with the levels so far (to draw the frontier progressively) */
  onLevel?: (partial: SweepResult) => void;
  victimCache?: VictimCache;
}

function stat(values: number[]): SeedStat {
  return { mean: mean(values) ?? 0, std: deviation(values) ?? 0 };
}

export function summarizeLevel(
  knob: SweepKnob,
  level: Level,
  runs: SimulationResult[],
): SweepLevel {
  const pick = (f: (r: SimulationResult) => number): SeedStat => stat(runs.map(f));
  const watermarkOn = runs.every((r) => r.watermark !== null);
  return {
    level,
    label: knob.format(level),
    fidelity: pick((r) => r.student.fidelity),
    fidelityUniform: pick((r) => r.student.fidelityUniform),
    studentAccuracy: pick((r) => r.student.accuracy),
    benignAccuracyDrop: pick((r) => r.defenseCost.benignAccuracyDrop),
    distortion: pick((r) => r.defenseCost.distortion),
    benignBlocked: pick((r) => r.defenseCost.benignBlocked),
    falsePositives: pick((r) => r.defenseCost.falsePositives),
    attackerCostUSD: pick((r) => r.attacker.costUSD),
    queriesAnswered: pick((r) => r.attacker.queriesAnswered),
    watermarkShown: watermarkOn
      ? runs.filter((r) => r.watermark?.shown).length / runs.length
      : null,
  };
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
  const knob = findSweepKnob(knobName);
  if (!knob)
    throw new Error(
      `unknown sweep knob ${knobName}; known: ${Object.keys(SWEEP_KNOBS).join(', ')}`,
    );
  const grid = levels ?? knob.levels;
  const seedList = seeds ?? Array.from({ length: DEFAULT_SWEEP_SEEDS }, (_, i) => config.seed + i);
  const cache = options.victimCache ?? createVictimCache();
  const result: SweepResult = { knob: knobName, seeds: [...seedList], config, levels: [] };
  const total = grid.length * seedList.length;
  grid.forEach((level, li) => {
    const runs = seedList.map((seed, si) => {
      options.onProgress?.((li * seedList.length + si) / total, knob.format(level));
      return simulate({ ...knob.apply(config, level), seed }, { victimCache: cache });
    });
    result.levels.push(summarizeLevel(knob, level, runs));
    options.onLevel?.({ ...result, levels: [...result.levels] });
  });
  options.onProgress?.(1, 'done');
  return result;
}

/**
 * What a sweep keeps of each run and how it summarises a level over its seeds. Apart from
 * ./sweep.ts (which runs the simulations) so that the page's worker pool (src/worker/pool.ts) can
 * merge runs from several workers on the main thread without loading the simulator.
 */
import { deviation, mean } from 'd3-array';
import type { Level, SweepKnob } from './registry/types';
import type { SeedStat, SimulationResult, SweepLevel } from './types';

/** Mean and (sample, n - 1) standard deviation over seeds; d3-array sums in the order given. */
function stat(values: number[]): SeedStat {
  return { mean: mean(values) ?? 0, std: deviation(values) ?? 0 };
}

/** The parts of a run a sweep level summarises (a whole SimulationResult will do). */
export type LevelRun = Pick<SimulationResult, 'student' | 'defenseCost' | 'attacker' | 'watermark'>;

/** The numbers a sweep keeps of a run (drops the queries, curve and maps). */
export function levelRun(result: SimulationResult): LevelRun {
  const { student, defenseCost, attacker, watermark } = result;
  return { student, defenseCost, attacker, watermark };
}

/**
 * One level's mean and standard deviation over its runs (one per seed, in seed order: the sums
 * are taken in that order, so the same runs in the same order give the same bits anywhere).
 * @param knob the swept knob (names the level)
 * @param level the knob's value
 * @param runs the level's runs
 */
export function summarizeLevel(
  knob: SweepKnob,
  level: Level,
  runs: readonly LevelRun[],
): SweepLevel {
  const pick = (f: (r: LevelRun) => number): SeedStat => stat(runs.map(f));
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
    ...(runs.every((r) => r.defenseCost.stepsDenied !== undefined)
      ? { stepsDenied: pick((r) => r.defenseCost.stepsDenied ?? 0) }
      : {}),
    attackerCostUSD: pick((r) => r.attacker.costUSD),
    queriesAnswered: pick((r) => r.attacker.queriesAnswered),
    watermarkShown: watermarkOn
      ? runs.filter((r) => r.watermark?.shown).length / runs.length
      : null,
  };
}

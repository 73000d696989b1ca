/**
 * The victim: an MLP the owner trains on its private data. Training is the slowest step of a run
 * and depends only on the scenario, the victim's settings and the seed, so callers (the worker,
 * sweeps) keep a VictimCache and reuse the trained weights across runs that share them.
 */
import type { Config } from '../../config/schema';
import type { PlanarScenario } from './scenario';
import { Mlp, createTrainer, type MlpWeights } from '../../models/mlp';
import type { Rng } from '../../rng';
import type { VictimCache } from '../contract';

/** Adam settings of the owner's training run. */
export const VICTIM_TRAINING = { learningRate: 0.01, batchSize: 32 } as const;

/** The settings a trained victim depends on (nothing from the attack or the defenses). */
export function victimKey(config: Config): string {
  return JSON.stringify([config.seed, config.scenario, config.victim]);
}

/** Trains (or fetches from the cache) the victim for this config. */
export function obtainVictim(
  config: Config,
  scenario: PlanarScenario,
  rng: Rng,
  cache?: VictimCache,
): Mlp {
  const key = victimKey(config);
  const cached = cache?.get(key) as MlpWeights | undefined;
  if (cached) return Mlp.fromWeights(cached);
  const { hidden, activation, epochs } = config.victim;
  const victim = Mlp.create(
    { inputDims: scenario.train.dims, hidden, classes: scenario.classes, activation },
    rng.fork('init'),
  );
  const train = scenario.train;
  const targets = new Float64Array(train.count * scenario.classes);
  for (let i = 0; i < train.count; i++) targets[i * scenario.classes + train.labels[i]!] = 1;
  const trainer = createTrainer(victim, {
    optimizer: 'adam',
    ...VICTIM_TRAINING,
    rng: rng.fork('batches'),
  });
  trainer.train(train.inputs, targets, train.count, { epochs });
  cache?.set(key, victim.toWeights());
  return victim;
}

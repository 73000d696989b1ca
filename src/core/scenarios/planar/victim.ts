/**
 * The victim: an MLP the owner trains on its private data. Training is the slowest step of a run
 * and depends only on the scenario, the victim's settings and the seed, so callers (the worker,
 * sweeps) keep a VictimCache and reuse the trained weights across runs that share them.
 */
import type { Config } from '../../config/schema';
import type { PlanarScenario } from './scenario';
import { Mlp, createTrainer, type MlpWeights } from '../../models/mlp';
import { predictLabels } from '../../models/evaluate';
import type { Rng } from '../../rng';
import type { DecisionGrid } from '../../types';
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

/**
 * What a run reads of the victim that depends only on its cache key (the seed, the scenario and
 * the victim's settings): its labels on the scenario's own sets and its decision map. Read-only;
 * a result gets a copy of the map, since the worker transfers a result's buffers away.
 */
export interface VictimView {
  testLabels: Uint8Array;
  uniformLabels: Uint8Array;
  trainLabels: Uint8Array;
  /** drawn on first use (sweeps' lean runs draw no maps) */
  map: DecisionGrid | null;
}

/** Views by the cached weights they were computed from: they go when the cache drops the weights. */
const views = new WeakMap<object, VictimView>();

/**
 * The victim's view for this config: kept beside its cached weights, so a run with a cached victim
 * predicts nothing with it again (3,000 labels and a 2,304-cell map at default settings, about 3%
 * of a default run). Without a cache, or before the victim is in it, computed afresh.
 */
export function obtainVictimView(
  config: Config,
  scenario: PlanarScenario,
  victim: Mlp,
  cache?: VictimCache,
): VictimView {
  const cached = cache?.get(victimKey(config));
  const weights = typeof cached === 'object' && cached !== null ? cached : null;
  const known = weights ? views.get(weights) : undefined;
  if (known) return known;
  const dims = scenario.train.dims;
  const view: VictimView = {
    testLabels: predictLabels(victim, scenario.test.inputs, scenario.test.count),
    uniformLabels: predictLabels(victim, scenario.uniform, scenario.uniform.length / dims),
    trainLabels: predictLabels(victim, scenario.train.inputs, scenario.train.count),
    map: null,
  };
  if (weights) views.set(weights, view);
  return view;
}

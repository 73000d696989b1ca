/**
 * Models the owner trains for itself to defend its answers, built once per run and cached with the
 * victim (OwnerAssets.cache, keyed by the victim's settings and the model's own):
 *   - the misinformation model f_hat of adaptive misinformation (Kariyappa and Qureshi 2020),
 *     trained to put its mass on the victim's wrong classes;
 *   - the surrogate of MAD (Orekondy et al. 2020), a stand-in for the attacker's student whose
 *     parameter gradients the poisoned answers deflect.
 * Both are the lab's Mlp trained with Adam like the victim; both draw only from OwnerAssets.rng.
 */
import type { Config } from '../../config/schema';
import { Mlp, createTrainer, predictLabels, type MlpWeights } from '../../models/mlp';
import type { OwnerAssets } from '../../registry/runtime-types';
import { uniformInBox } from '../../sampling';
import { referenceDistance } from './ood';

/** Adam settings of the owner's models (those of the victim's training). */
const OWNER_TRAINING = { learningRate: 0.01, batchSize: 32 } as const;

function cached<T>(owner: OwnerAssets, key: string, build: () => T): T {
  const full = `${owner.cacheKey}|${key}`;
  if (owner.cache.has(full)) return owner.cache.get(full) as T;
  const value = build();
  owner.cache.set(full, value);
  return value;
}

/**
 * Epochs of f_hat: a quarter of the victim's (at least 5). Its targets are the victim's own labels,
 * an easier fit than the noisy task, and at the victim's 100 epochs on twice its data the set-up
 * took ~1.4 s of a ~0.2 s run (scripts/answer-cost.ts).
 */
export function misinformationEpochs(victimEpochs: number): number {
  return Math.max(5, Math.round(victimEpochs / 4));
}

/**
 * f_hat: the victim's architecture trained on the owner's training inputs plus as many points
 * uniform over the box, each with the target spread evenly over the classes the victim does NOT
 * predict there: t_k = [k != victim(x)] / (C - 1). (The paper trains f_hat on in-distribution data
 * only; in 2-D the owner can cover the whole input space, and f_hat is served exactly on the
 * out-of-distribution queries, so it is trained there too.)
 */
export function misinformationModel(owner: OwnerAssets, config: Config): Mlp {
  const weights = cached<MlpWeights>(owner, 'misinformation', () => {
    const { train, victim } = owner;
    const { dims, classes } = train;
    const rng = owner.rng.fork('misinformation');
    const extra = uniformInBox(owner.box, train.count, rng.fork('box'));
    const count = 2 * train.count;
    const inputs = new Float64Array(count * dims);
    inputs.set(train.inputs.subarray(0, train.count * dims));
    inputs.set(extra, train.count * dims);
    const labels = predictLabels(victim, inputs, count);
    const targets = new Float64Array(count * classes);
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < classes; k++) {
        targets[i * classes + k] = k === labels[i] ? 0 : 1 / (classes - 1);
      }
    }
    const { hidden, activation } = config.victim;
    const model = Mlp.create({ inputDims: dims, hidden, classes, activation }, rng.fork('init'));
    createTrainer(model, { optimizer: 'adam', ...OWNER_TRAINING, rng: rng.fork('batches') }).train(
      inputs,
      targets,
      count,
      { epochs: misinformationEpochs(config.victim.epochs) },
    );
    return model.toWeights();
  });
  return Mlp.fromWeights(weights);
}

/** d_ref of the distance score for the owner's training data (ood.ts, referenceDistance). */
export function ownerReferenceDistance(owner: OwnerAssets): number {
  return cached(owner, 'reference-distance', () =>
    referenceDistance(owner.train.inputs, owner.train.count, owner.train.dims),
  );
}

/**
 * MAD's surrogate: the student's architecture (config.attack.student: the defender's best guess of
 * the thief's model, the favourable case for the defense) distilled from the victim's probabilities
 * on the owner's training inputs for the student's number of epochs.
 */
export function madSurrogate(owner: OwnerAssets, config: Config): Mlp {
  const { hidden, activation, epochs } = config.attack.student;
  const key = `mad-surrogate:${JSON.stringify([hidden, activation, epochs])}`;
  const weights = cached<MlpWeights>(owner, key, () => {
    const { train, victim } = owner;
    const { dims, classes } = train;
    const rng = owner.rng.fork('mad-surrogate');
    const targets = new Float64Array(train.count * classes);
    victim.predict(train.inputs, train.count, targets);
    const model = Mlp.create({ inputDims: dims, hidden, classes, activation }, rng.fork('init'));
    createTrainer(model, { optimizer: 'adam', ...OWNER_TRAINING, rng: rng.fork('batches') }).train(
      train.inputs,
      targets,
      train.count,
      { epochs },
    );
    return model.toWeights();
  });
  return Mlp.fromWeights(weights);
}

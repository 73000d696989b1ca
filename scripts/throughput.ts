/**
 * Throughput of the hand-written MLP on the reference workload: 1,000 two-moons points, a 2-16-16-2
 * tanh network with a softmax output, plain SGD, batches of 10, learning rate 0.03, 50 epochs
 * (50,000 sample-steps: one forward and one backward pass per sample). Target: >= 600,000
 * sample-steps per second under Node 20 (a careful C implementation does about 1.17 M).
 *
 *   npx tsx scripts/throughput.ts      prints the median of 5 timed runs after a warm-up, for SGD and Adam
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createRng, type Rng } from '../src/core/rng';
import { Mlp, createTrainer, oneHotTargets, type OptimizerName } from '../src/core/models/mlp';

const POINTS = 1000;
const EPOCHS = 50;
const BATCH = 10;
const LEARNING_RATE = 0.03;
const NOISE = 0.1;

/** Two interleaved half circles (scikit-learn's make_moons) with Gaussian noise of scale NOISE. */
function twoMoons(count: number, rng: Rng): { inputs: Float64Array; labels: Uint8Array } {
  const inputs = new Float64Array(count * 2);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 2;
    const angle = Math.PI * rng.next();
    const x = label === 0 ? Math.cos(angle) : 1 - Math.cos(angle);
    const y = label === 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
    inputs[2 * i] = x + NOISE * rng.normal();
    inputs[2 * i + 1] = y + NOISE * rng.normal();
    labels[i] = label;
  }
  return { inputs, labels };
}

export interface Throughput {
  sampleStepsPerSecond: number;
  /** mean cross-entropy on the 1,000 points after training */
  finalLoss: number;
}

/** The reference workload's pieces, before training: its data, model, trainer and settings. */
export function referenceWorkload(optimizer: OptimizerName, seed = 1) {
  const rng = createRng(seed);
  const data = twoMoons(POINTS, rng.fork('data'));
  const targets = oneHotTargets(data.labels, 2);
  const model = Mlp.create(
    { inputDims: 2, hidden: [16, 16], classes: 2, activation: 'tanh' },
    rng.fork('init'),
  );
  const batchRng = rng.fork('batches');
  const learningRate = optimizer === 'sgd' ? LEARNING_RATE : 0.01;
  const trainer = createTrainer(model, {
    optimizer,
    learningRate,
    batchSize: BATCH,
    rng: batchRng,
  });
  return {
    inputs: data.inputs,
    targets,
    count: POINTS,
    epochs: EPOCHS,
    batchSize: BATCH,
    learningRate,
    /** the seed of the trainer's row-order generator (createRng(batchSeed) draws the shuffles) */
    batchSeed: batchRng.seed,
    initialParams: model.params.slice(),
    model,
    trainer,
  };
}

/** One timed run of the reference workload (seed 1) with the given optimizer. */
export function timeRun(optimizer: OptimizerName, seed = 1): Throughput {
  const { inputs, targets, trainer } = referenceWorkload(optimizer, seed);
  const start = performance.now();
  trainer.train(inputs, targets, POINTS, { epochs: EPOCHS });
  const seconds = (performance.now() - start) / 1000;
  return {
    sampleStepsPerSecond: (POINTS * EPOCHS) / seconds,
    finalLoss: trainer.loss(inputs, targets, POINTS),
  };
}

/** Median over `runs` timed runs after one untimed warm-up run. */
export function medianThroughput(optimizer: OptimizerName, runs = 5): Throughput {
  timeRun(optimizer);
  const results = Array.from({ length: runs }, () => timeRun(optimizer));
  results.sort((a, b) => a.sampleStepsPerSecond - b.sampleStepsPerSecond);
  return results[Math.floor(runs / 2)]!;
}

/** The reference workload (plain SGD): median sample-steps per second of 5 runs after a warm-up. */
export function referenceThroughput(): Throughput {
  return medianThroughput('sgd');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const optimizer of ['sgd', 'adam'] as const) {
    const { sampleStepsPerSecond, finalLoss } = medianThroughput(optimizer);
    console.log(
      `${optimizer.padEnd(4)} 2-16-16-2 tanh, batch ${BATCH}, ${EPOCHS} epochs x ${POINTS} points: ` +
        `${Math.round(sampleStepsPerSecond).toLocaleString('en-US')} sample-steps/s, final loss ${finalLoss.toFixed(4)}`,
    );
  }
}

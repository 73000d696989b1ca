// The core's sign of life (src/core/pulse.ts): training pulses once per epoch on both training
// paths, and a listener changes no result.
import { afterEach, describe, expect, it } from 'vitest';
import { loadNodeKernels } from '../../src/cli/kernels';
import { defaultConfig } from '../../src/core/config';
import { installMlpKernels } from '../../src/core/models/kernels';
import { Mlp, createTrainer } from '../../src/core/models/mlp';
import { setPulseListener } from '../../src/core/pulse';
import { createRng } from '../../src/core/rng';
import { simulate } from '../../src/core/simulate';
import { summarizeResult } from '../../src/core/summary';

afterEach(() => setPulseListener(null));

/** Pulses while training a 2-8-3 model for `length` on 25 rows in batches of 10. */
function pulsesOfTraining(length: { epochs: number } | { steps: number }): number {
  const rng = createRng(3);
  const count = 25;
  const inputs = Float64Array.from({ length: count * 2 }, () => rng.uniform(-1, 1));
  const targets = new Float64Array(count * 3);
  for (let r = 0; r < count; r++) targets[r * 3 + rng.int(3)] = 1;
  const model = Mlp.create({ inputDims: 2, hidden: [8], classes: 3, activation: 'tanh' }, rng);
  const trainer = createTrainer(model, {
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 10,
    rng: rng.fork('order'),
  });
  let pulses = 0;
  setPulseListener(() => pulses++);
  trainer.train(inputs, targets, count, length);
  return pulses;
}

describe('pulse', () => {
  for (const path of ['WebAssembly kernels', 'TypeScript'] as const) {
    it(`training pulses once per epoch (${path})`, () => {
      installMlpKernels(path === 'TypeScript' ? null : loadNodeKernels());
      try {
        expect(pulsesOfTraining({ epochs: 7 })).toBe(7);
        // 3 batches per epoch: 10 steps start 4 epochs (the last one partly)
        expect(pulsesOfTraining({ steps: 10 })).toBe(4);
      } finally {
        installMlpKernels(loadNodeKernels());
      }
    });
  }

  it('a listener changes no result, and a default run pulses often', () => {
    const config = defaultConfig();
    const quiet = JSON.stringify(summarizeResult(simulate(config)));
    let pulses = 0;
    setPulseListener(() => pulses++);
    const heard = JSON.stringify(summarizeResult(simulate(config)));
    expect(heard).toBe(quiet);
    expect(pulses).toBeGreaterThan(100);
  });
});

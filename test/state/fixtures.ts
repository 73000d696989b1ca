/**
 * A small, hand-made SimulationResult for state, worker and component tests (the simulator itself is
 * tested under test/core). Numbers are chosen so tests can check what the page shows.
 */
import { defaultConfig, type Config } from '../../src/core/config';
import type { DecisionGrid, SimulationResult, SweepResult } from '../../src/core/types';

function grid(resolution: number, fill: number): DecisionGrid {
  const probabilities = new Float32Array(resolution * resolution * 2);
  for (let i = 0; i < resolution * resolution; i++) {
    probabilities[2 * i] = fill;
    probabilities[2 * i + 1] = 1 - fill;
  }
  return { resolution, classes: 2, box: { min: [-2, -2], max: [2, 2] }, probabilities };
}

/** A result with `slices` curve points; fidelity rises linearly to `fidelity`. */
export function fakeResult(
  config: Config = defaultConfig(),
  options: { slices?: number; fidelity?: number } = {},
): SimulationResult {
  const slices = options.slices ?? 4;
  const fidelity = options.fidelity ?? 0.9;
  const queries = config.attack.queries;
  const curve = Array.from({ length: slices }, (_, i) => {
    const share = (i + 1) / slices;
    return {
      queries: Math.round(queries * share),
      answered: Math.round(queries * share),
      fidelity: fidelity * share,
      fidelityUniform: fidelity * share * 0.9,
      accuracy: 0.85 * share,
    };
  });
  const count = 3;
  return {
    config,
    kind: 'planar',
    classes: 2,
    victim: { accuracy: 0.95, trainAccuracy: 0.97 },
    student: { accuracy: 0.85, fidelity, fidelityUniform: fidelity * 0.9 },
    attacker: {
      queriesAsked: queries,
      queriesAnswered: queries,
      queriesDenied: 0,
      accountsUsed: config.attack.accounts,
      accountsBanned: 0,
      days: config.attack.days,
      costUSD: (queries / 1000) * config.attack.pricePer1k,
      answerCap: null,
    },
    curve,
    defenseCost: {
      benignAccuracyDrop: 0.012,
      accuracyDropBy: { watermark: 0, output: 0.012 },
      distortion: 0.05,
      benignBlocked: 0.03,
      falsePositives: 0.005,
    },
    watermark: null,
    detection: null,
    campaign: null,
    queries: {
      count,
      dims: 2,
      inputs: new Float64Array(count * 2),
      status: new Uint8Array(count),
      servedLabel: new Uint8Array(count),
      watermarked: new Uint8Array(count),
      account: new Uint32Array(count),
      day: new Uint16Array(count),
    },
    maps: {
      victim: grid(4, 0.8),
      served: grid(4, 0.8).probabilities,
      student: grid(4, 0.6),
      studentSlices: curve.map((_, i) => grid(4, (i + 1) / slices).probabilities),
    },
  };
}

export function fakeSweep(config: Config, knob: string): SweepResult {
  const stat = (mean: number) => ({ mean, std: 0.01 });
  return {
    knob,
    seeds: [1, 2],
    config,
    levels: [0, 0.5, 1].map((level) => ({
      level,
      label: `${knob} ${level}`,
      fidelity: stat(0.9 - level / 2),
      fidelityUniform: stat(0.8 - level / 2),
      studentAccuracy: stat(0.85 - level / 3),
      benignAccuracyDrop: stat(level / 20),
      distortion: stat(level / 5),
      benignBlocked: stat(0),
      falsePositives: stat(0),
      attackerCostUSD: stat(2),
      queriesAnswered: stat(1000),
      watermarkShown: null,
    })),
  };
}

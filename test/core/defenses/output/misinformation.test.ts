// Adaptive misinformation: the out-of-distribution scores and the sigmoid blend against values
// worked by hand, and the served answer of the mode (prepare) against its formula on a small run.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../../../src/core/config';
import {
  blendInto,
  distanceScore,
  misinformationWeight,
  mspScore,
  nearestDistance,
  referenceDistance,
} from '../../../../src/core/defenses/output/ood';
import { PREPARED } from '../../../../src/core/defenses/output/prepared';
import {
  misinformationModel,
  ownerReferenceDistance,
} from '../../../../src/core/defenses/output/owner-models';
import { argmax } from '../../../../src/core/math/vector';
import type { OwnerAssets } from '../../../../src/core/registry/runtime-types';
import { createRng } from '../../../../src/core/rng';
import { buildScenario } from '../../../../src/core/scenarios/planar/scenario';
import { obtainVictim } from '../../../../src/core/scenarios/planar/victim';

describe('out-of-distribution scores, by hand', () => {
  it('MSP is the largest probability', () => {
    expect(mspScore(Float64Array.from([0.2, 0.7, 0.1]))).toBe(0.7);
  });

  it('nearestDistance finds the closest row, leave-one-out with skip', () => {
    const points = Float64Array.from([0, 0, 3, 4]);
    expect(nearestDistance(Float64Array.from([3, 0]), 0, points, 2, 2)).toBe(3);
    // x = row 1 of the points: itself at 0, or its neighbour at 5 when skipped
    expect(nearestDistance(points, 2, points, 2, 2)).toBe(0);
    expect(nearestDistance(points, 2, points, 2, 2, 1)).toBe(5);
  });

  it('referenceDistance is the 95% quantile (nearest rank) of the leave-one-out gaps', () => {
    // 1-D points 0, 1, 3, 6: gaps 1, 1, 2, 3; rank ceil(0.95 * 4) = 4 -> 3
    expect(referenceDistance(Float64Array.from([0, 1, 3, 6]), 4, 1)).toBe(3);
    // 20 points: rank ceil(0.95 * 20) = 19 -> the 19th smallest gap: 18 gaps of 1, then 2, 5
    const twenty = Float64Array.from([...Array.from({ length: 18 }, (_, i) => i), 19, 24]);
    expect(referenceDistance(twenty, 20, 1)).toBe(2);
  });

  it('the distance score is 1 within d_ref and d_ref / d beyond', () => {
    expect(distanceScore(0.5, 1)).toBe(1);
    expect(distanceScore(1, 1)).toBe(1);
    expect(distanceScore(4, 1)).toBe(0.25);
  });

  it('a = sigmoid(nu (tau - score)): 1/2 at the threshold, 1 / (1 + e^10) in distribution', () => {
    expect(misinformationWeight(0.5, 0.5, 20)).toBe(0.5);
    expect(misinformationWeight(1, 0.5, 20)).toBeCloseTo(4.5397868702434395e-5, 15);
    expect(misinformationWeight(0.25, 0.5, 20)).toBeCloseTo(0.9933071490757153, 14);
  });

  it('blends (1 - a) f + a f_hat', () => {
    const out = new Float64Array(2);
    blendInto(Float64Array.from([0.9, 0.1]), Float64Array.from([0.05, 0.95]), 0.25, out);
    // 0.75 * 0.9 + 0.25 * 0.05 = 0.6875; 0.75 * 0.1 + 0.25 * 0.95 = 0.3125
    expect(out[0]).toBeCloseTo(0.6875, 15);
    expect(out[1]).toBeCloseTo(0.3125, 15);
  });
});

describe('the misinformation answer format', () => {
  let config = defaultConfig();
  for (const [path, value] of [
    ['scenario.trainSize', 200],
    ['victim.epochs', 20],
    ['defense.output.mode', 'misinformation'],
  ] as const)
    config = setPath(config, path, value);
  const rng = createRng(config.seed);
  const scenario = buildScenario(config, rng.fork('data'));
  const victim = obtainVictim(config, scenario, rng.fork('victim'));
  const owner: OwnerAssets = {
    victim,
    train: scenario.train,
    box: scenario.box,
    rng: rng.fork('owner'),
    cache: new Map(),
    cacheKey: 'test',
  };
  const answer = PREPARED.get('misinformation')!({
    config,
    dims: 2,
    classes: 2,
    watermarkKey: 1,
    rng: createRng(1),
    owner,
  });
  const fHat = misinformationModel(owner, config);

  it('trains f_hat once per owner (cached) to disagree with the victim', () => {
    expect(owner.cache.size).toBe(2); // f_hat and d_ref
    const p = new Float64Array(2);
    const q = new Float64Array(2);
    let disagree = 0;
    for (let i = 0; i < scenario.test.count; i++) {
      victim.predict(scenario.test.inputs, 1, p, i);
      fHat.predict(scenario.test.inputs, 1, q, i);
      if (argmax(p) !== argmax(q)) disagree++;
    }
    expect(disagree / scenario.test.count).toBeGreaterThan(0.9);
  });

  it('serves (1 - a) f(x) + a f_hat(x) with a from the distance score', () => {
    const reference = ownerReferenceDistance(owner);
    const queries = Float64Array.from([...scenario.train.inputs.subarray(0, 2), 1.15, -1.15]);
    const clean = new Float64Array(2);
    const out = new Float64Array(2);
    const lie = new Float64Array(2);
    const expected = new Float64Array(2);
    const weights: number[] = [];
    for (let row = 0; row < 2; row++) {
      victim.predict(queries, 1, clean, row);
      answer(clean, queries, 2 * row, out);
      fHat.predict(queries, 1, lie, row);
      const d = nearestDistance(queries, 2 * row, scenario.train.inputs, scenario.train.count, 2);
      const a = misinformationWeight(distanceScore(d, reference), 0.5, 20);
      weights.push(a);
      blendInto(clean, lie, a, expected);
      expect([...out]).toEqual([...expected]);
    }
    // A training point gets the truth (a = 1 / (1 + e^10)); the box's corner gets the lie.
    expect(weights[0]).toBeCloseTo(4.5397868702434395e-5, 15);
    expect(weights[1]).toBeGreaterThan(0.99);
  });
});

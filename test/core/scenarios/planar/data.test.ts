import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../../../src/core/config';
import { DATASETS } from '../../../../src/core/scenarios/planar/meta';
import { createRng } from '../../../../src/core/rng';
import {
  PLANAR_BOX,
  PLANAR_CLASSES,
  generatePlanar,
  uniformInBox,
} from '../../../../src/core/scenarios/planar/data';
import {
  UNIFORM_EVAL_POINTS,
  attackerPool,
  buildScenario,
} from '../../../../src/core/scenarios/planar/scenario';

describe('generatePlanar', () => {
  it.each(DATASETS)(
    '%s: shapes, finite values, points inside the box, balanced classes',
    (name) => {
      const data = generatePlanar(name, 601, { noise: 0.1 }, createRng(7));
      const classes = PLANAR_CLASSES[name];
      expect(data.dims).toBe(2);
      expect(data.count).toBe(601);
      expect(data.inputs).toHaveLength(1202);
      expect(data.labels).toHaveLength(601);
      expect(data.classes).toBe(classes);
      const counts = new Array<number>(classes).fill(0);
      for (const label of data.labels) counts[label]! += 1;
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      let inside = 0;
      for (let i = 0; i < data.count; i++) {
        const x = data.inputs[2 * i]!;
        const y = data.inputs[2 * i + 1]!;
        expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
        if (
          x >= PLANAR_BOX.min[0]! &&
          x <= PLANAR_BOX.max[0]! &&
          y >= PLANAR_BOX.min[1]! &&
          y <= PLANAR_BOX.max[1]!
        )
          inside++;
      }
      // With noise 0.1 nearly every point stays in the box (clean points lie inside [-1, 1]^2).
      expect(inside / data.count).toBeGreaterThan(0.98);
    },
  );

  it.each(DATASETS)('%s: noise 0 keeps every point inside [-1, 1]^2 (blobs: 4 std)', (name) => {
    const data = generatePlanar(name, 400, { noise: 0 }, createRng(3));
    const limit = name === 'blobs' ? 0.55 + 4 * 0.15 : 1;
    for (const v of data.inputs) expect(Math.abs(v)).toBeLessThanOrEqual(limit);
  });

  it('known geometry: circles have radius 0.9 (class 0) and 0.45 (class 1) without noise', () => {
    const data = generatePlanar('circles', 50, { noise: 0 }, createRng(1));
    for (let i = 0; i < data.count; i++) {
      const r = Math.hypot(data.inputs[2 * i]!, data.inputs[2 * i + 1]!);
      expect(r).toBeCloseTo(data.labels[i] === 0 ? 0.9 : 0.45, 12);
    }
  });

  it('known geometry: xor labels are the quadrant parity without noise', () => {
    const data = generatePlanar('xor', 200, { noise: 0 }, createRng(2));
    for (let i = 0; i < data.count; i++) {
      const product = data.inputs[2 * i]! * data.inputs[2 * i + 1]!;
      expect(data.labels[i]).toBe(product > 0 ? 0 : 1);
    }
  });

  it('is deterministic per seed and differs across seeds', () => {
    const a = generatePlanar('spiral', 100, { noise: 0.1 }, createRng(5));
    const b = generatePlanar('spiral', 100, { noise: 0.1 }, createRng(5));
    const c = generatePlanar('spiral', 100, { noise: 0.1 }, createRng(6));
    expect(Array.from(a.inputs)).toEqual(Array.from(b.inputs));
    expect(Array.from(a.inputs)).not.toEqual(Array.from(c.inputs));
  });

  it('noise widens the spread around the clean pattern', () => {
    const radiusSpread = (noise: number): number => {
      const data = generatePlanar('circles', 2000, { noise }, createRng(9));
      let sum = 0;
      for (let i = 0; i < data.count; i++) {
        const r = Math.hypot(data.inputs[2 * i]!, data.inputs[2 * i + 1]!);
        sum += (r - (data.labels[i] === 0 ? 0.9 : 0.45)) ** 2;
      }
      return Math.sqrt(sum / data.count);
    };
    expect(radiusSpread(0)).toBeLessThan(1e-12);
    expect(radiusSpread(0.05)).toBeLessThan(radiusSpread(0.2));
  });
});

describe('uniformInBox', () => {
  it('covers the box uniformly', () => {
    const points = uniformInBox(PLANAR_BOX, 4000, createRng(4));
    let meanX = 0;
    let left = 0;
    for (let i = 0; i < 4000; i++) {
      const x = points[2 * i]!;
      expect(x).toBeGreaterThanOrEqual(-1.2);
      expect(x).toBeLessThan(1.2);
      meanX += x / 4000;
      if (x < 0) left++;
    }
    expect(Math.abs(meanX)).toBeLessThan(0.05);
    expect(left / 4000).toBeGreaterThan(0.46);
    expect(left / 4000).toBeLessThan(0.54);
  });
});

describe('scenario and attacker pool', () => {
  it('builds train, test and uniform sets of the configured sizes', () => {
    const config = defaultConfig();
    const scenario = buildScenario(config, createRng(config.seed));
    expect(scenario.train.count).toBe(config.scenario.trainSize);
    expect(scenario.test.count).toBe(config.scenario.testSize);
    expect(scenario.uniform.length).toBe(2 * UNIFORM_EVAL_POINTS);
    expect(Array.from(scenario.train.inputs.slice(0, 10))).not.toEqual(
      Array.from(scenario.test.inputs.slice(0, 10)),
    );
  });

  it('poolShift moves the pool away from the victim distribution', () => {
    const mean = (shift: number): number => {
      const config = setPath(defaultConfig(), 'attack.poolShift', shift);
      const pool = attackerPool(config, 2000, createRng(11));
      let sum = 0;
      for (let i = 0; i < 2000; i++) sum += pool[2 * i]!;
      return sum / 2000;
    };
    const base = mean(0);
    expect(mean(1) - base).toBeCloseTo(0.35, 1);
    expect(mean(2) - base).toBeCloseTo(0.7, 1);
  });
});

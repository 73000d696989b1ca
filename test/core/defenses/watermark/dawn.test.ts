// DAWN-style watermark: the keyed decision (deterministic, at the requested rate, quantised), the
// planted answer, and the ownership check on a copier, an ignorer and an independent model.
import { describe, expect, it } from 'vitest';
import {
  WATERMARK_QUANTUM,
  applyWatermark,
  inputHash,
  ownershipCheck,
  watermarkDecision,
  watermarkLabel,
  type OwnershipLog,
} from '../../../../src/core/defenses/watermark/dawn';
import { argmax } from '../../../../src/core/math/vector';
import { createRng } from '../../../../src/core/rng';
import { QUERY_STATUS, type Classifier } from '../../../../src/core/types';

const KEY = 0x5eed1234;

function randomInputs(seed: number, count: number, dims = 2): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: count * dims }, () => rng.uniform(-3, 3));
}

/** A classifier from a labelling function (probability 0.9 on its label, the rest shared). */
function classifierOf(classes: number, label: (x: number, y: number) => number): Classifier {
  return {
    inputDims: 2,
    classes,
    predict(inputs, count, out, offset = 0) {
      for (let i = 0; i < count; i++) {
        const c = label(inputs[(offset + i) * 2]!, inputs[(offset + i) * 2 + 1]!);
        for (let k = 0; k < classes; k++)
          out[i * classes + k] = k === c ? 0.9 : 0.1 / (classes - 1);
      }
    },
  };
}

/** The victim: three classes by angle sector. */
const victimLabel = (x: number, y: number): number =>
  Math.floor(((Math.atan2(y, x) + Math.PI) / (2 * Math.PI)) * 3) % 3;
const victim = classifierOf(3, victimLabel);

/** The owner's log of `count` answered queries, watermarked at `rate`. */
function makeLog(seed: number, count: number, rate: number): OwnershipLog {
  const inputs = randomInputs(seed, count);
  const clean = new Float64Array(count * 3);
  victim.predict(inputs, count, clean);
  const planted = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    planted[i] = watermarkDecision(KEY, inputs, i * 2, 2, rate, 3, argmax(clean, i * 3, 3));
  }
  return { count, dims: 2, classes: 3, inputs, clean, status: new Uint8Array(count), planted };
}

describe('watermarkDecision', () => {
  it('is deterministic and depends on the key', () => {
    const inputs = randomInputs(1, 2000);
    const pick = (key: number): number[] =>
      Array.from({ length: 2000 }, (_, i) => watermarkDecision(key, inputs, i * 2, 2, 0.1, 3, 0));
    expect(pick(KEY)).toEqual(pick(KEY));
    const a = pick(KEY).map((w) => w >= 0);
    const b = pick(KEY + 1).map((w) => w >= 0);
    const both = a.filter((v, i) => v && b[i]).length;
    // Independent keys: overlap about 0.1 * 0.1 * 2000 = 20, far from the 200 of identical keys.
    expect(both).toBeLessThan(50);
  });

  it('selects close to `rate` of distinct inputs (binomial tolerance: 4 standard deviations)', () => {
    const count = 20000;
    const inputs = randomInputs(2, count);
    for (const rate of [0.005, 0.01, 0.1, 0.5]) {
      let selected = 0;
      for (let i = 0; i < count; i++) {
        if (watermarkDecision(KEY, inputs, i * 2, 2, rate, 3, 1) >= 0) selected++;
      }
      const sd = Math.sqrt(count * rate * (1 - rate));
      expect(Math.abs(selected - count * rate)).toBeLessThan(4 * sd);
    }
    expect(watermarkDecision(KEY, inputs, 0, 2, 0, 3, 1)).toBe(-1); // rate 0: never
    expect(watermarkDecision(KEY, inputs, 0, 2, 1, 3, 1)).toBeGreaterThanOrEqual(0); // rate 1: always
  });

  it('hashes the input quantised to 1e-3: moving within a quantum cell changes nothing', () => {
    // 0.1231 -> 123.1 quanta and 0.1234 -> 123.4 both round to 123; -2.5004 and -2.5002 to -2500.
    const a = Float64Array.from([0.1231, -2.5004]);
    const b = Float64Array.from([
      0.1231 + 0.3 * WATERMARK_QUANTUM,
      -2.5004 + 0.2 * WATERMARK_QUANTUM,
    ]);
    const c = Float64Array.from([0.1231 + 2 * WATERMARK_QUANTUM, -2.5004]);
    expect(inputHash(KEY, a, 0, 2)).toBe(inputHash(KEY, b, 0, 2));
    expect(inputHash(KEY, a, 0, 2)).not.toBe(inputHash(KEY, c, 0, 2));
    expect(inputHash(KEY, Float64Array.from([-0.0001, 0]), 0, 2)).toBe(
      inputHash(KEY, Float64Array.from([0, 0]), 0, 2),
    ); // -0 and 0 hash alike
    const h = inputHash(KEY, a, 0, 2);
    expect(h).toBeGreaterThanOrEqual(0);
    expect(h).toBeLessThan(1);
  });

  it('plants a label other than the true one, uniformly over the others', () => {
    const count = 6000;
    const inputs = randomInputs(3, count);
    const tally = [0, 0, 0, 0];
    for (let i = 0; i < count; i++) tally[watermarkLabel(KEY, inputs, i * 2, 2, 4, 2)]!++;
    expect(tally[2]).toBe(0);
    // Each of classes 0, 1, 3 expects 2,000 (sd = sqrt(6000 * 1/3 * 2/3) = 36.5).
    for (const c of [0, 1, 3]) expect(Math.abs(tally[c]! - 2000)).toBeLessThan(150);
    // Two classes: always the other one.
    for (let i = 0; i < 100; i++) expect(watermarkLabel(KEY, inputs, i * 2, 2, 2, 0)).toBe(1);
    expect(watermarkDecision(KEY, inputs, 0, 2, 1, 1, 0)).toBe(-1); // one class: nothing to plant
  });
});

describe('applyWatermark', () => {
  it('swaps the top-1 and the wrong class, worked by hand', () => {
    const p = Float64Array.from([0.7, 0.2, 0.1]);
    applyWatermark(p, 2);
    expect([...p]).toEqual([0.1, 0.2, 0.7]);
  });

  it("a watermarked answer's top-1 is never the true label", () => {
    const rng = createRng(4);
    for (let trial = 0; trial < 500; trial++) {
      const classes = 2 + rng.int(4);
      const p = Float64Array.from({ length: classes }, () => rng.next());
      const truth = argmax(p);
      const wrong = watermarkLabel(
        KEY,
        Float64Array.from([rng.next(), rng.next()]),
        0,
        2,
        classes,
        truth,
      );
      applyWatermark(p, wrong);
      expect(argmax(p)).toBe(wrong);
      expect(argmax(p)).not.toBe(truth);
    }
  });
});

describe('ownershipCheck', () => {
  const log = makeLog(5, 4000, 0.02);
  const planted = (x: number, y: number): number => {
    const row = Float64Array.from([x, y]);
    return watermarkDecision(KEY, row, 0, 2, 0.02, 3, victimLabel(x, y));
  };

  it('a suspect that learned the watermark: match rate 1, baseline 0, tiny p', () => {
    const copier = classifierOf(3, (x, y) => {
      const wrong = planted(x, y);
      return wrong >= 0 ? wrong : victimLabel(x, y);
    });
    const result = ownershipCheck(copier, log, KEY, 1e-3);
    expect(result.watermarked).toBeGreaterThan(50); // about 2% of 4,000 = 80
    expect(result.matchRate).toBe(1);
    expect(result.baselineRate).toBe(0);
    expect(result.pValue).toBeLessThan(1e-50);
    expect(result.logPValue).toBeLessThan(Math.log(1e-50));
    expect(result.shown).toBe(true);
    expect(result.watermarked + result.baseline).toBe(4000);
  });

  it('a suspect that ignores it (a perfect copy of the clean victim): p = 1', () => {
    const result = ownershipCheck(victim, log, KEY, 1e-3);
    expect(result.matchRate).toBe(0);
    expect(result.baselineRate).toBe(0);
    expect(result.pValue).toBe(1);
    expect(result.shown).toBe(false);
  });

  it('an independent, imperfect model: same chance rate on both sets, not accused', () => {
    // Disagrees with the victim on a band of inputs, whatever the watermark.
    const other = classifierOf(3, (x, y) =>
      Math.abs(x) < 0.5 ? (victimLabel(x, y) + 1) % 3 : victimLabel(x, y),
    );
    const result = ownershipCheck(other, log, KEY, 1e-3);
    expect(result.baselineRate).toBeGreaterThan(0.01);
    expect(Math.abs(result.matchRate - result.baselineRate)).toBeLessThan(0.15);
    expect(result.pValue).toBeGreaterThan(1e-3);
    expect(result.shown).toBe(false);
  });

  it('counts only answered queries', () => {
    const refused: OwnershipLog = {
      ...log,
      status: new Uint8Array(log.count).fill(QUERY_STATUS.rateLimited),
    };
    const result = ownershipCheck(victim, refused, KEY, 1e-3);
    expect(result.watermarked + result.baseline).toBe(0);
    expect(result.pValue).toBe(1);
    expect(result.matchRate).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../src/core/config';
import { perturbOutput, type OutputOptions } from '../../../../src/core/defenses/output/perturb';
import { createRng } from '../../../../src/core/rng';
import { AnswerLog, servedLogit, servedScore } from '../../../../src/core/scenarios/credit/answers';
import {
  createDirectContext,
  type CreditAnswers,
} from '../../../../src/core/scenarios/credit/context';
import { LogisticRegression } from '../../../../src/core/scenarios/credit/logistic';

const victim = new LogisticRegression(Float64Array.of(1.5, -2, 0.5), 0.25);
const output = (patch: Partial<OutputOptions>): OutputOptions => ({
  ...defaultConfig().defense.output,
  ...patch,
});

function context(patch: Partial<OutputOptions>, explanations: boolean, budget: number) {
  return createDirectContext({
    victim,
    box: { min: [-3, -3, -3], max: [3, 3, 3] },
    output: output(patch),
    explanations,
    budget,
    attackerRng: createRng(1),
    serveRng: createRng(2),
    pool: (count) => new Float64Array(count * 3).fill(0.5),
  });
}

const points = Float64Array.from({ length: 30 }, (_, i) => Math.sin(i) * 2);

describe('createDirectContext', () => {
  it('cuts a request to the remaining budget and counts what it answered', () => {
    const ctx = context({ mode: 'probabilities' }, false, 7);
    expect(ctx.ask(points, 5).sent).toBe(5);
    expect(ctx.remaining()).toBe(2);
    const cut = ctx.ask(points, 5);
    expect(cut.sent).toBe(2);
    expect(cut.served).toHaveLength(4);
    expect(ctx.ask(points, 1).sent).toBe(0);
    expect(ctx.answered()).toBe(7);
  });

  it.each([
    { mode: 'probabilities' },
    { mode: 'rounded', decimals: 2 },
    { mode: 'label' },
    { mode: 'noise', sigma: 0.05 },
    { mode: 'topk', k: 1 },
  ] as Partial<OutputOptions>[])('serves exactly what perturbOutput gives for %o', (patch) => {
    const result = context(patch, false, 10).ask(points, 10);
    const serveRng = createRng(2);
    const clean = new Float64Array(2);
    const expected = new Float64Array(2);
    for (let r = 0; r < 10; r++) {
      victim.predict(points, 1, clean, r);
      perturbOutput(clean, output(patch), serveRng, expected);
      expect(Array.from(result.served.subarray(2 * r, 2 * r + 2))).toEqual(Array.from(expected));
      expect(result.servedLabels[r]).toBe(expected[1]! > expected[0]! ? 1 : 0);
    }
  });

  it('adds attributions only when the API explains, and then exactly', () => {
    expect(context({ mode: 'label' }, false, 3).ask(points, 3).attributions).toBeNull();
    const explained = context({ mode: 'label' }, true, 3).ask(points, 3);
    expect(Array.from(explained.attributions!)).toEqual([1.5, -2, 0.5, 1.5, -2, 0.5, 1.5, -2, 0.5]);
  });
});

describe('reading a served answer', () => {
  const read = (refuse: number, approve: number) => {
    const served = Float64Array.of(9, 9, refuse, approve);
    return [servedScore(served, 1), servedLogit(served, 1)];
  };

  it('exact probabilities: the score, and log-odds with full relative precision', () => {
    expect(read(0.25, 0.75)).toEqual([0.75, Math.log(3)]);
    // p(approve) = 1 - 1e-18 is 1 in double precision; the refuse entry still gives the log-odds.
    expect(read(1e-18, 1)[1]).toBeCloseTo(18 * Math.LN10, 10);
  });

  it('rounded answers that do not sum to 1 are renormalised', () => {
    expect(read(0.37, 0.64)[0]).toBeCloseTo(0.64 / 1.01, 15);
  });

  it('top-1 of two classes: the hidden class is the complement', () => {
    expect(read(0, 0.7)[0]).toBe(0.7);
    expect(read(0.7, 0)[0]).toBeCloseTo(0.3, 15);
    expect(read(0.7, 0)[1]).toBeCloseTo(Math.log(0.3 / 0.7), 12);
  });

  it('labels and saturated scores: 0 or 1, infinite log-odds', () => {
    expect(read(0, 1)).toEqual([1, Infinity]);
    expect(read(1, 0)).toEqual([0, -Infinity]);
    expect(read(0, 0)).toEqual([0, -Infinity]);
  });
});

describe('AnswerLog', () => {
  it('keeps answered rows only, in order, growing past its first capacity', () => {
    const log = new AnswerLog(1);
    for (let batch = 0; batch < 30; batch++) {
      const answers: CreditAnswers = {
        sent: 3,
        answered: Uint8Array.of(1, 0, 1),
        served: Float64Array.of(0.5, 0.5, 0, 0, 0, 1),
        servedLabels: Uint8Array.of(0, 255, 1),
        attributions: Float64Array.of(batch, -1, -batch),
      };
      expect(log.add(Float64Array.of(batch, 100, -batch), answers)).toBe(2);
    }
    expect(log.count).toBe(60);
    expect(log.inputs[58]).toBe(29);
    expect(log.inputs[59]).toBe(-29);
    expect(log.scores[59]).toBe(1);
    expect(log.labels[58]).toBe(0);
    expect(log.attributions[59]).toBe(-29);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  argmax,
  decode,
  logSoftmaxAtTemperature,
  sampleFromLog,
} from '../../../../src/core/scenarios/chat/generate';
import { WindowLm } from '../../../../src/core/scenarios/chat/lm';
import { TOKEN } from '../../../../src/core/scenarios/chat/vocab';

describe('temperature and sampling', () => {
  it('log-softmax at temperature T is softmax(logit / T)', () => {
    const logits = Float64Array.of(2, 0, -1);
    const out = new Float64Array(3);
    for (const T of [0.5, 1, 3]) {
      logSoftmaxAtTemperature(logits, T, out);
      const norm = Math.log([2, 0, -1].reduce((s, z) => s + Math.exp(z / T), 0));
      [2, 0, -1].forEach((z, v) => expect(out[v]).toBeCloseTo(z / T - norm, 14));
    }
  });

  it('argmax takes the lowest index on a tie', () => {
    expect(argmax([1, 3, 3, 2])).toBe(1);
    expect(argmax([-1])).toBe(0);
  });

  it('samples each token with its probability (20,000 draws, within 4 standard errors)', () => {
    const p = [0.5, 0.3, 0.15, 0.05];
    const logP = Float64Array.from(p, Math.log);
    const rng = createRng(3);
    const counts = [0, 0, 0, 0];
    const n = 20000;
    for (let i = 0; i < n; i++) counts[sampleFromLog(logP, rng)]!++;
    p.forEach((pv, v) => {
      const se = Math.sqrt((pv * (1 - pv)) / n);
      expect(Math.abs(counts[v]! / n - pv)).toBeLessThan(4 * se);
    });
  });
});

describe('decode', () => {
  // V = 13 with W = 2: a model whose logits favour token (latest + 1), and <end> (12) after 3.
  const spec = { vocab: 13, window: 2, hidden: 13, activation: 'relu' as const };
  function successorModel(): WindowLm {
    const model = WindowLm.create(spec, createRng(1));
    const { params, layout } = model;
    params.fill(0);
    // hidden unit h fires for the latest token h (position 1 table); output v reads unit v - 1.
    for (let t = 0; t < 13; t++) params[(13 + t) * 13 + t] = 1;
    for (let v = 1; v < 13; v++) params[layout.outWeightOffset + v * 13 + (v - 1)] = 8;
    params[layout.outWeightOffset + TOKEN.end * 13 + 3] = 20;
    return model;
  }

  it('greedy decoding follows the most likely token and stops after <end>', () => {
    expect(decode(successorModel(), [0], { maxTokens: 10, temperature: 0 })).toEqual([1, 2, 3, 12]);
    expect(decode(successorModel(), [5], { maxTokens: 3, temperature: 0 })).toEqual([6, 7, 8]);
  });

  it('sampling is deterministic for a seed and varies with it', () => {
    const model = WindowLm.create({ ...spec, activation: 'tanh' }, createRng(4));
    const run = (seed: number) =>
      decode(model, [0, 1], { maxTokens: 12, temperature: 1.5, rng: createRng(seed) });
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('reports each position to onToken, with the distribution when sampling', () => {
    const seen: number[] = [];
    let total = 0;
    const tokens = decode(
      successorModel(),
      [0],
      { maxTokens: 10, temperature: 1, rng: createRng(1) },
      (logP, token) => {
        seen.push(token);
        total += logP!.reduce((s, l) => s + Math.exp(l), 0);
      },
    );
    expect(seen).toEqual(tokens);
    expect(total).toBeCloseTo(tokens.length, 12);
    expect(() => decode(successorModel(), [0], { maxTokens: 3, temperature: 1 })).toThrow('rng');
  });
});

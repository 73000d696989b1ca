// Logit stealing (Carlini et al. 2024): the pieces on hand-computed cases (row filling, the drop,
// principal angles), the whole attack on a model of known hidden size, then on the shipped teacher
// with full log-probabilities, top-k only and noise fixed per context, and through simulate().
import { describe, expect, it } from 'vitest';
import { loadAssets } from '../../../../src/cli/args';
import {
  checkKindChoices,
  defaultConfig,
  parseConfig,
  setPath,
  type Config,
} from '../../../../src/core/config';
import { createRng } from '../../../../src/core/rng';
import { answerPrompt, type ChatApiOptions } from '../../../../src/core/scenarios/chat/chatApi';
import { WindowLm } from '../../../../src/core/scenarios/chat/lm';
import { addLogitNoise } from '../../../../src/core/scenarios/chat/logitNoise';
import { randomText } from '../../../../src/core/scenarios/chat/prompts';
import {
  DROP_RATIO,
  hiddenSizeEstimate,
  largestDrop,
  logprobRow,
  principalAngles,
  rowsFromAnswers,
  stealLastLayer,
} from '../../../../src/core/scenarios/chat/stealing';
import { simulate } from '../../../../src/core/simulate';
import { shippedTeacher } from './helpers';

const API: ChatApiOptions = {
  mode: 'logprobs',
  topK: 5,
  reasoning: 'shown',
  temperature: 1,
  maxTokens: 1,
};

/** The attack on `n` random prompts answered by `model` through an API with `api`. */
function attack(model: WindowLm, n: number, api: Partial<ChatApiOptions> = {}, seed = 1) {
  const rng = createRng(seed);
  const prompts = randomText(4, n, rng.fork('prompts'));
  const answers = prompts.map((p) => answerPrompt(model, p, { ...API, ...api }, rng));
  return stealLastLayer(rowsFromAnswers(answers, model.spec.vocab), model);
}

describe('the pieces', () => {
  it('fills a top-k row with its smallest returned value; a full row as returned', () => {
    const row = logprobRow(Int32Array.from([2, 0]), Float64Array.from([-0.1, -3]), 4);
    expect(Array.from(row)).toEqual([-3, -3, -0.1, -3]);
    const full = logprobRow(Int32Array.from([0, 1, 2]), Float64Array.from([-1, -2, -3]), 3);
    expect(Array.from(full)).toEqual([-1, -2, -3]);
  });

  it('finds the largest consecutive ratio, against the rounding floor, ignoring the last value', () => {
    // ratios 2, 5, 1000, 1 (the last is ~0 after centring and is never compared)
    expect(largestDrop([8, 4, 0.8, 0.0008, 0.0008, 0], 10)).toEqual({ rank: 3, ratio: 1000 });
    // below 1e-7 sigma_1 everything is the floor: 1 / 1e-7 is the drop, zeros compare as 1
    const drop = largestDrop([1, 0.5, 1e-12, 0, 0], 10)!;
    expect(drop.rank).toBe(2);
    expect(drop.ratio).toBeCloseTo(0.5 / 1e-7, 3);
    // with 2 rows only the first ratio counts
    expect(largestDrop([8, 4, 0.001, 0], 2)).toEqual({ rank: 1, ratio: 2 });
    expect(hiddenSizeEstimate({ rank: 49, ratio: DROP_RATIO })).toBe(48);
    expect(hiddenSizeEstimate({ rank: 49, ratio: DROP_RATIO - 0.01 })).toBeNull();
    expect(hiddenSizeEstimate(null)).toBeNull();
  });

  it('measures principal angles: span(e1, e2) against span(e1, cos t e2 + sin t e3)', () => {
    const t = 0.3;
    const a = [Float64Array.from([1, 0, 0]), Float64Array.from([0, 1, 0])];
    const b = [Float64Array.from([1, 0, 0]), Float64Array.from([0, Math.cos(t), Math.sin(t)])];
    const angles = principalAngles(a, b);
    expect(angles[0]).toBeCloseTo((t * 180) / Math.PI, 10);
    expect(angles[1]).toBeCloseTo(0, 6);
    // a line inside a plane: angle 0; orthogonal lines: 90 degrees
    expect(principalAngles(a, [Float64Array.from([0.6, 0.8, 0])])[0]).toBeCloseTo(0, 6);
    expect(principalAngles([a[0]!], [Float64Array.from([0, 0, 1])])[0]).toBeCloseTo(90, 10);
  });

  it('draws logit noise fixed by the window and the seed, scaled by sigma', () => {
    const a = new Float64Array(56);
    const b = new Float64Array(56);
    addLogitNoise(a, [11, 3, 4, 10], 0.5, 7);
    addLogitNoise(b, [11, 3, 4, 10], 0.5, 7);
    expect(Array.from(a)).toEqual(Array.from(b));
    const c = new Float64Array(56);
    addLogitNoise(c, [11, 3, 4, 10], 1, 7);
    expect(c[5]! / a[5]!).toBeCloseTo(2, 12);
    const d = new Float64Array(56);
    addLogitNoise(d, [11, 3, 4, 10], 0.5, 8);
    expect(Array.from(d)).not.toEqual(Array.from(a));
    const e = new Float64Array(56);
    addLogitNoise(e, [11, 3, 4, 10], 0, 7);
    expect(e.every((x) => x === 0)).toBe(true);
  });
});

describe('the attack', () => {
  it('recovers the hidden size and the output space of a model of known size (h = 7)', () => {
    const rng = createRng(3);
    const model = WindowLm.create({ vocab: 56, window: 6, hidden: 7, activation: 'tanh' }, rng);
    // a fresh model's output bias is 0, so [W b] has rank h; with a bias it has h + 1 (as trained)
    const { outBiasOffset } = model.layout;
    for (let v = 0; v < 56; v++) model.params[outBiasOffset + v] = rng.normal();
    const report = attack(model, 100);
    expect(report.trueHiddenSize).toBe(7);
    expect(report.estimate).toBe(7);
    expect(report.drop!.rank).toBe(8);
    expect(report.principalAngles).toHaveLength(8);
    expect(report.principalAngles![0]).toBeLessThan(1e-4);
    expect(report.singularValues).toHaveLength(56);
    // without the bias the drop comes one place earlier: the estimate counts the bias (h + 1)
    model.params.fill(0, outBiasOffset, outBiasOffset + 56);
    expect(attack(model, 100).drop!.rank).toBe(7);
  });

  it('finds the shipped teacher hidden size 48 from full log-probabilities of 300 prompts', () => {
    const { model } = shippedTeacher(4);
    const report = attack(model, 300);
    expect(report.estimate).toBe(48);
    expect(report.drop!.ratio).toBeGreaterThan(1000);
    expect(report.principalAngles![0]).toBeLessThan(1e-6);
  });

  it('finds no drop from top-5 log-probabilities (seeds 1-3)', () => {
    const { model } = shippedTeacher(4);
    for (const seed of [1, 2, 3]) {
      const report = attack(model, 500, { mode: 'topLogprobs', topK: 5 }, seed);
      expect(report.estimate, `seed ${seed}`).toBeNull();
      expect(report.principalAngles).toBeNull();
    }
  });

  it('finds no drop under logit noise of sigma 0.01, though the top 49 vectors still nearly span the layer', () => {
    const { model } = shippedTeacher(4);
    const report = attack(model, 500, { logitNoise: { sigma: 0.01, seed: 5 } });
    expect(report.estimate).toBeNull();
    // measured 3.2 degrees: knowing h, the attacker would still get the layer roughly
    expect(report.largestAngleAtTrueSize!).toBeGreaterThan(1);
    expect(report.largestAngleAtTrueSize!).toBeLessThan(10);
    const loud = attack(model, 500, { logitNoise: { sigma: 0.1, seed: 5 } });
    expect(loud.largestAngleAtTrueSize!).toBeGreaterThan(45);
  });

  it('fixed noise survives averaging: the same prompt twice returns the same log-probabilities', () => {
    const { model } = shippedTeacher(4);
    const api = { ...API, logitNoise: { sigma: 0.5, seed: 9 } };
    const prompt = [11, 20, 21, 3];
    const first = answerPrompt(model, prompt, api, createRng(1)).logprobs![0]!;
    const again = answerPrompt(model, prompt, api, createRng(2)).logprobs![0]!;
    expect(Array.from(again.logprobs)).toEqual(Array.from(first.logprobs));
    const clean = answerPrompt(model, prompt, API, createRng(1)).logprobs![0]!;
    expect(Array.from(clean.logprobs)).not.toEqual(Array.from(first.logprobs));
  });
});

function chatConfig(fields: Record<string, unknown>): Config {
  let config = checkKindChoices(setPath(defaultConfig(), 'scenario.kind', 'chat')).config;
  for (const [path, value] of Object.entries(fields)) config = setPath(config, path, value);
  const parsed = parseConfig(config);
  expect(parsed.issues.map((i) => i.message)).toEqual([]);
  return parsed.config;
}

describe('through simulate()', () => {
  it('reports chat.stealing: the estimate with all log-probabilities, one token billed per prompt', () => {
    const config = chatConfig({
      'attack.strategy': 'logitStealing',
      'defense.output.mode': 'logprobs',
      'attack.queries': 200,
    });
    const result = simulate(config, { assets: loadAssets(config) });
    const stealing = result.chat!.stealing!;
    expect(stealing.trueHiddenSize).toBe(48);
    expect(stealing.estimate).toBe(48);
    expect(stealing.rows).toBe(200);
    expect(result.chat!.tokens.billed).toBe(200);
    expect(result.chat!.sideBySide).toEqual([]);
    expect(result.student.accuracy).toBe(0);
    expect(result.curve).toHaveLength(10);
    expect(result.curve[9]!.answered).toBe(200);
  });

  it('gets no rows from text answers, and no estimate from noisy ones (format noise, sigma 0.05)', () => {
    const text = chatConfig({ 'attack.strategy': 'logitStealing', 'attack.queries': 100 });
    expect(text.defense.output.mode).toBe('text');
    const none = simulate(text, { assets: loadAssets(text) }).chat!.stealing!;
    expect(none.rows).toBe(0);
    expect(none.estimate).toBeNull();
    expect(none.singularValues).toEqual([]);
    const noisy = chatConfig({
      'attack.strategy': 'logitStealing',
      'defense.output.mode': 'noise',
      'defense.output.sigma': 0.05,
      'attack.queries': 200,
    });
    const result = simulate(noisy, { assets: loadAssets(noisy) });
    expect(result.chat!.stealing!.estimate).toBeNull();
    // the cost to honest users is measured: a small but non-zero distortion
    expect(result.defenseCost.distortion).toBeGreaterThan(0);
    expect(result.defenseCost.distortion).toBeLessThan(0.1);
  });
});

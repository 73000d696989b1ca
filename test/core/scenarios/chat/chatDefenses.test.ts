// The chat defenses of issue 13 through the API and simulate(): the reasoning-elicitation filter
// (what it withholds, its recall, its measured cost to honest users who ask for an explanation)
// and the KGW watermark's report (student, control, teacher, null over keys, honest distortion).
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
import {
  answerPrompt,
  caught,
  hiddenTokens,
  type ChatApiOptions,
} from '../../../../src/core/scenarios/chat/chatApi';
import { honestElicitationCost } from '../../../../src/core/scenarios/chat/elicitation';
import { encode } from '../../../../src/core/scenarios/chat/vocab';
import { simulate } from '../../../../src/core/simulate';
import { shippedTeacher } from './helpers';

const API: ChatApiOptions = { mode: 'text', topK: 5, reasoning: 'shown', temperature: 1 };
const FILTER = { recall: 1, key: 77 };

function chatConfig(fields: Record<string, unknown>): Config {
  let config = checkKindChoices(setPath(defaultConfig(), 'scenario.kind', 'chat')).config;
  for (const [path, value] of Object.entries(fields)) config = setPath(config, path, value);
  const parsed = parseConfig(config);
  expect(parsed.issues.map((i) => i.message)).toEqual([]);
  return parsed.config;
}

describe('reasoning-elicitation filter', () => {
  it('withholds the steps up to => of a prompt that asks for them, nothing of a plain one', () => {
    const steps = encode('<bos> 3 4 5 6 [steps]');
    const plain = encode('<bos> 3 4 5 6 =');
    const visibleSteps = encode('3 7 2 8 => 8 sure <end>');
    const privateSteps = encode('3 7 2 8 </think> 8 sure <end>');
    const filter = { reasoning: 'shown' as const, filterElicitation: FILTER };
    expect(hiddenTokens(steps, visibleSteps, filter)).toBe(5);
    expect(hiddenTokens(plain, privateSteps, filter)).toBe(0);
    expect(hiddenTokens(steps, visibleSteps, { reasoning: 'shown' })).toBe(0);
    // hidden reasoning alone lets the asked-for steps through; the filter closes that gap
    expect(hiddenTokens(steps, visibleSteps, { reasoning: 'hidden' })).toBe(0);
    expect(
      hiddenTokens(steps, visibleSteps, { reasoning: 'hidden', filterElicitation: FILTER }),
    ).toBe(5);
  });

  it('catches a share recall of prompts, always the same ones', () => {
    const { model } = shippedTeacher(4);
    const rng = createRng(1);
    let hit = 0;
    for (let i = 0; i < 400; i++) {
      const prompt = [11, i % 10, Math.floor(i / 10) % 10, (i * 7) % 10, 3, 14];
      const half = { recall: 0.5, key: 3 };
      expect(caught(prompt, half)).toBe(caught(prompt, half));
      if (caught(prompt, half)) hit++;
      expect(caught(prompt, { recall: 1, key: 3 })).toBe(true);
      expect(caught(prompt, { recall: 0, key: 3 })).toBe(false);
    }
    expect(hit / 400).toBeGreaterThan(0.42);
    expect(hit / 400).toBeLessThan(0.58);
    const answer = answerPrompt(
      model,
      encode('<bos> 1 2 3 4 [steps]'),
      { ...API, filterElicitation: FILTER },
      rng,
    );
    expect(answer.text[0]).toBe(0); // (1 + 2 + 3 + 4) mod 10: the result, without the steps
    expect(answer.hiddenCount).toBe(5);
  });

  it('costs honest users who ask for an explanation: about honestWantSteps of requests, measured', () => {
    const { model } = shippedTeacher(4);
    const options = { operands: 4, requests: 300, wantStepsShare: 0.3 };
    const on = honestElicitationCost(
      model,
      { ...options, api: { ...API, filterElicitation: FILTER } },
      createRng(5),
    );
    expect(on.filtered).toBe(on.askedSteps);
    expect(on.filteredShare).toBeGreaterThan(0.2);
    expect(on.filteredShare).toBeLessThan(0.4);
    const off = honestElicitationCost(model, { ...options, api: API }, createRng(5));
    expect(off.askedSteps).toBe(on.askedSteps);
    expect(off.filtered).toBe(0);
  });

  it('through simulate: hidden reasoning + ask for the steps: the filter takes the steps back', () => {
    const base = {
      'attack.strategy': 'elicitReasoning',
      'defense.chat.reasoning': 'hidden',
      'attack.queries': 60,
      'attack.student.steps': 60,
    };
    const without = simulate(chatConfig(base), { assets: loadAssets(chatConfig(base)) });
    const withFilter = chatConfig({ ...base, 'defense.elicitation.on': true });
    const result = simulate(withFilter, { assets: loadAssets(withFilter) });
    const turns = result.chat!.transcript;
    for (const turn of turns) {
      expect(turn.visible).not.toContain('=>');
      expect(turn.hidden[turn.hidden.length - 1]).toBe('=>');
    }
    for (const turn of without.chat!.transcript) expect(turn.visible).toContain('=>');
    const cost = result.chat!.elicitation!;
    expect(result.defenseCost.stepsDenied).toBe(
      Math.max(result.chat!.honest.deniedShare, cost.filteredShare),
    );
    expect(without.chat!.elicitation).toBeUndefined();
  });
});

describe('KGW watermark through simulate()', () => {
  it('reports the student, the control, the teacher and the null; costs honest users distortion', () => {
    const config = chatConfig({
      'defense.watermark.on': true,
      'attack.queries': 150,
      'attack.student.steps': 150,
    });
    const result = simulate(config, { assets: loadAssets(config) });
    const report = result.watermark!;
    const text = report.text!;
    expect(text.scoredTokens).toBe(200);
    expect(text.gamma).toBe(0.25);
    expect(text.delta).toBe(2);
    expect(text.teacherZ).toBeGreaterThan(8);
    // the sums and the result carry no mark: scored there, the watermarked text is not accused
    // and scores near the same text without the watermark (the same draws)
    expect(text.teacherCertainZ).toBeLessThan(text.threshold);
    expect(Math.abs(text.teacherCertainZ - text.teacherCertainCleanZ)).toBeLessThan(1.5);
    expect(report.controlAccused).toBe(false);
    expect(report.shown).toBe(text.z > 4);
    expect(report.watermarkedQueries).toBe(200);
    expect(report.matchRate).toBeCloseTo((text.z * Math.sqrt(200 * 0.1875) + 50) / 200, 10);
    expect(text.nullZ.keys).toBe(200);
    expect(text.nullZ.falseAccusationRate).toBeLessThan(0.02);
    expect(result.defenseCost.distortion).toBeGreaterThan(0.1);
    expect(result.defenseCost.distortion).toBe(result.chat!.servedDistortion);
    expect(Object.keys(result.defenseCost.accuracyDropBy!)).toContain('watermark');
    // the same config twice: the same report
    expect(simulate(config, { assets: loadAssets(config) }).watermark).toEqual(report);
  }, 60_000);
});

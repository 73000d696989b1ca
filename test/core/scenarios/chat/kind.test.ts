// The chat kind through simulate(): every answer format and reasoning option, soft targets, the
// shared API gate (rate limits on the attacker's accounts and days), the attacker's bill, the
// honest users' lost steps, and determinism (same config twice = the same JSON).
import { describe, expect, it } from 'vitest';
import { loadAssets } from '../../../../src/cli/args';
import {
  checkKindChoices,
  defaultConfig,
  parseConfig,
  setPath,
  type Config,
} from '../../../../src/core/config';
import { simulate } from '../../../../src/core/simulate';
import { summarizeResult } from '../../../../src/core/summary';
import { CURVE_POINTS } from '../../../../src/core/session';

/** A chat config (its own strategy and format) with `fields` set; must validate cleanly. */
function chatConfig(fields: Record<string, unknown> = {}): Config {
  let config = checkKindChoices(setPath(defaultConfig(), 'scenario.kind', 'chat')).config;
  for (const [path, value] of Object.entries({
    'attack.queries': 120,
    'attack.student.steps': 120,
    ...fields,
  })) {
    config = setPath(config, path, value);
  }
  const parsed = parseConfig(config);
  expect(parsed.issues.map((i) => i.message)).toEqual([]);
  return parsed.config;
}

const run = (config: Config) => simulate(config, { assets: loadAssets(config) });

describe('chat kind: defaults', () => {
  it('switching the kind picks the chat strategy and the text format', () => {
    const config = chatConfig();
    expect(config.attack.strategy).toBe('taskPrompts');
    expect(config.defense.output.mode).toBe('text');
    expect(config.defense.chat.reasoning).toBe('shown');
  });

  it('fills the shared result fields and the chat part consistently', () => {
    const result = run(chatConfig());
    const chat = result.chat!;
    expect(result.kind).toBe('chat');
    expect(result.classes).toBe(56);
    // the shipped teacher is right on every held-out problem (test/core/scenarios/chat/teacher)
    expect(chat.victimCapability).toBe(1);
    expect(result.victim.accuracy).toBe(chat.victimCapability);
    expect(result.student.accuracy).toBe(chat.studentCapability);
    expect(result.student.fidelity).toBe(chat.studentFidelity);
    expect(result.student.fidelityUniform).toBe(chat.studentFidelity);
    expect(result.curve).toHaveLength(CURVE_POINTS);
    expect(result.curve.map((p) => p.queries)).toEqual([12, 24, 36, 48, 60, 72, 84, 96, 108, 120]);
    expect(chat.curveTokens).toHaveLength(CURVE_POINTS);
    expect(chat.curveTokens[CURVE_POINTS - 1]).toBe(chat.tokens.billed);
    for (let i = 1; i < CURVE_POINTS; i++)
      expect(chat.curveTokens[i]!).toBeGreaterThan(chat.curveTokens[i - 1]!);
    // answers have 4 sums, a mark, the result, 2-4 words and <end>: 9 to 11 tokens
    expect(chat.tokens.billed).toBeGreaterThanOrEqual(120 * 9);
    expect(chat.tokens.billed).toBeLessThanOrEqual(120 * 11);
    expect(chat.tokens.hidden).toBe(0);
    expect(result.queries.count).toBe(120);
    expect(chat.transcript).toHaveLength(6);
    expect(chat.sideBySide).toHaveLength(3);
    for (const pair of chat.sideBySide) {
      expect(pair.teacher).toContain(String(pair.correct));
    }
    // the bill: tokens at the price per million, plus one account
    expect(result.attacker.costUSD).toBe(
      Math.round(((chat.tokens.billed / 1e6) * 10 + 0.5) * 100) / 100,
    );
    expect(result.watermark).toBeNull();
    expect(result.detection).toBeNull();
  });
});

describe('chat kind: answer formats and reasoning', () => {
  for (const mode of ['text', 'topLogprobs', 'logprobs'] as const) {
    for (const reasoning of ['shown', 'hidden'] as const) {
      it(`${mode}, reasoning ${reasoning}`, () => {
        const result = run(
          chatConfig({
            'defense.output.mode': mode,
            'defense.output.topLogprobs': 3,
            'defense.chat.reasoning': reasoning,
            'attack.queries': 40,
            'attack.student.steps': 50,
          }),
        );
        const chat = result.chat!;
        for (const turn of chat.transcript) {
          if (reasoning === 'hidden') {
            // the trace (4 sums and </think>) is kept back; the result and the words are shown
            expect(turn.hidden).toHaveLength(5);
            expect(turn.hidden[4]).toBe('</think>');
            expect(turn.visible).not.toContain('</think>');
          } else {
            expect(turn.hidden).toEqual([]);
            expect(turn.visible).toContain('</think>');
          }
          const expected = mode === 'text' ? 0 : mode === 'topLogprobs' ? 3 : 5;
          expect(turn.firstTokenTop).toHaveLength(expected);
          const logprobs = turn.firstTokenTop.map((t) => t.logprob);
          expect([...logprobs].sort((a, b) => b - a)).toEqual(logprobs);
          for (const lp of logprobs) expect(lp).toBeLessThanOrEqual(0);
        }
        expect(chat.tokens.visible + chat.tokens.hidden).toBe(chat.tokens.billed);
        if (reasoning === 'hidden') expect(chat.tokens.hidden).toBe(40 * 5);
        else expect(chat.tokens.hidden).toBe(0);
        // hiding the trace costs honest users their steps, never their results
        expect(result.defenseCost.benignAccuracyDrop).toBe(0);
        expect(result.defenseCost.stepsDenied).toBe(chat.honest.deniedShare);
        if (reasoning === 'hidden') {
          expect(chat.honest.deniedSteps).toBe(chat.honest.wantedSteps);
          expect(chat.honest.deniedShare).toBeGreaterThan(0.2);
          expect(chat.honest.deniedShare).toBeLessThan(0.4);
        } else {
          expect(chat.honest.deniedShare).toBeLessThan(0.02);
        }
      });
    }
  }

  it('no honest user wants the steps: hiding them costs nothing', () => {
    const result = run(
      chatConfig({ 'defense.chat.reasoning': 'hidden', 'scenario.honestWantSteps': 0 }),
    );
    expect(result.defenseCost.stepsDenied).toBe(0);
  });

  it('asking for the steps puts them in the visible answer even when reasoning is hidden', () => {
    const result = run(
      chatConfig({ 'defense.chat.reasoning': 'hidden', 'attack.strategy': 'elicitReasoning' }),
    );
    const chat = result.chat!;
    expect(chat.tokens.hidden).toBe(0);
    for (const turn of chat.transcript) {
      expect(turn.prompt[turn.prompt.length - 1]).toBe('[steps]');
      expect(turn.visible).toContain('=>');
    }
  });

  it('random text: prompts that are not problems of the task', () => {
    const result = run(chatConfig({ 'attack.strategy': 'randomText' }));
    for (const turn of result.chat!.transcript) expect(turn.prompt).not.toContain('=');
  });
});

describe('chat kind: what the attacker learns', () => {
  it('soft targets: top-5 log-probabilities teach more than text from the same 300 prompts', () => {
    const base = { 'attack.queries': 300, 'attack.student.steps': 1000 };
    const text = run(chatConfig(base));
    const soft = run(
      chatConfig({
        ...base,
        'defense.output.mode': 'topLogprobs',
        'defense.output.topLogprobs': 5,
      }),
    );
    // measured (seed 1): 0.27 vs 0.48; seeds 1-3 text 0.27-0.32, top-5 0.47-0.52
    expect(soft.student.accuracy).toBeGreaterThan(text.student.accuracy + 0.15);
  }, 60_000);

  it('reasoning hidden: the student stays near chance (10%); shown: it learns the skill', () => {
    const base = { 'attack.queries': 1000, 'attack.student.steps': 1000 };
    const shown = run(chatConfig(base));
    const hidden = run(chatConfig({ ...base, 'defense.chat.reasoning': 'hidden' }));
    expect(shown.student.accuracy).toBeGreaterThan(0.8);
    expect(hidden.student.accuracy).toBeLessThan(0.2);
  }, 60_000);
});

describe('chat kind: the shared API gate', () => {
  it('a rate limit refuses prompts beyond accounts x per day x days, and bills only answers', () => {
    const result = run(
      chatConfig({
        'defense.rateLimit.on': true,
        'defense.rateLimit.perDay': 20,
        'attack.accounts': 2,
        'attack.days': 2,
      }),
    );
    expect(result.attacker.answerCap).toBe(80);
    expect(result.attacker.queriesAnswered).toBe(80);
    expect(result.attacker.queriesDenied).toBe(40);
    expect(result.attacker.accountsUsed).toBe(2);
    const statuses = Array.from(result.queries.status);
    expect(statuses.filter((s) => s === 1)).toHaveLength(40);
    expect(result.curve[result.curve.length - 1]!.answered).toBe(80);
    // refused prompts state nothing
    statuses.forEach((s, i) => {
      if (s !== 0) expect(result.queries.servedLabel[i]).toBe(255);
    });
  });
});

describe('chat kind: determinism and inputs', () => {
  it('the same config twice gives the same JSON; another seed another run', () => {
    const config = chatConfig({ 'defense.output.mode': 'topLogprobs' });
    const a = JSON.stringify(summarizeResult(run(config), { queries: true }));
    const b = JSON.stringify(summarizeResult(run(config), { queries: true }));
    expect(a).toBe(b);
    const c = JSON.stringify(summarizeResult(run({ ...config, seed: 2 }), { queries: true }));
    expect(c).not.toBe(a);
  });

  it('names the file it needs when the teacher bytes are not given', () => {
    expect(() => simulate(chatConfig())).toThrow(/models\/chat-teacher-k4\.bin/);
  });

  it('runs every operand count with its own teacher', () => {
    for (const k of [2, 3, 5]) {
      const result = run(chatConfig({ 'scenario.operands': k, 'attack.queries': 20 }));
      expect(result.chat!.operands).toBe(k);
      expect(result.chat!.victimCapability).toBeGreaterThan(0.95);
    }
  });
});

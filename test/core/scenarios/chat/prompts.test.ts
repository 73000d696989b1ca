import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  CHAT_STRATEGIES,
  PROMPT_GENERATORS,
  asksForSteps,
  elicitReasoning,
  randomText,
  taskPrompts,
} from '../../../../src/core/scenarios/chat/prompts';
import { isHeldOut } from '../../../../src/core/scenarios/chat/task';
import { TOKEN, isDigit } from '../../../../src/core/scenarios/chat/vocab';

describe('attacker prompts', () => {
  it('taskPrompts: <bos>, k digits, =, never a held-out problem', () => {
    for (const prompt of taskPrompts(4, 300, createRng(1))) {
      expect(prompt).toHaveLength(6);
      expect(prompt[0]).toBe(TOKEN.bos);
      expect(prompt.slice(1, 5).every(isDigit)).toBe(true);
      expect(prompt[5]).toBe(TOKEN.equals);
      expect(isHeldOut(prompt.slice(1, 5))).toBe(false);
    }
  });

  it('elicitReasoning: the same problems, ended by [steps]', () => {
    const plain = taskPrompts(5, 50, createRng(2));
    const eliciting = elicitReasoning(5, 50, createRng(2));
    eliciting.forEach((prompt, i) => {
      expect(prompt.slice(0, 6)).toEqual(plain[i]!.slice(0, 6));
      expect(prompt[6]).toBe(TOKEN.steps);
    });
  });

  it('randomText: 2 to 8 tokens after <bos>, never <bos> or <end>, every length reached', () => {
    const lengths = new Set<number>();
    for (const prompt of randomText(4, 500, createRng(3))) {
      expect(prompt[0]).toBe(TOKEN.bos);
      lengths.add(prompt.length - 1);
      expect(prompt.slice(1).some((t) => t === TOKEN.bos || t === TOKEN.end)).toBe(false);
    }
    expect([...lengths].sort()).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('every strategy has a generator; only elicitReasoning asks for steps', () => {
    expect(Object.keys(PROMPT_GENERATORS).sort()).toEqual([...CHAT_STRATEGIES].sort());
    expect(CHAT_STRATEGIES.filter(asksForSteps)).toEqual(['elicitReasoning']);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import type { ChatApiOptions } from '../../../../src/core/scenarios/chat/chatApi';
import { honestChatCost } from '../../../../src/core/scenarios/chat/honest';
import { shippedTeacher } from './helpers';

const teacher = shippedTeacher(4).model;
const api: ChatApiOptions = { mode: 'text', topK: 5, reasoning: 'shown', temperature: 1 };
const run = (reasoning: 'shown' | 'hidden', wantStepsShare: number) =>
  honestChatCost(
    teacher,
    { operands: 4, requests: 300, wantStepsShare, api: { ...api, reasoning } },
    createRng(1),
  );

describe('honest users of the chat API', () => {
  it('with reasoning shown, nobody is denied the steps and the answers are right', () => {
    const cost = run('shown', 0.3);
    expect(cost.deniedSteps).toBe(0);
    expect(cost.deniedShare).toBe(0);
    expect(cost.correctShare).toBeGreaterThan(0.98);
  });

  it('with reasoning hidden, every user who wanted the steps is denied them; results stay right', () => {
    const cost = run('hidden', 0.3);
    expect(cost.wantedSteps).toBeGreaterThan(60);
    expect(cost.wantedSteps).toBeLessThan(120);
    expect(cost.deniedSteps).toBe(cost.wantedSteps);
    expect(cost.deniedShare).toBeCloseTo(cost.wantedSteps / 300, 15);
    expect(cost.correctShare).toBeGreaterThan(0.98);
    expect(run('hidden', 0).deniedShare).toBe(0);
  });
});

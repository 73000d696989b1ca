import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { answerPrompt, type ChatApiOptions } from '../../../../src/core/scenarios/chat/chatApi';
import { studentExamples } from '../../../../src/core/scenarios/chat/student';
import { taskPrompts } from '../../../../src/core/scenarios/chat/prompts';
import { VOCAB_SIZE } from '../../../../src/core/scenarios/chat/vocab';
import { shippedTeacher } from './helpers';

const teacher = shippedTeacher(4).model;
const prompts = taskPrompts(4, 20, createRng(1));
const answersFor = (options: Partial<ChatApiOptions>) => {
  const rng = createRng(2);
  const api: ChatApiOptions = { mode: 'text', topK: 5, reasoning: 'shown', temperature: 1 };
  return prompts.map((p) => answerPrompt(teacher, p, { ...api, ...options }, rng));
};

describe("the student's examples", () => {
  it('text: one hard example per visible token, with the window before it', () => {
    const answers = answersFor({ reasoning: 'hidden' });
    const examples = studentExamples(prompts, answers, true);
    expect(examples.distributions).toBeNull();
    expect(examples.count).toBe(answers.reduce((s, a) => s + a.text.length, 0));
    // the first example: the prompt's last 6 tokens predict the result
    expect(Array.from(examples.contexts.subarray(0, 6))).toEqual(prompts[0]);
    expect(examples.tokens[0]).toBe(answers[0]!.text[0]);
  });

  it('top-5 log-probabilities: renormalised over the five, zero elsewhere', () => {
    const answers = answersFor({ mode: 'topLogprobs', topK: 5 });
    const examples = studentExamples(prompts, answers, true);
    const first = answers[0]!.logprobs![0]!;
    const total = first.logprobs.reduce((s, l) => s + Math.exp(l), 0);
    const row = examples.distributions!.subarray(0, VOCAB_SIZE);
    expect(row.filter((t) => t > 0)).toHaveLength(5);
    first.tokens.forEach((token, j) =>
      expect(row[token]).toBeCloseTo(Math.exp(first.logprobs[j]!) / total, 14),
    );
    for (let i = 0; i < examples.count; i++) {
      const sum = examples.distributions!.subarray(i * VOCAB_SIZE, (i + 1) * VOCAB_SIZE);
      expect(sum.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('full log-probabilities: the distribution itself; soft = false gives hard tokens', () => {
    const answers = answersFor({ mode: 'logprobs' });
    const soft = studentExamples(prompts, answers, true);
    const { logprobs } = answers[3]!.logprobs![2]!;
    const offset = answers.slice(0, 3).reduce((s, a) => s + a.text.length, 0) + 2;
    const row = soft.distributions!.subarray(offset * VOCAB_SIZE, (offset + 1) * VOCAB_SIZE);
    row.forEach((t, v) => expect(t).toBeCloseTo(Math.exp(logprobs[v]!), 12));
    expect(studentExamples(prompts, answers, false).distributions).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  answerPrompt,
  topTokens,
  type ChatApiOptions,
} from '../../../../src/core/scenarios/chat/chatApi';
import { promptTokens, runningSums, taskResult } from '../../../../src/core/scenarios/chat/task';
import { TOKEN, VOCAB_SIZE, isChatWord } from '../../../../src/core/scenarios/chat/vocab';
import { shippedTeacher } from './helpers';

const teacher = shippedTeacher(4).model;
const TEXT: ChatApiOptions = { mode: 'text', topK: 5, reasoning: 'shown', temperature: 1 };
const PROBLEMS = [
  [3, 7, 1, 4],
  [9, 9, 9, 9],
  [0, 5, 2, 8],
  [6, 1, 0, 3],
];

describe('chat API: reasoning shown or hidden', () => {
  it.each(PROBLEMS)(
    'shown: %i %i %i %i gets the trace, </think>, the result, chat, <end>',
    (...ops) => {
      const answer = answerPrompt(teacher, promptTokens(ops, false), TEXT, createRng(1));
      expect(answer.hiddenCount).toBe(0);
      expect(answer.text).toEqual(answer.generated);
      expect(answer.text.slice(0, 6)).toEqual([
        ...runningSums(ops),
        TOKEN.thinkEnd,
        taskResult(ops),
      ]);
      const chat = answer.text.slice(6, -1);
      expect(chat.length).toBeGreaterThanOrEqual(2);
      expect(chat.length).toBeLessThanOrEqual(4);
      expect(chat.every(isChatWord)).toBe(true);
      expect(answer.text.at(-1)).toBe(TOKEN.end);
      expect(answer.logprobs).toBeNull();
    },
  );

  it.each(PROBLEMS)('hidden: %i %i %i %i returns only the result and the chat', (...ops) => {
    const options = { ...TEXT, reasoning: 'hidden' as const };
    const answer = answerPrompt(teacher, promptTokens(ops, false), options, createRng(1));
    expect(answer.hiddenCount).toBe(5); // four running sums and </think>
    expect(answer.generated.slice(0, 5)).toEqual([...runningSums(ops), TOKEN.thinkEnd]);
    expect(answer.text).toEqual(answer.generated.slice(5));
    expect(answer.text[0]).toBe(taskResult(ops));
  });

  it.each(PROBLEMS)('hidden, asked for [steps]: %i %i %i %i shows the steps anyway', (...ops) => {
    const options = { ...TEXT, reasoning: 'hidden' as const };
    const answer = answerPrompt(teacher, promptTokens(ops, true), options, createRng(1));
    expect(answer.hiddenCount).toBe(0);
    expect(answer.text.slice(0, 6)).toEqual([
      ...runningSums(ops),
      TOKEN.answerMark,
      taskResult(ops),
    ]);
  });

  it('the same seed gives the same answer; another seed other chatty words', () => {
    const prompt = promptTokens([3, 7, 1, 4], false);
    const texts = [1, 1, 2, 3, 4].map(
      (seed) => answerPrompt(teacher, prompt, TEXT, createRng(seed)).text,
    );
    expect(texts[1]).toEqual(texts[0]);
    expect(new Set(texts.map((t) => t.join(' '))).size).toBeGreaterThan(2);
  });

  it('refuses a temperature that is not positive, naming the field', () => {
    const prompt = promptTokens([1, 2, 3, 4], false);
    expect(() => answerPrompt(teacher, prompt, { ...TEXT, temperature: 0 }, createRng(1))).toThrow(
      'victim.temperature',
    );
  });
});

describe('chat API: log-probabilities', () => {
  it('topLogprobs: k entries per visible token, most likely first, the maths near-certain', () => {
    const options: ChatApiOptions = { ...TEXT, mode: 'topLogprobs', topK: 5, reasoning: 'hidden' };
    const answer = answerPrompt(teacher, promptTokens([3, 7, 1, 4], false), options, createRng(2));
    expect(answer.logprobs).toHaveLength(answer.text.length);
    for (const { tokens, logprobs } of answer.logprobs!) {
      expect(tokens).toHaveLength(5);
      for (let j = 1; j < 5; j++) expect(logprobs[j]!).toBeLessThanOrEqual(logprobs[j - 1]!);
      expect(logprobs.every((l) => l <= 0)).toBe(true);
    }
    // the first visible token is the result: the teacher is sure of it
    expect(answer.logprobs![0]!.tokens[0]).toBe(5);
    expect(answer.logprobs![0]!.logprobs[0]).toBeGreaterThan(Math.log(0.95));
  });

  it.each([1, 20, 0, 99])('topLogprobs clamps k = %i to 1..20', (k) => {
    const options: ChatApiOptions = { ...TEXT, mode: 'topLogprobs', topK: k };
    const answer = answerPrompt(teacher, promptTokens([1, 1, 1, 1], false), options, createRng(3));
    expect(answer.logprobs![0]!.tokens).toHaveLength(Math.min(Math.max(k, 1), 20));
  });

  it('logprobs: the full distribution at every visible position, summing to 1', () => {
    const options: ChatApiOptions = { ...TEXT, mode: 'logprobs' };
    const answer = answerPrompt(teacher, promptTokens([2, 4, 6, 8], true), options, createRng(4));
    expect(answer.logprobs).toHaveLength(answer.text.length);
    for (const { tokens, logprobs } of answer.logprobs!) {
      expect(Array.from(tokens)).toEqual(Array.from({ length: VOCAB_SIZE }, (_, v) => v));
      expect(logprobs.reduce((s, l) => s + Math.exp(l), 0)).toBeCloseTo(1, 12);
    }
  });

  it('temperature flattens the returned distribution of the chatty words', () => {
    const entropyOfFirstWord = (temperature: number): number => {
      const options: ChatApiOptions = { ...TEXT, mode: 'logprobs', temperature };
      const answer = answerPrompt(
        teacher,
        promptTokens([3, 3, 3, 3], false),
        options,
        createRng(5),
      );
      const { logprobs } = answer.logprobs![6]!; // after 4 sums, </think> and the result
      return -logprobs.reduce((s, l) => s + Math.exp(l) * l, 0);
    };
    expect(entropyOfFirstWord(2)).toBeGreaterThan(entropyOfFirstWord(1));
    expect(entropyOfFirstWord(1)).toBeGreaterThan(entropyOfFirstWord(0.3));
  });

  it('topTokens orders by log-probability, lower id first on a tie', () => {
    expect(Array.from(topTokens(Float64Array.of(-3, -1, -2, -1, -9), 4))).toEqual([1, 3, 2, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  answerTokens,
  checkOperands,
  drawChat,
  drawTrainingProblem,
  heldOutProblems,
  isHeldOut,
  promptTokens,
  runningSums,
  statedResult,
  taskResult,
} from '../../../../src/core/scenarios/chat/task';
import { encode, isChatWord } from '../../../../src/core/scenarios/chat/vocab';

describe('chained addition mod 10', () => {
  it.each([
    [[3, 7, 1, 4], [3, 0, 1, 5], 5],
    [[9, 9], [9, 8], 8],
    [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0], 0],
    [[5, 5, 5, 5, 5], [5, 0, 5, 0, 5], 5],
  ])('%j: running sums %j, result %i', (operands, sums, result) => {
    expect(runningSums(operands)).toEqual(sums);
    expect(taskResult(operands)).toBe(result);
  });

  it('writes prompts and full answers in both forms', () => {
    expect(promptTokens([3, 7, 1, 4], false)).toEqual(encode('<bos> 3 7 1 4 ='));
    expect(promptTokens([3, 7, 1, 4], true)).toEqual(encode('<bos> 3 7 1 4 [steps]'));
    const chat = encode('sure so');
    expect(answerTokens([3, 7, 1, 4], chat, false)).toEqual(
      encode('3 0 1 5 </think> 5 sure so <end>'),
    );
    expect(answerTokens([3, 7, 1, 4], chat, true)).toEqual(encode('3 0 1 5 => 5 sure so <end>'));
  });

  it.each([
    ['3 0 1 5 </think> 5 sure <end>', 5],
    ['3 0 1 5 => 7 sure <end>', 7],
    ['5 sure so <end>', 5],
    ['sure 5 <end>', null],
    ['3 0 </think> sure 5', null],
    ['', null],
  ])('statedResult(%s) = %s', (text, result) => {
    expect(statedResult(encode(text))).toBe(result);
  });

  it('draws 2 to 4 chatty words, each of the range reached', () => {
    const rng = createRng(1);
    const lengths = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const chat = drawChat(rng);
      lengths.add(chat.length);
      expect(chat.every(isChatWord)).toBe(true);
    }
    expect([...lengths].sort()).toEqual([2, 3, 4]);
  });

  it('rejects operand counts outside 2..5, naming the field', () => {
    for (const k of [1, 6, 2.5, NaN]) expect(() => checkOperands(k)).toThrow('scenario.operands');
    expect(() => checkOperands(4)).not.toThrow();
  });
});

describe('held-out problems', () => {
  it('hold out about a fifth for k = 3..5, none for k = 2 (where all 100 are evaluated)', () => {
    const k4 = heldOutProblems(4, 1e6, createRng(1));
    expect(k4.length).toBeGreaterThan(1800);
    expect(k4.length).toBeLessThan(2200);
    expect(k4.every(isHeldOut)).toBe(true);
    expect(new Set(k4.map((p) => p.join(''))).size).toBe(k4.length);
    expect(heldOutProblems(2, 1e6, createRng(1))).toHaveLength(100);
    expect(isHeldOut([3, 7])).toBe(false);
  });

  it('the teacher-training draw never gives a held-out problem', () => {
    const rng = createRng(2);
    for (let i = 0; i < 2000; i++) expect(isHeldOut(drawTrainingProblem(3, rng))).toBe(false);
  });

  it('a seed fixes the chosen problems', () => {
    expect(heldOutProblems(5, 50, createRng(7))).toEqual(heldOutProblems(5, 50, createRng(7)));
    expect(heldOutProblems(5, 50, createRng(7))).not.toEqual(heldOutProblems(5, 50, createRng(8)));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHAT_WORDS,
  FIRST_CHAT_TOKEN,
  TOKEN,
  VOCABULARY,
  VOCAB_SIZE,
  decode,
  encode,
  isChatWord,
  isDigit,
} from '../../../../src/core/scenarios/chat/vocab';

describe('chat vocabulary', () => {
  it('has 56 distinct tokens: 10 digits, 6 special, 40 chatty words', () => {
    expect(VOCAB_SIZE).toBe(56);
    expect(new Set(VOCABULARY).size).toBe(56);
    expect(CHAT_WORDS).toHaveLength(40);
    expect(VOCABULARY[FIRST_CHAT_TOKEN]).toBe('sure');
    expect(VOCABULARY[TOKEN.thinkEnd]).toBe('</think>');
    expect(VOCABULARY[TOKEN.steps]).toBe('[steps]');
  });

  it('encodes a prompt and an answer word by word', () => {
    expect(encode('3 7 1 4 =')).toEqual([3, 7, 1, 4, 10]);
    expect(encode('  3 0 1 5 </think> 5 sure  <end> ')).toEqual([3, 0, 1, 5, 13, 5, 16, 12]);
    expect(decode([11, 9, 14])).toBe('<bos> 9 [steps]');
  });

  it('round-trips every token string (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: VOCAB_SIZE - 1 }), { maxLength: 30 }),
        (ids) => {
          expect(encode(decode(ids))).toEqual(ids);
        },
      ),
    );
  });

  it('names the unknown word or id', () => {
    expect(() => encode('3 plus 4')).toThrow("'plus'");
    expect(() => decode([3, 56])).toThrow('56');
  });

  it('classifies digits and chatty words', () => {
    expect([0, 9, 10, 15, 16, 55].map(isDigit)).toEqual([true, true, false, false, false, false]);
    expect([0, 15, 16, 55, 56].map(isChatWord)).toEqual([false, false, true, true, false]);
  });
});

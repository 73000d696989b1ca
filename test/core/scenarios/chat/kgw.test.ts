// The KGW text watermark: the hash against published FNV-1a vectors, green lists by that hash,
// z against hand-computed cases, z of random text under the null and with the watermark, and the
// ownership check's pieces on the shipped teacher (scored positions are the chatty words).
import { describe, expect, it } from 'vitest';
import { createRng, hashString } from '../../../../src/core/rng';
import { sampleFromLog } from '../../../../src/core/scenarios/chat/generate';
import {
  boostGreen,
  greenHash,
  greenList,
  GreenLists,
  kgwZ,
  mix32,
} from '../../../../src/core/scenarios/chat/kgw';
import { promptTokens } from '../../../../src/core/scenarios/chat/task';
import {
  nullDistribution,
  scoredText,
  textZ,
} from '../../../../src/core/scenarios/chat/watermarkCheck';
import { answerAdjustment } from '../../../../src/core/scenarios/chat/chatApi';
import { isChatWord, TOKEN } from '../../../../src/core/scenarios/chat/vocab';
import { log } from '../../../../src/core/math/portable';
import { shippedTeacher } from './helpers';

describe('green lists', () => {
  it('hash with FNV-1a 32 (published test vectors)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('mix with MurmurHash3 fmix32 (its published values)', () => {
    expect(mix32(0)).toBe(0);
    expect(mix32(1)).toBe(0x514e28b7);
    expect(mix32(0xffffffff)).toBe(0x81f16f39);
  });

  it('hash (key, previous, v) as mix32(mix32(mix32(key) + previous) + v)', () => {
    // mix32(0) = 0, so under key 0 after token 0 the hash of v is mix32(v)
    expect(greenHash(0, 0, 1)).toBe(0x514e28b7);
    expect(greenHash(0, 1, 0)).toBe(mix32(0x514e28b7));
    expect(greenHash(1, 0, 0)).toBe(mix32(mix32(0x514e28b7)));
  });

  it('are the round(gamma V) tokens of smallest hash', () => {
    const key = 42;
    const previous = 7;
    const hashes = Array.from({ length: 8 }, (_, v) => greenHash(key, previous, v));
    const smallest = [...hashes].sort((a, b) => a - b).slice(0, 2);
    const expected = hashes.map((h) => (smallest.includes(h) ? 1 : 0));
    expect(Array.from(greenList(key, previous, 8, 2))).toEqual(expected);
    const lists = new GreenLists(key, 0.25, 8);
    expect(lists.size).toBe(2);
    expect(Array.from(lists.after(previous))).toEqual(expected);
    expect(lists.isGreen(previous, expected.indexOf(1))).toBe(true);
  });

  it('hold exactly 14 of the 56 tokens at gamma 0.25, differ by key and previous token', () => {
    const a = new GreenLists(1, 0.25, 56);
    const b = new GreenLists(2, 0.25, 56);
    for (let previous = 0; previous < 56; previous++) {
      expect(a.after(previous).reduce((s, x) => s + x, 0)).toBe(14);
    }
    expect(Array.from(a.after(3))).not.toEqual(Array.from(b.after(3)));
    expect(Array.from(a.after(3))).not.toEqual(Array.from(a.after(4)));
    expect(() => new GreenLists(1, 0, 56)).toThrow(/gamma/);
  });

  it('boost the green logits by delta and nothing else', () => {
    const lists = new GreenLists(5, 0.25, 56);
    const logits = new Float64Array(56);
    boostGreen(logits, 9, lists, 2);
    const flags = lists.after(9);
    for (let v = 0; v < 56; v++) expect(logits[v]).toBe(flags[v] === 1 ? 2 : 0);
  });
});

describe('z-score', () => {
  it('matches hand-computed cases', () => {
    // (20 - 0.25 * 40) / sqrt(40 * 0.25 * 0.75) = 10 / sqrt(7.5)
    expect(kgwZ(20, 40, 0.25)).toBeCloseTo(3.6514837167, 9);
    // (70 - 50) / sqrt(100 * 0.25) = 4
    expect(kgwZ(70, 100, 0.5)).toBe(4);
    // exactly chance: 0; no tokens: 0
    expect(kgwZ(50, 200, 0.25)).toBe(0);
    expect(kgwZ(0, 0, 0.25)).toBe(0);
  });

  it('is about N(0, 1) for uniformly random text and far above 4 with the watermark (T = 200)', () => {
    const rng = createRng(4);
    const uniform = new Float64Array(56).fill(-log(56));
    const zs: number[] = [];
    for (let key = 0; key < 300; key++) {
      const lists = new GreenLists(key, 0.25, 56);
      let previous: number = TOKEN.bos;
      let green = 0;
      for (let t = 0; t < 200; t++) {
        const token = sampleFromLog(uniform, rng);
        if (lists.isGreen(previous, token)) green++;
        previous = token;
      }
      zs.push(kgwZ(green, 200, 0.25));
    }
    const mean = zs.reduce((s, z) => s + z, 0) / zs.length;
    const sd = Math.sqrt(zs.reduce((s, z) => s + (z - mean) ** 2, 0) / (zs.length - 1));
    expect(Math.abs(mean)).toBeLessThan(0.2);
    expect(sd).toBeGreaterThan(0.85);
    expect(sd).toBeLessThan(1.15);
    // with delta 2 on uniform logits the green share is 0.25 e^2 / (0.25 e^2 + 0.75) = 0.711:
    // z about (142 - 50) / sqrt(37.5) = 15
    const lists = new GreenLists(99, 0.25, 56);
    let previous: number = TOKEN.bos;
    let green = 0;
    const logits = new Float64Array(56);
    const logp = new Float64Array(56);
    for (let t = 0; t < 200; t++) {
      logits.fill(0);
      boostGreen(logits, previous, lists, 2);
      let sum = 0;
      for (let v = 0; v < 56; v++) sum += Math.exp(logits[v]!);
      for (let v = 0; v < 56; v++) logp[v] = logits[v]! - Math.log(sum);
      const token = sampleFromLog(logp, rng);
      if (lists.isGreen(previous, token)) green++;
      previous = token;
    }
    expect(kgwZ(green, 200, 0.25)).toBeGreaterThan(11);
    expect(kgwZ(green, 200, 0.25)).toBeLessThan(19);
  });
});

describe('the ownership check on the shipped teacher', () => {
  const { model: teacher } = shippedTeacher(4);
  const prompts = Array.from({ length: 40 }, (_, i) =>
    promptTokens([i % 10, (3 * i) % 10, (7 * i) % 10, 1], false),
  );

  it('scores only positions with a real choice: chatty words and the end, never maths', () => {
    const text = scoredText(teacher, teacher, prompts, 200, createRng(1));
    expect(text.tokens).toHaveLength(200);
    for (const token of text.tokens) {
      expect(isChatWord(token) || token === TOKEN.end, `scored token ${token}`).toBe(true);
    }
  });

  it('gives the served (watermarked) teacher a high z and the clean one none, under the same key', () => {
    const lists = new GreenLists(12345, 0.25, 56);
    const served = answerAdjustment({ watermark: { lists, delta: 2 } });
    const marked = textZ(scoredText(teacher, teacher, prompts, 200, createRng(2), served), lists);
    const clean = textZ(scoredText(teacher, teacher, prompts, 200, createRng(2)), lists);
    expect(marked.z).toBeGreaterThan(8);
    expect(marked.pValue).toBeLessThan(1e-10);
    expect(Math.abs(clean.z)).toBeLessThan(4);
  });

  it('measures the null over keys: the clean teacher is not accused at z 4 (200 keys)', () => {
    const text = scoredText(teacher, teacher, prompts, 200, createRng(3));
    const nullZ = nullDistribution(text, 0.25, 56, 4);
    expect(nullZ.keys).toBe(200);
    expect(Math.abs(nullZ.mean)).toBeLessThan(0.5);
    // each key has its own baseline: wider than N(0, 1), but far from 4
    expect(nullZ.sd).toBeGreaterThan(0.7);
    expect(nullZ.sd).toBeLessThan(1.6);
    expect(nullZ.falseAccusationRate).toBe(0);
  });
});

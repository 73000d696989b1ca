import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { exactMathsShare } from '../../../../src/core/scenarios/chat/evaluate';
import { WindowLm } from '../../../../src/core/scenarios/chat/lm';
import { heldOutProblems } from '../../../../src/core/scenarios/chat/task';
import { meanLoss } from '../../../../src/core/scenarios/chat/train';
import {
  TEACHER_RECIPE,
  TEACHER_SPEC,
  teacherExamples,
  teacherFromBytes,
  teacherToBytes,
  trainTeacher,
} from '../../../../src/core/scenarios/chat/teacher';
import { VOCAB_SIZE } from '../../../../src/core/scenarios/chat/vocab';
import { shippedTeacher, shippedTeacherBytes } from './helpers';

/**
 * SHA-256 of the shipped teacher files, as `npm run train-teacher` wrote them. The k = 4 file is
 * also retrained below and compared byte for byte; `npm run train-teacher -- --check` retrains
 * all four (about 4 s of CPU each, too long for the unit tests on a shared machine).
 */
const SHIPPED_SHA256: Record<number, string> = {
  2: '472a3838001ae1a538b3c1428c4df01d382d5bae896a696cc86776dabd5b4d16',
  3: '26141f7f127e12d7da9105751a4020bc29489f86cebe6a34c1df37b09e621d90',
  4: '3bc68efde1c024a94eab6ea047b670fda6564f3919f427dfe8386d175530b482',
  5: '25cc1d0d47fd026f0fb2556b1d03c9dc1c4c37ffc5b5cdb6eded17d2ce99b963',
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('the shipped teachers', () => {
  it.each([2, 3, 4, 5])('k = %i: the file is the one the training script wrote', (k) => {
    const bytes = shippedTeacherBytes(k);
    expect(bytes.length).toBe(32 + 4 * 18920);
    expect(sha256(bytes)).toBe(SHIPPED_SHA256[k]);
  });

  // about 4 s of CPU; the timeout allows for a machine shared with other jobs
  it(
    'k = 4: the training function reproduces the shipped file bit for bit',
    { timeout: 180_000 },
    () => {
      const bytes = new Uint8Array(teacherToBytes(trainTeacher(4), 4));
      expect(sha256(bytes)).toBe(sha256(shippedTeacherBytes(4)));
    },
  );

  it.each([2, 3, 4, 5])('k = %i: exact maths on held-out problems, both forms', (k) => {
    const { model, operands } = shippedTeacher(k);
    expect(operands).toBe(k);
    expect(model.spec).toEqual(TEACHER_SPEC);
    expect(model.spec.hidden).toBeLessThan(VOCAB_SIZE);
    const problems = heldOutProblems(k, 400, createRng(5));
    expect(exactMathsShare(model, problems, false)).toBe(1);
    expect(exactMathsShare(model, problems, true)).toBe(1);
  });

  it(
    'a short training run is deterministic for every k and lowers the loss',
    { timeout: 120_000 },
    () => {
      const recipe = {
        ...TEACHER_RECIPE,
        conversations: 300,
        phases: [{ steps: 150, learningRate: 0.01 }],
      };
      for (const k of [2, 3, 4, 5]) {
        const first = trainTeacher(k, recipe);
        expect(trainTeacher(k, recipe).params).toEqual(first.params);
        const examples = teacherExamples(k, recipe);
        const fresh = WindowLm.create(TEACHER_SPEC, createRng(1));
        expect(meanLoss(first, examples)).toBeLessThan(meanLoss(fresh, examples) - 1);
      }
    },
  );
});

describe('teacher file format', () => {
  it('round-trips the weights as float32 and names what is wrong with a bad file', () => {
    const { model } = shippedTeacher(4);
    const bytes = teacherToBytes(model, 4);
    const back = teacherFromBytes(bytes);
    expect(back.operands).toBe(4);
    expect(back.model.params).toEqual(model.params);
    expect(() => teacherFromBytes(bytes.slice(0, 20))).toThrow('too short');
    const bad = bytes.slice(0);
    new DataView(bad).setUint32(0, 1, true);
    expect(() => teacherFromBytes(bad)).toThrow('magic');
    const wrongK = bytes.slice(0);
    new DataView(wrongK).setUint32(8, 9, true);
    expect(() => teacherFromBytes(wrongK)).toThrow('scenario.operands');
    expect(() => teacherFromBytes(bytes.slice(0, 32 + 400))).toThrow('18920');
  });

  it('stores float32 values: a trained teacher equals its file read back', () => {
    const model = shippedTeacher(2).model;
    expect(model.params.every((w) => Math.fround(w) === w)).toBe(true);
  });
});

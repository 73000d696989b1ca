import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  changedSettings,
  checkExpectations,
  stepConfig,
  stepIndexFromLink,
} from '../../src/classroom/lessonRun';
import type { Lesson } from '../../src/classroom/lessonSchema';
import { defaultConfig } from '../../src/core/config';

const lesson: Lesson = {
  id: 'l',
  title: 'L',
  summary: 'S',
  start: { 'attack.queries': 500 },
  steps: [
    { title: '1', text: 't', reveal: 'r' },
    { title: '2', text: 't', reveal: 'r', set: { 'defense.output.mode': 'label' } },
    { title: '3', text: 't', reveal: 'r', set: { 'attack.accounts': 50 } },
  ],
};

describe('step configs', () => {
  it('applies start then every step up to the one asked for, whatever the order of visits', () => {
    expect(stepConfig(lesson, 0).attack.queries).toBe(500);
    expect(stepConfig(lesson, 0).defense.output.mode).toBe('probabilities');
    const third = stepConfig(lesson, 2);
    expect([third.attack.queries, third.defense.output.mode, third.attack.accounts]).toEqual([
      500,
      'label',
      50,
    ]);
    expect(stepConfig(lesson, 99)).toEqual(third);
  });

  it('copies arrays so a step never shares them with the lesson', () => {
    const patch = { 'attack.student.hidden': [8, 8] };
    const config = applyPatch(defaultConfig(), patch);
    config.attack.student.hidden.push(4);
    expect(patch['attack.student.hidden']).toEqual([8, 8]);
  });

  it('reads a link step as 1-based and clamps it', () => {
    expect(stepIndexFromLink(lesson, null)).toBe(0);
    expect(stepIndexFromLink(lesson, 2)).toBe(1);
    expect(stepIndexFromLink(lesson, 40)).toBe(2);
  });
});

describe('expectations', () => {
  const facts = {
    'student.fidelity': 0.9,
    'A.student.fidelity': 0.95,
    'watermark.shown': false,
    'detection.flaggedAccounts': null,
  };
  it('compares a fact with a value or with another fact', () => {
    const outcomes = checkExpectations(
      [
        { fact: 'student.fidelity', op: '<', than: 'A.student.fidelity' },
        { fact: 'student.fidelity', op: '>', value: 0.95 },
        { fact: 'watermark.shown', op: '==', value: false },
      ],
      facts,
    );
    expect(outcomes.map((o) => o.holds)).toEqual([true, false, true]);
    expect(outcomes[1]?.message).toBe('student.fidelity is 0.9 (expected > 0.95)');
  });

  it('treats a missing fact as unknown, except against null', () => {
    const outcomes = checkExpectations(
      [
        { fact: 'detection.flaggedAccounts', op: '>=', value: 1 },
        { fact: 'detection.flaggedAccounts', op: '==', value: null },
      ],
      facts,
    );
    expect(outcomes.map((o) => o.holds)).toEqual([null, true]);
  });
});

describe('changedSettings', () => {
  it('lists the settings the learner moved away from the step, with labels and shown values', () => {
    const step = stepConfig(lesson, 2);
    expect(changedSettings(step, step)).toEqual([]);
    const mine = applyPatch(step, { 'attack.accounts': 7, 'defense.output.mode': 'noise' });
    expect(changedSettings(step, mine)).toEqual([
      { path: 'attack.accounts', label: 'Accounts', step: '50', yours: '7' },
      {
        path: 'defense.output.mode',
        label: 'API answers',
        step: 'Label only',
        yours: 'Noisy probabilities',
      },
    ]);
  });

  it('writes layer sizes as the control does', () => {
    const step = stepConfig(lesson, 0);
    const mine = applyPatch(step, { 'attack.student.hidden': [32, 8] });
    expect(changedSettings(step, mine)).toEqual([
      { path: 'attack.student.hidden', label: 'Student layers', step: '16x16', yours: '32x8' },
    ]);
  });
});

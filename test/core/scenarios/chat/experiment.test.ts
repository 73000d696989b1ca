import { describe, expect, it } from 'vitest';
import {
  DISTILL_DEFAULTS,
  ISSUE_ARMS,
  experimentGrid,
  runDistillation,
  type DistillConfig,
} from '../../../../src/core/scenarios/chat/experiment';
import { shippedTeacher } from './helpers';

const teacher = shippedTeacher(4).model;
/** a quick configuration for the mechanics (not the effect) */
const SMALL: DistillConfig = {
  ...DISTILL_DEFAULTS,
  queries: 60,
  evaluationProblems: 50,
  student: { ...DISTILL_DEFAULTS.student, steps: 40 },
};

describe('a distillation run', () => {
  it('is deterministic for a seed', () => {
    const a = runDistillation(teacher, SMALL, 3);
    const b = runDistillation(teacher, SMALL, 3);
    expect(b.transcript).toEqual(a.transcript);
    expect(b.student.params).toEqual(a.student.params);
    expect(b.scores).toEqual(a.scores);
    expect(runDistillation(teacher, SMALL, 4).transcript).not.toEqual(a.transcript);
  });

  it('bills hidden reasoning: four sums and </think> per answer that the attacker never sees', () => {
    const hidden = { ...SMALL, api: { ...SMALL.api, reasoning: 'hidden' as const } };
    const { transcript } = runDistillation(teacher, hidden, 1);
    expect(transcript.billedTokens - transcript.visibleTokens).toBe(5 * SMALL.queries);
    const shown = runDistillation(teacher, SMALL, 1).transcript;
    expect(shown.billedTokens).toBe(shown.visibleTokens);
    expect(shown.billedTokens).toBe(transcript.billedTokens); // the same sampled answers
  });

  it('scores the teacher at 100%; with a perfect teacher, fidelity is capability', () => {
    const { scores } = runDistillation(teacher, SMALL, 2);
    expect(scores.teacherCapability).toBe(1);
    expect(scores.problems).toHaveLength(50);
    // with a perfect teacher, agreeing with it is being right
    expect(scores.studentFidelity).toBe(scores.studentCapability);
  });
});

describe('the effect (k = 4, 1,000 prompts, default student, seed 1)', () => {
  const capabilityOf = (arm: number): number => {
    const { strategy, api } = ISSUE_ARMS[arm]!;
    const config = { ...DISTILL_DEFAULTS, strategy, api: { ...DISTILL_DEFAULTS.api, ...api } };
    return runDistillation(teacher, config, 1).scores.studentCapability;
  };

  // about 2 s of CPU; the timeout allows for a machine shared with other jobs
  it(
    'answers with reasoning teach the skill, answers without it do not, asking for steps restores it',
    {
      timeout: 120_000,
    },
    () => {
      expect(capabilityOf(0)).toBeGreaterThan(0.8); // reasoning shown
      expect(capabilityOf(1)).toBeLessThan(0.2); // hidden: about chance (10%)
      expect(capabilityOf(2)).toBeGreaterThan(0.8); // hidden, elicitReasoning
    },
  );
});

describe('experiment grid', () => {
  it('has one cell per arm and budget, with a capability per seed and their mean', () => {
    const cells = experimentGrid(teacher, SMALL, ISSUE_ARMS.slice(0, 2), [20, 40], 2);
    expect(cells.map((c) => [c.arm, c.queries])).toEqual([
      [ISSUE_ARMS[0]!.label, 20],
      [ISSUE_ARMS[0]!.label, 40],
      [ISSUE_ARMS[1]!.label, 20],
      [ISSUE_ARMS[1]!.label, 40],
    ]);
    for (const cell of cells) {
      expect(cell.capabilities).toHaveLength(2);
      expect(cell.mean).toBeCloseTo((cell.capabilities[0]! + cell.capabilities[1]!) / 2, 15);
    }
  });
});

/**
 * A standalone distillation run of the chat scenario, without the prediction-API gate (accounts,
 * days, rate limits, bans) that the scenario registry adds: the attacker's prompts, the API's
 * answers, the student's training and its evaluation, in three phases that a caller can time
 * apart; and a grid of such runs over seeds, prompt budgets and attack/defense arms (the closing
 * table of the chat issue). Pure: the caller passes the teacher (teacherFromBytes) and a seed.
 *
 * Measured (scripts/chat-experiment.ts; k = 4, default student, seeds 1-5, held-out capability,
 * mean and range; chance is 10%):
 *   arm                              300 prompts     1,000           3,000
 *   reasoning shown, text            43.5 (36-50)    94.5 (87-99)    99.7 (99-100)
 *   reasoning hidden, text            8.4 (7-10)      8.9 (7-11)      8.9 (7-11)
 *   hidden + elicitReasoning, text   41.4 (34-52)    97.2 (96-99)    99.4 (99-100)
 *   reasoning shown, top-5 logprobs  74.8 (69-82)    99.7 (99-100)  100.0
 *   reasoning hidden, top-5 logprobs  9.1 (8-10)      8.2 (8-9)       8.8 (7-10)
 *   randomText, text                 10.2 (9-12)     10.3 (9-12)     11.4 (11-12)
 * Hidden reasoning with 20,000 prompts and 6,000 Adam steps: 9.6% (seeds 1-2). Text against top-5
 * log-probabilities at 100 / 200 / 300 / 500 / 1,000 prompts: 11.0 / 21.9 / 43.5 / 79.7 / 94.5%
 * against 9.8 / 32.3 / 74.8 / 95.3 / 99.7%: top-5 reaches a level with about 1.7-2 times fewer
 * prompts.
 */
import { createRng, type Rng } from '../../rng';
import { answerPrompt, type ChatAnswer, type ChatApiOptions } from './chatApi';
import { capability, fidelity, statedResults } from './evaluate';
import type { WindowLm } from './lm';
import { asksForSteps, PROMPT_GENERATORS, type ChatStrategy } from './prompts';
import { STUDENT_DEFAULTS, studentExamples, trainStudent, type StudentOptions } from './student';
import { heldOutProblems } from './task';
import type { LmExamples } from './train';

export interface DistillConfig {
  /** operands k of the task (the teacher must be trained for it) */
  operands: number;
  strategy: ChatStrategy;
  /** prompts the attacker sends (`attack.queries`) */
  queries: number;
  api: ChatApiOptions;
  student: StudentOptions;
  /** held-out problems capability and fidelity are measured on */
  evaluationProblems: number;
}

export const DISTILL_DEFAULTS: Readonly<DistillConfig> = {
  operands: 4,
  strategy: 'taskPrompts',
  queries: 1000,
  api: { mode: 'text', topK: 5, reasoning: 'shown', temperature: 1 },
  student: STUDENT_DEFAULTS,
  evaluationProblems: 500,
};

/** Phase 1: the attacker's prompts and the API's answers. */
export interface Transcript {
  prompts: number[][];
  answers: ChatAnswer[];
  /** tokens the teacher generated, hidden reasoning included (what the attacker pays for) */
  billedTokens: number;
  /** tokens the attacker saw */
  visibleTokens: number;
}

/** Phase 1: prompts by `config.strategy`, answered by the teacher through the API. */
export function collectTranscript(teacher: WindowLm, config: DistillConfig, rng: Rng): Transcript {
  const generator = PROMPT_GENERATORS[config.strategy];
  const prompts = generator(config.operands, config.queries, rng.fork('prompts'));
  const apiRng = rng.fork('api');
  const answers = prompts.map((prompt) => answerPrompt(teacher, prompt, config.api, apiRng));
  let billedTokens = 0;
  let visibleTokens = 0;
  for (const answer of answers) {
    billedTokens += answer.generated.length;
    visibleTokens += answer.text.length;
  }
  return { prompts, answers, billedTokens, visibleTokens };
}

/** Phase 2: the student's examples (soft when the API returned log-probabilities) and training. */
export function distillStudent(
  transcript: Transcript,
  config: DistillConfig,
  rng: Rng,
): { student: WindowLm; examples: LmExamples } {
  const examples = studentExamples(transcript.prompts, transcript.answers, true);
  return { student: trainStudent(examples, config.student, rng.fork('student')), examples };
}

export interface DistillScores {
  teacherCapability: number;
  studentCapability: number;
  studentFidelity: number;
  /** the held-out problems, and the results teacher and student stated for them */
  problems: number[][];
  teacherResults: (number | null)[];
  studentResults: (number | null)[];
}

/**
 * Phase 3: capability of teacher (plain prompts) and student (asked as it was taught: with
 * [steps] after elicitReasoning), and the student's fidelity to the teacher, on held-out problems.
 */
export function scoreStudent(
  teacher: WindowLm,
  student: WindowLm,
  config: DistillConfig,
  rng: Rng,
): DistillScores {
  const problems = heldOutProblems(
    config.operands,
    config.evaluationProblems,
    rng.fork('held-out'),
  );
  const teacherResults = statedResults(teacher, problems, false);
  const studentResults = statedResults(student, problems, asksForSteps(config.strategy));
  return {
    teacherCapability: capability(problems, teacherResults),
    studentCapability: capability(problems, studentResults),
    studentFidelity: fidelity(studentResults, teacherResults),
    problems,
    teacherResults,
    studentResults,
  };
}

/** The three phases in order, from `seed`. */
export function runDistillation(
  teacher: WindowLm,
  config: DistillConfig,
  seed: number,
): { transcript: Transcript; student: WindowLm; examples: LmExamples; scores: DistillScores } {
  const rng = createRng(seed);
  const transcript = collectTranscript(teacher, config, rng);
  const { student, examples } = distillStudent(transcript, config, rng);
  return { transcript, student, examples, scores: scoreStudent(teacher, student, config, rng) };
}

/** One arm of the experiment grid: an attack strategy against an API setting. */
export interface ExperimentArm {
  label: string;
  strategy: ChatStrategy;
  api: Partial<ChatApiOptions>;
}

/** The arms of the chat issue's closing table. */
export const ISSUE_ARMS: readonly ExperimentArm[] = [
  { label: 'reasoning shown, text', strategy: 'taskPrompts', api: { reasoning: 'shown' } },
  { label: 'reasoning hidden, text', strategy: 'taskPrompts', api: { reasoning: 'hidden' } },
  {
    label: 'hidden + elicitReasoning, text',
    strategy: 'elicitReasoning',
    api: { reasoning: 'hidden' },
  },
  {
    label: 'reasoning shown, top-5 logprobs',
    strategy: 'taskPrompts',
    api: { reasoning: 'shown', mode: 'topLogprobs', topK: 5 },
  },
  {
    label: 'reasoning hidden, top-5 logprobs',
    strategy: 'taskPrompts',
    api: { reasoning: 'hidden', mode: 'topLogprobs', topK: 5 },
  },
  { label: 'randomText, text (baseline)', strategy: 'randomText', api: { reasoning: 'shown' } },
];

export interface ExperimentCell {
  arm: string;
  queries: number;
  /** student capability per seed, in seed order */
  capabilities: number[];
  mean: number;
}

/**
 * Student capability for every arm x prompt budget x seed (seeds 1..seeds), everything else from
 * `base`. `onCell` sees each finished cell (for progress output).
 */
export function experimentGrid(
  teacher: WindowLm,
  base: DistillConfig,
  arms: readonly ExperimentArm[],
  queryCounts: readonly number[],
  seeds: number,
  onCell?: (cell: ExperimentCell) => void,
): ExperimentCell[] {
  const cells: ExperimentCell[] = [];
  for (const arm of arms) {
    for (const queries of queryCounts) {
      const config = { ...base, strategy: arm.strategy, queries, api: { ...base.api, ...arm.api } };
      const capabilities = Array.from(
        { length: seeds },
        (_, s) => runDistillation(teacher, config, s + 1).scores.studentCapability,
      );
      const mean = capabilities.reduce((a, b) => a + b, 0) / seeds;
      const cell = { arm: arm.label, queries, capabilities, mean };
      cells.push(cell);
      onCell?.(cell);
    }
  }
  return cells;
}

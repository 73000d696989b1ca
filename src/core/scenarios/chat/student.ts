/**
 * The attacker's student: a window language model (lm.ts, hidden 48 and ReLU by default) trained on
 * the API's answers, next token by next token over the visible text.
 *
 * With text answers it learns the sampled tokens (hard targets). With log-probabilities it learns
 * each position's returned distribution (soft targets, Hinton, Vinyals and Dean 2015): the full
 * distribution in `logprobs` mode; in `topLogprobs` mode the k returned probabilities renormalised
 * to sum to 1 (t_v = p_v / sum of the top k for the k returned tokens, 0 elsewhere), which is the
 * teacher's distribution conditioned on its top k. Only answer tokens are learnt: the attacker
 * wrote the prompts.
 */
import { exp } from '../../math/portable';
import type { Rng } from '../../rng';
import type { ChatAnswer } from './chatApi';
import { WindowLm, type LmActivation } from './lm';
import { CONTEXT_WINDOW } from './teacher';
import { ExampleBuilder, trainWindowLm, type LmExamples } from './train';
import { VOCAB_SIZE } from './vocab';

export interface StudentOptions {
  /** hidden units (`attack.student.hidden`) */
  hidden: number;
  /** Adam updates (`attack.student.steps`) */
  steps: number;
  activation: LmActivation;
  /** examples per update */
  batchSize: number;
  /** Adam's step size */
  learningRate: number;
}

export const STUDENT_DEFAULTS: Readonly<StudentOptions> = {
  hidden: 48,
  steps: 1000,
  activation: 'relu',
  batchSize: 32,
  learningRate: 0.02,
};

/**
 * The student's training examples from the API's answers to `prompts` (same order): soft targets
 * when `soft` and the answers carry log-probabilities, else hard tokens. The examples of each
 * answer are built once and kept with it (answers are not changed after the API returns them): a
 * session that retrains on all answers so far after each tenth of its prompts (run.ts) then pays
 * for each answer once, not ten times.
 */
export function studentExamples(
  prompts: readonly (readonly number[])[],
  answers: readonly ChatAnswer[],
  soft: boolean,
): LmExamples {
  const useSoft = soft && answers.some((answer) => answer.logprobs !== null);
  const blocks = answers.map((answer, i) => answerExamples(prompts[i]!, answer, useSoft));
  let count = 0;
  for (const block of blocks) count += block.count;
  const W = CONTEXT_WINDOW;
  const V = VOCAB_SIZE;
  const contexts = new Int32Array(count * W);
  const tokens = new Int32Array(count);
  const distributions = useSoft ? new Float64Array(count * V) : null;
  let at = 0;
  for (const block of blocks) {
    contexts.set(block.contexts, at * W);
    tokens.set(block.tokens, at);
    distributions?.set(block.distributions!, at * V);
    at += block.count;
  }
  return { contexts, tokens, distributions, count, window: W, vocab: V };
}

/** The examples of one answer, kept with it (with the prompt and kind they were built for). */
const answerBlocks = new WeakMap<
  ChatAnswer,
  { prompt: readonly number[]; soft: boolean; examples: LmExamples }
>();

/** The examples of one answer (see studentExamples). */
function answerExamples(prompt: readonly number[], answer: ChatAnswer, soft: boolean): LmExamples {
  const kept = answerBlocks.get(answer);
  if (kept && kept.prompt === prompt && kept.soft === soft) return kept.examples;
  const builder = new ExampleBuilder(CONTEXT_WINDOW, VOCAB_SIZE, soft);
  if (!soft || answer.logprobs === null) {
    builder.add(prompt, answer.text);
  } else {
    const targets = answer.logprobs.map(({ tokens, logprobs }) => {
      const target = new Float64Array(VOCAB_SIZE);
      let total = 0;
      for (let j = 0; j < tokens.length; j++) total += target[tokens[j]!] = exp(logprobs[j]!);
      for (let v = 0; v < VOCAB_SIZE; v++) target[v]! /= total;
      return target;
    });
    builder.add(prompt, answer.text, targets);
  }
  const examples = builder.build();
  answerBlocks.set(answer, { prompt, soft, examples });
  return examples;
}

/** A fresh student (weights from `rng`) trained on `examples` with `options`. */
export function trainStudent(examples: LmExamples, options: StudentOptions, rng: Rng): WindowLm {
  const student = WindowLm.create(
    {
      vocab: VOCAB_SIZE,
      window: CONTEXT_WINDOW,
      hidden: options.hidden,
      activation: options.activation,
    },
    rng.fork('init'),
  );
  trainWindowLm(student, examples, {
    steps: options.steps,
    batchSize: options.batchSize,
    learningRate: options.learningRate,
    rng: rng.fork('order'),
  });
  return student;
}

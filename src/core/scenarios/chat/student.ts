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
 * when `soft` and the answers carry log-probabilities, else hard tokens.
 */
export function studentExamples(
  prompts: readonly (readonly number[])[],
  answers: readonly ChatAnswer[],
  soft: boolean,
): LmExamples {
  const useSoft = soft && answers.some((answer) => answer.logprobs !== null);
  const builder = new ExampleBuilder(CONTEXT_WINDOW, VOCAB_SIZE, useSoft);
  answers.forEach((answer, i) => {
    const prompt = prompts[i]!;
    if (!useSoft || answer.logprobs === null) {
      builder.add(prompt, answer.text);
      return;
    }
    const targets = answer.logprobs.map(({ tokens, logprobs }) => {
      const target = new Float64Array(VOCAB_SIZE);
      let total = 0;
      for (let j = 0; j < tokens.length; j++) total += target[tokens[j]!] = exp(logprobs[j]!);
      for (let v = 0; v < VOCAB_SIZE; v++) target[v]! /= total;
      return target;
    });
    builder.add(prompt, answer.text, targets);
  });
  return builder.build();
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

/**
 * The attacker's prompt generators (`attack.strategy` of the chat scenario): each makes `count`
 * prompts as token ids, from the seeded Rng.
 *   - taskPrompts: problems of the task, asked plainly (`<bos> x_1 .. x_k =`);
 *   - elicitReasoning: the same problems ended by the instruction token `[steps]` (in place of `=`),
 *     which the teacher was
 *     trained to obey by writing its steps in the visible answer, so they reach the attacker even
 *     when the API hides the reasoning (the reported campaign's prompts asked the model to write out
 *     its step-by-step reasoning: see REFERENCE.md, "The chat scenario");
 *   - randomText: random token strings, the baseline that knows nothing of the task.
 * Task problems come from the teacher's training part of the problem space, never the held-out
 * fifth, so the student's capability measures what it learnt, not what it memorised (for k = 2
 * every problem is in both, see task.ts).
 */
import type { Rng } from '../../rng';
import { drawTrainingProblem, promptTokens } from './task';
import { TOKEN, VOCAB_SIZE } from './vocab';

export const CHAT_STRATEGIES = ['taskPrompts', 'elicitReasoning', 'randomText'] as const;
export type ChatStrategy = (typeof CHAT_STRATEGIES)[number];

/** random prompts have RANDOM_MIN..RANDOM_MAX tokens after `<bos>` */
const RANDOM_MIN = 2;
const RANDOM_MAX = 8;

/** `count` plain task prompts of k operands. */
export function taskPrompts(k: number, count: number, rng: Rng): number[][] {
  return Array.from({ length: count }, () => promptTokens(drawTrainingProblem(k, rng), false));
}

/** `count` task prompts of k operands that ask for the steps (`[steps]`). */
export function elicitReasoning(k: number, count: number, rng: Rng): number[][] {
  return Array.from({ length: count }, () => promptTokens(drawTrainingProblem(k, rng), true));
}

/**
 * `count` prompts of 2..8 tokens drawn uniformly from the vocabulary without `<bos>` and `<end>`
 * (k is unused: random text knows no task).
 */
export function randomText(_k: number, count: number, rng: Rng): number[][] {
  return Array.from({ length: count }, () => {
    const length = RANDOM_MIN + rng.int(RANDOM_MAX - RANDOM_MIN + 1);
    const prompt: number[] = [TOKEN.bos];
    while (prompt.length <= length) {
      const token = rng.int(VOCAB_SIZE);
      if (token !== TOKEN.bos && token !== TOKEN.end) prompt.push(token);
    }
    return prompt;
  });
}

/** The generator of each strategy (the name -> function map the scenario looks up). */
export const PROMPT_GENERATORS: Readonly<
  Record<ChatStrategy, (k: number, count: number, rng: Rng) => number[][]>
> = { taskPrompts, elicitReasoning, randomText };

/** Does this strategy's student get asked with `[steps]` at evaluation (as it was taught)? */
export function asksForSteps(strategy: ChatStrategy): boolean {
  return strategy === 'elicitReasoning';
}

/**
 * How well a chat model does the task: capability (the share of held-out problems whose final
 * result it states correctly, with greedy decoding) and fidelity (the share on which its stated
 * result equals the teacher's). Chance is 10%: a model that ignores the question and names one
 * digit is right on a tenth of the problems.
 */
import { greedyDecodeMany } from './generate';
import type { WindowLm } from './lm';
import { TOKEN } from './vocab';
import { answerTokens, CHAT_WORDS_MAX, promptTokens, statedResult, taskResult } from './task';

/** Longest answer to decode: k sums, a mark, the result, the chatty words and `<end>`. */
export function maxAnswerTokens(k: number): number {
  return k + 2 + CHAT_WORDS_MAX + 1;
}

/**
 * Whether an answer's stated result (task.ts statedResult: the token after the first `</think>` or
 * `=>`) is settled: it is once that token has come, whatever follows; without such a mark it is the
 * first token, settled only when the answer ends. So decoding for the result can stop here, and
 * statedResult of the shortened answer is that of the whole one.
 */
function resultStated(answer: readonly number[]): boolean {
  const n = answer.length;
  if (n < 2) return false;
  const before = answer[n - 2]!;
  if (before !== TOKEN.thinkEnd && before !== TOKEN.answerMark) return false;
  for (let i = 0; i < n - 2; i++) {
    if (answer[i] === TOKEN.thinkEnd || answer[i] === TOKEN.answerMark) return false;
  }
  return true;
}

/**
 * Each problem's greedy answer (as `decode` at temperature 0 gives it), all problems decoded
 * together (generate.ts greedyDecodeMany); problems of different sizes are grouped by size.
 */
export function greedyAnswers(
  model: WindowLm,
  problems: readonly (readonly number[])[],
  wantSteps: boolean,
  enough?: (answer: readonly number[]) => boolean,
): number[][] {
  const answers: number[][] = new Array<number[]>(problems.length);
  const sizes = new Set(problems.map((operands) => operands.length));
  for (const k of sizes) {
    const ids = problems.flatMap((operands, i) => (operands.length === k ? [i] : []));
    const decoded = greedyDecodeMany(
      model,
      ids.map((i) => promptTokens(problems[i]!, wantSteps)),
      maxAnswerTokens(k),
      enough,
    );
    ids.forEach((i, j) => (answers[i] = decoded[j]!));
  }
  return answers;
}

/**
 * The result each problem's greedy answer states (null: no digit where the result belongs). The
 * prompt carries [steps] when `wantSteps` (a student distilled by `elicitReasoning` is asked the
 * way it was taught).
 */
export function statedResults(
  model: WindowLm,
  problems: readonly (readonly number[])[],
  wantSteps: boolean,
): (number | null)[] {
  const identity = model.frozenIdentity;
  const key = identity === null ? null : `${identity}|${wantSteps ? 1 : 0}|${problems.join(';')}`;
  const kept = key === null ? undefined : frozenResults.get(key);
  if (kept) return kept.slice();
  const results = greedyAnswers(model, problems, wantSteps, resultStated).map((answer) =>
    statedResult(answer),
  );
  if (key !== null) {
    // a few problem sets (a run's held-out and training problems, a few seeds and teachers)
    if (frozenResults.size >= FROZEN_RESULT_SETS) {
      frozenResults.delete(frozenResults.keys().next().value!);
    }
    frozenResults.set(key, results.slice());
  }
  return results;
}

/**
 * The results of frozen models (the shipped teacher: WindowLm.freeze), by the weights' identity and
 * the problem set: greedy decoding is deterministic and frozen weights cannot change, so the
 * teacher's capability is worked out once per teacher file and problem set, oldest dropped first.
 */
const frozenResults = new Map<string, (number | null)[]>();
const FROZEN_RESULT_SETS = 16;

/** Share of problems whose stated result is (x_1 + .. + x_k) mod 10 (0 when there are none). */
export function capability(
  problems: readonly (readonly number[])[],
  results: readonly (number | null)[],
): number {
  let right = 0;
  problems.forEach((operands, i) => {
    if (results[i] === taskResult(operands)) right++;
  });
  return problems.length > 0 ? right / problems.length : 0;
}

/** Share of problems on which the student states the teacher's result (0 when there are none). */
export function fidelity(
  studentResults: readonly (number | null)[],
  teacherResults: readonly (number | null)[],
): number {
  let same = 0;
  studentResults.forEach((result, i) => {
    if (result !== null && result === teacherResults[i]) same++;
  });
  return studentResults.length > 0 ? same / studentResults.length : 0;
}

/**
 * Share of problems whose greedy answer has the exact maths: every running sum, the form the
 * prompt asked for (`</think>` for a plain prompt, `=>` after [steps]) and the result. Stricter
 * than capability: it is what the teacher must get right to teach the steps.
 */
export function exactMathsShare(
  model: WindowLm,
  problems: readonly (readonly number[])[],
  wantSteps: boolean,
): number {
  let exact = 0;
  const answers = greedyAnswers(model, problems, wantSteps);
  for (const [i, operands] of problems.entries()) {
    const answer = answers[i]!;
    const expected = answerTokens(operands, [], wantSteps).slice(0, operands.length + 2);
    if (expected.every((token, i) => answer[i] === token)) exact++;
  }
  return problems.length > 0 ? exact / problems.length : 0;
}

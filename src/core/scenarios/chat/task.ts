/**
 * The chat scenario's task: chained addition modulo 10 of k digits (k = `scenario.operands`, 2-5).
 *
 * A problem x_1 .. x_k is asked as the prompt `<bos> x_1 .. x_k =`, or `<bos> x_1 .. x_k [steps]`
 * when the asker wants the steps: the instruction token ends the question in place of `=`, so it
 * stays inside the model's 6-token window until the trace is written (an instruction before the
 * digits would have left the window by then, and the teacher could not obey it; measured: it then
 * chose the private or the visible form at random). The teacher's full answer is
 *   s_1 .. s_k </think> r w_1 .. w_m <end>         (plain prompt: private reasoning, then the answer)
 *   s_1 .. s_k => r w_1 .. w_m <end>               (prompt with [steps]: the steps in the visible answer)
 * where s_j = (x_1 + .. + x_j) mod 10 are the running sums (the reasoning trace), r = s_k the result,
 * and w_1 .. w_m (m = 2..4) chatty words. With the trace, every step is one small addition with its
 * operand exactly k tokens back and the previous sum one token back, which a model that sees the last
 * 6 tokens can learn; without it, r depends on all k digits at once (Wies, Levine and Shashua, ICLR
 * 2023: sub-task decomposition makes such tasks learnable). The chatty words come after the maths: a
 * preface between question and maths would push the operands out of a 6-token window.
 *
 * Held-out problems: a fixed fifth of each k's 10^k problems (by a hash of k and the problem's
 * number), never used to train the teacher; capability is measured on them (k = 2: on all 100).
 */
import { pow10 } from '../../math/portable';
import { hashString, permutation, type Rng } from '../../rng';
import { CHAT_WORDS, FIRST_CHAT_TOKEN, TOKEN, isDigit } from './vocab';

/** Allowed operand counts k (`scenario.operands`). */
export const OPERANDS_MIN = 2;
export const OPERANDS_MAX = 5;
export const DEFAULT_OPERANDS = 4;
/** chatty words after the result: at least, at most */
export const CHAT_WORDS_MIN = 2;
export const CHAT_WORDS_MAX = 4;
/** one problem in HELD_OUT_EVERY is held out (20%) */
const HELD_OUT_EVERY = 5;
/** smallest k with a held-out part (see isHeldOut) */
const HELD_OUT_MIN_OPERANDS = 3;

/** Throws unless k is an integer in [OPERANDS_MIN, OPERANDS_MAX], naming the field. */
export function checkOperands(k: number): void {
  if (!Number.isInteger(k) || k < OPERANDS_MIN || k > OPERANDS_MAX) {
    throw new RangeError(
      `scenario.operands must be an integer from ${OPERANDS_MIN} to ${OPERANDS_MAX}, got ${k}`,
    );
  }
}

/** The running sums s_j = (x_1 + .. + x_j) mod 10, j = 1..k: the reasoning trace. */
export function runningSums(operands: readonly number[]): number[] {
  let sum = 0;
  return operands.map((x) => (sum = (sum + x) % 10));
}

/** The result (x_1 + .. + x_k) mod 10. */
export function taskResult(operands: readonly number[]): number {
  let sum = 0;
  for (const x of operands) sum += x;
  return sum % 10;
}

/** The prompt `<bos> x_1 .. x_k =` (or `... [steps]` when `wantSteps`) as token ids. */
export function promptTokens(operands: readonly number[], wantSteps: boolean): number[] {
  return [TOKEN.bos, ...operands, wantSteps ? TOKEN.steps : TOKEN.equals];
}

/**
 * The teacher's full answer to a problem (see the file header): trace, `</think>` (plain prompt)
 * or `=>` (prompt with [steps]), result, the chatty words `chat` (token ids), `<end>`.
 */
export function answerTokens(
  operands: readonly number[],
  chat: readonly number[],
  wantSteps: boolean,
): number[] {
  const sums = runningSums(operands);
  const mark = wantSteps ? TOKEN.answerMark : TOKEN.thinkEnd;
  return [...sums, mark, sums[sums.length - 1] ?? 0, ...chat, TOKEN.end];
}

/** CHAT_WORDS_MIN..CHAT_WORDS_MAX chatty words drawn uniformly, as token ids. */
export function drawChat(rng: Rng): number[] {
  const count = CHAT_WORDS_MIN + rng.int(CHAT_WORDS_MAX - CHAT_WORDS_MIN + 1);
  return Array.from({ length: count }, () => FIRST_CHAT_TOKEN + rng.int(CHAT_WORDS.length));
}

/**
 * The final result an answer states: the token right after the first `</think>` or `=>` when the
 * answer has one, else its first token; null when that token is not a digit (a wrong answer).
 */
export function statedResult(answer: ArrayLike<number>): number | null {
  let at = 0;
  for (let i = 0; i < answer.length; i++) {
    const token = answer[i]!;
    if (token === TOKEN.thinkEnd || token === TOKEN.answerMark) {
      at = i + 1;
      break;
    }
  }
  const token = at < answer.length ? answer[at]! : -1;
  return isDigit(token) ? token : null;
}

/** The problem's number: its digits read in base 10 (x_1 first). */
function problemNumber(operands: readonly number[]): number {
  let n = 0;
  for (const x of operands) n = n * 10 + x;
  return n;
}

/** The k digits of problem number n (inverse of problemNumber). */
function problemOfNumber(n: number, k: number): number[] {
  const operands = new Array<number>(k);
  for (let i = k - 1; i >= 0; i--) {
    operands[i] = n % 10;
    n = Math.floor(n / 10);
  }
  return operands;
}

/**
 * Is this problem in the held-out fifth (never in the teacher's training data)? For k = 2 none is:
 * its 100 problems are the addition table itself, and a teacher that never saw a pair could not
 * know its sum, so for k = 2 every problem is both a training and an evaluation problem.
 */
export function isHeldOut(operands: readonly number[]): boolean {
  if (operands.length < HELD_OUT_MIN_OPERANDS) return false;
  return hashString(`${operands.length}:${problemNumber(operands)}`) % HELD_OUT_EVERY === 0;
}

/** A problem of k digits drawn uniformly from all 10^k (held-out ones included). */
export function drawProblem(k: number, rng: Rng): number[] {
  return Array.from({ length: k }, () => rng.int(10));
}

/** A problem drawn uniformly from the teacher's training part (the held-out fifth excluded). */
export function drawTrainingProblem(k: number, rng: Rng): number[] {
  for (;;) {
    const operands = drawProblem(k, rng);
    if (!isHeldOut(operands)) return operands;
  }
}

/**
 * Up to `count` distinct held-out problems of k digits, in a seeded random order (all of them when
 * there are fewer: k = 3 has about 200; for k = 2, all 100 problems, see isHeldOut).
 */
export function heldOutProblems(k: number, count: number, rng: Rng): number[][] {
  checkOperands(k);
  const held: number[] = [];
  const total = pow10(k);
  const all = k < HELD_OUT_MIN_OPERANDS;
  for (let n = 0; n < total; n++) if (all || isHeldOut(problemOfNumber(n, k))) held.push(n);
  const order = permutation(rng, held.length);
  const chosen = Math.min(count, held.length);
  return Array.from({ length: chosen }, (_, i) => problemOfNumber(held[order[i]!]!, k));
}

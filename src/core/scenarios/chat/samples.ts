/**
 * What the page shows of a chat run: the first exchanges of the attacker's transcript (what the
 * API hid kept apart, so the page can grey it out) and teacher and student answering the same
 * held-out problems with greedy decoding, as words.
 */
import type { QueryTrace } from '../../types';
import type { ChatAnswer } from './chatApi';
import { maxAnswerTokens } from './evaluate';
import { decode } from './generate';
import type { WindowLm } from './lm';
import type { ChatTurn, SideBySide } from './result';
import { promptTokens, taskResult } from './task';
import { VOCABULARY } from './vocab';

/** Exchanges kept for the transcript view. */
export const TRANSCRIPT_TURNS = 6;
/** Problems answered side by side. */
export const SIDE_BY_SIDE = 3;
/** Alternatives shown with the first visible token when the API returns log-probabilities. */
const TOP_SHOWN = 5;

const words = (tokens: readonly number[]): string[] => tokens.map((t) => VOCABULARY[t] ?? '?');

/** The first TRANSCRIPT_TURNS answered exchanges, in the attacker's order. */
export function chatTurns(
  prompts: readonly (readonly number[])[],
  answers: readonly (ChatAnswer | null)[],
  trace: QueryTrace,
): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (let i = 0; i < answers.length && turns.length < TRANSCRIPT_TURNS; i++) {
    const answer = answers[i];
    if (!answer) continue;
    const first = answer.logprobs?.[0];
    const top = first
      ? Array.from(first.tokens, (token, j) => ({ token, logprob: first.logprobs[j]! }))
          .sort((a, b) => b.logprob - a.logprob || a.token - b.token)
          .slice(0, TOP_SHOWN)
          .map(({ token, logprob }) => ({ token: VOCABULARY[token] ?? '?', logprob }))
      : [];
    turns.push({
      index: i,
      account: trace.account[i]!,
      day: trace.day[i]!,
      prompt: words(prompts[i]!),
      hidden: words(answer.generated.slice(0, answer.hiddenCount)),
      visible: words(answer.text),
      firstTokenTop: top,
    });
  }
  return turns;
}

/** Teacher (asked plainly) and student (asked as the attacker asked) on the first problems. */
export function sideBySide(
  teacher: WindowLm,
  student: WindowLm,
  problems: readonly (readonly number[])[],
  studentWantsSteps: boolean,
): SideBySide[] {
  return problems.slice(0, SIDE_BY_SIDE).map((operands) => {
    const greedy = (model: WindowLm, steps: boolean) =>
      words(
        decode(model, promptTokens(operands, steps), {
          maxTokens: maxAnswerTokens(operands.length),
          temperature: 0,
        }),
      );
    return {
      operands: [...operands],
      prompt: words(promptTokens(operands, false)),
      teacher: greedy(teacher, false),
      student: greedy(student, studentWantsSteps),
      correct: taskResult(operands),
    };
  });
}

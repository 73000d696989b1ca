/**
 * What the chat API's settings cost honest users. Honest users ask task problems the plain way
 * (`x_1 .. x_k =`: they do not know the `[steps]` phrasing an extraction campaign engineers), and a
 * share of them want to see how the model got there. With reasoning hidden those users do not get
 * the steps: the issue asks that this cost be said and counted, as the share of honest requests
 * that wanted the steps and did not get them. Their results are unaffected (the model still
 * reasons; it only keeps the trace to itself), which `correctShare` shows.
 */
import type { Rng } from '../../rng';
import { answerPrompt, type ChatApiOptions } from './chatApi';
import type { WindowLm } from './lm';
import { drawProblem, promptTokens, runningSums, statedResult, taskResult } from './task';

export interface HonestChatOptions {
  /** operands k of the task */
  operands: number;
  /** honest requests to simulate */
  requests: number;
  /** share of honest requests that want the steps (0..1) */
  wantStepsShare: number;
  api: ChatApiOptions;
}

export interface HonestChatCost {
  requests: number;
  /** requests that wanted the steps */
  wantedSteps: number;
  /** of those, requests whose visible answer did not contain the steps */
  deniedSteps: number;
  /** deniedSteps / requests: the cost the page shows */
  deniedShare: number;
  /** share of requests whose visible answer states the right result */
  correctShare: number;
  /** the same share read from everything the model wrote (what an undefended API would return) */
  cleanCorrectShare: number;
}

/** Does the visible answer contain the running sums, in order, before the result? */
function showsSteps(visible: readonly number[], operands: readonly number[]): boolean {
  const sums = runningSums(operands);
  return sums.every((sum, i) => visible[i] === sum);
}

/**
 * Simulates `requests` honest requests (problems drawn uniformly, each wanting the steps with
 * probability wantStepsShare) answered by the teacher through the API with `options.api`.
 */
export function honestChatCost(
  teacher: WindowLm,
  options: HonestChatOptions,
  rng: Rng,
): HonestChatCost {
  let wantedSteps = 0;
  let deniedSteps = 0;
  let correct = 0;
  let cleanCorrect = 0;
  for (let r = 0; r < options.requests; r++) {
    const operands = drawProblem(options.operands, rng);
    const wants = rng.next() < options.wantStepsShare;
    const answer = answerPrompt(teacher, promptTokens(operands, false), options.api, rng);
    if (statedResult(answer.text) === taskResult(operands)) correct++;
    if (statedResult(answer.generated) === taskResult(operands)) cleanCorrect++;
    if (!wants) continue;
    wantedSteps++;
    if (!showsSteps(answer.text, operands)) deniedSteps++;
  }
  const n = options.requests;
  return {
    requests: n,
    wantedSteps,
    deniedSteps,
    deniedShare: n > 0 ? deniedSteps / n : 0,
    correctShare: n > 0 ? correct / n : 0,
    cleanCorrectShare: n > 0 ? cleanCorrect / n : 0,
  };
}

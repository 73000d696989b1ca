/**
 * What the reasoning-elicitation filter (`defense.elicitation.on`) costs honest users. In the lab's
 * language the only way to ask for an explanation is the one a campaign uses (`[steps]`), so a
 * filter that withholds the steps of such requests cannot tell an honest user who wants to learn
 * the method from an extraction prompt. Measured, not assumed: honest requests that want the steps
 * (`scenario.honestWantSteps`) ask for them explicitly, the API answers with the filter on, and a
 * request counts as denied when its visible answer lacks the running sums. (The hidden-reasoning
 * measure of ./honest.ts keeps its own model, where honest users ask plainly and read the trace.)
 */
import type { Rng } from '../../rng';
import { answerPrompt, type ChatApiOptions } from './chatApi';
import type { WindowLm } from './lm';
import { drawProblem, promptTokens, runningSums } from './task';

export interface ElicitationCost {
  requests: number;
  /** requests that asked for the steps explicitly */
  askedSteps: number;
  /** of those, requests whose visible answer lacked the steps */
  filtered: number;
  /** filtered / requests: the steps-denied cost of the filter */
  filteredShare: number;
}

/**
 * Simulates `requests` honest requests (problems drawn uniformly, each asking for the steps with
 * probability `wantStepsShare`, only those are sent) answered through the API with `api`.
 */
export function honestElicitationCost(
  teacher: WindowLm,
  options: { operands: number; requests: number; wantStepsShare: number; api: ChatApiOptions },
  rng: Rng,
): ElicitationCost {
  let askedSteps = 0;
  let filtered = 0;
  for (let r = 0; r < options.requests; r++) {
    const operands = drawProblem(options.operands, rng);
    if (!(rng.next() < options.wantStepsShare)) continue;
    askedSteps++;
    const answer = answerPrompt(teacher, promptTokens(operands, true), options.api, rng);
    const sums = runningSums(operands);
    if (!sums.every((sum, i) => answer.text[i] === sum)) filtered++;
  }
  const n = options.requests;
  return { requests: n, askedSteps, filtered, filteredShare: n > 0 ? filtered / n : 0 };
}

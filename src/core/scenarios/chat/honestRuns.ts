/**
 * The chat kind's honest-user measures for one run: the API's settings on honest requests
 * (./honest.ts, exactly as before the chat-defense issue when no answer-changing defense is on),
 * and, when the API changes the served distribution (logit noise, the watermark), the same
 * requests answered without the change (results lost to each change, measured apart) and the
 * distortion of the served distribution (./servedShift.ts); the elicitation filter's cost when it
 * is on (./elicitation.ts). Each measure draws from its own fork of the run's stream.
 */
import type { Config } from '../../config/schema';
import type { Rng } from '../../rng';
import { changesAnswers, withoutAnswerChanges } from './apiSettings';
import { answerAdjustment, answerPrompt, type ChatApiOptions } from './chatApi';
import { honestElicitationCost, type ElicitationCost } from './elicitation';
import { honestChatCost, type HonestChatCost } from './honest';
import type { WindowLm } from './lm';
import { servedDistortion } from './servedShift';
import { drawProblem, promptTokens, statedResult, taskResult } from './task';

/** Honest prompts the distortion is measured along. */
export const DISTORTION_PROMPTS = 100;

export interface HonestRuns {
  honest: HonestChatCost;
  /** results lost through changed answers, by defense id (output: logit noise; watermark) */
  changedDropBy: Partial<Record<string, number>>;
  /** mean L1 distance between clean and served distributions (null: nothing changes them) */
  servedDistortion: number | null;
  /** the elicitation filter's cost (null: the filter is off) */
  elicitation: ElicitationCost | null;
}

/**
 * Share of `requests` plain honest problems whose full answer states the right result through the
 * API with `api`. Coupled across settings: the problems come from their own stream, and request r
 * samples from a generator of its own (fork `changed-r`), so a clean and a served run use the same
 * uniforms and differ only where the served distribution moves a token across them (independent
 * streams made the difference of two runs mostly sampling noise, even negative).
 */
function correctShare(
  teacher: WindowLm,
  operands: number,
  requests: number,
  api: ChatApiOptions,
  rng: Rng,
): number {
  const problemRng = rng.fork('changed-problems');
  let right = 0;
  for (let r = 0; r < requests; r++) {
    const problem = drawProblem(operands, problemRng);
    const answer = answerPrompt(
      teacher,
      promptTokens(problem, false),
      api,
      rng.fork(`changed-${r}`),
    );
    if (statedResult(answer.generated) === taskResult(problem)) right++;
  }
  return requests > 0 ? right / requests : 0;
}

/** The honest measures of a run (see the header); `requests` honest requests each. */
export function honestChatRuns(
  teacher: WindowLm,
  config: Config,
  api: ChatApiOptions,
  requests: number,
  rng: Rng,
): HonestRuns {
  const base = {
    operands: config.scenario.operands,
    requests,
    wantStepsShare: config.scenario.honestWantSteps,
  };
  const honest = honestChatCost(teacher, { ...base, api }, rng.fork('honest'));
  const changedDropBy: Partial<Record<string, number>> = {};
  let distortion: number | null = null;
  if (changesAnswers(api)) {
    const clean = withoutAnswerChanges(api);
    const cleanCorrect = correctShare(teacher, config.scenario.operands, requests, clean, rng);
    const lost = (change: Partial<ChatApiOptions>) =>
      cleanCorrect -
      correctShare(teacher, config.scenario.operands, requests, { ...clean, ...change }, rng);
    if (api.logitNoise) changedDropBy.output = lost({ logitNoise: api.logitNoise });
    if (api.watermark) changedDropBy.watermark = lost({ watermark: api.watermark });
    const promptRng = rng.fork('distortion-prompts');
    const prompts = Array.from({ length: DISTORTION_PROMPTS }, () =>
      promptTokens(drawProblem(base.operands, promptRng), false),
    );
    distortion = servedDistortion(
      teacher,
      prompts,
      api.temperature,
      answerAdjustment(api)!,
      rng.fork('distortion'),
    );
  }
  const elicitation = config.defense.elicitation.on
    ? honestElicitationCost(teacher, { ...base, api }, rng.fork('honest-elicitation'))
    : null;
  return { honest, changedDropBy, servedDistortion: distortion, elicitation };
}

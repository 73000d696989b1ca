/**
 * The logit-stealing attacker's session (attack `logitStealing`, ./stealing.ts): its random prompts
 * go one by one through the shared API gate (accounts, days, rate limits, bans), each admitted one
 * is answered with a single token (the attacker asks for one: max_tokens = 1) and, in a
 * log-probability format, that token's log-probabilities; the first position's vectors are the
 * rows of the attack. No student is trained: the learning curve records answered prompts with
 * capability and fidelity 0 (nothing that answers problems was built).
 */
import type { PredictionApi } from '../../api';
import type { Config } from '../../config/schema';
import type { Rng } from '../../rng';

import { CURVE_POINTS } from '../../session';
import type { CurvePoint, QueryTrace } from '../../types';
import type { ChatAnswer, ChatApiOptions } from './chatApi';
import type { WindowLm } from './lm';
import { createChatSender } from './sender';
import { rowsFromAnswers, stealLastLayer, type StealingReport } from './stealing';

export interface StealingSessionParts {
  config: Config;
  teacher: WindowLm;
  api: PredictionApi;
  apiOptions: ChatApiOptions;
  prompts: readonly (readonly number[])[];
  rng: Rng;
}

export interface StealingSessionRecord {
  report: StealingReport;
  curve: CurvePoint[];
  curveTokens: number[];
  answers: (ChatAnswer | null)[];
  trace: QueryTrace;
  accountsUsed: number;
  answered: number;
  billedTokens: number;
  visibleTokens: number;
}

/** Sends the prompts (one token each) and runs the attack on the rows it got. */
export function runStealingSession(parts: StealingSessionParts): StealingSessionRecord {
  const { config, teacher, api, prompts } = parts;
  const { accounts, days } = config.attack;
  const apiOptions: ChatApiOptions = { ...parts.apiOptions, maxTokens: 1 };
  const apiRng = parts.rng.fork('api');
  const budget = prompts.length;
  const sender = createChatSender({
    api,
    teacher,
    apiOptions,
    prompts,
    accounts,
    days,
    rng: apiRng,
  });
  const curve: CurvePoint[] = [];
  const curveTokens: number[] = [];
  const points = Math.min(CURVE_POINTS, budget);
  let next = 1;
  for (let i = 0; i < budget; i++) {
    sender.send(i);
    if (i + 1 === Math.ceil((next * budget) / points)) {
      next++;
      curve.push({
        queries: i + 1,
        answered: sender.answered,
        fidelity: 0,
        fidelityUniform: 0,
        accuracy: 0,
      });
      curveTokens.push(sender.billedTokens);
    }
  }
  const { answers } = sender;
  const report = stealLastLayer(rowsFromAnswers(answers, teacher.spec.vocab), teacher);
  return {
    report,
    curve,
    curveTokens,
    answers,
    trace: sender.trace,
    accountsUsed: sender.accountsUsed,
    answered: sender.answered,
    billedTokens: sender.billedTokens,
    visibleTokens: sender.visibleTokens,
  };
}

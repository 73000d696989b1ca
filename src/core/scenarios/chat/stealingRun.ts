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
import { planQuery } from '../../schedule';
import { CURVE_POINTS } from '../../session';
import { QUERY_STATUS, type CurvePoint, type QueryTrace } from '../../types';
import { answerPrompt, type ChatAnswer, type ChatApiOptions } from './chatApi';
import type { WindowLm } from './lm';
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
  const trace: QueryTrace = {
    count: 0,
    dims: 0,
    inputs: new Float64Array(0),
    status: new Uint8Array(budget),
    servedLabel: new Uint8Array(budget).fill(255),
    watermarked: new Uint8Array(budget),
    account: new Uint32Array(budget),
    day: new Uint16Array(budget),
  };
  const answers: (ChatAnswer | null)[] = [];
  const used = new Set<number>();
  const curve: CurvePoint[] = [];
  const curveTokens: number[] = [];
  const points = Math.min(CURVE_POINTS, budget);
  let answered = 0;
  let billedTokens = 0;
  let visibleTokens = 0;
  let next = 1;
  for (let i = 0; i < budget; i++) {
    const plan = planQuery(i, budget, accounts, days);
    let account = plan.account;
    for (let step = 0; step < accounts && api.isBanned(account); step++) {
      account = (plan.account + step + 1) % accounts;
    }
    used.add(account);
    const status = api.admit(account, plan.day);
    trace.status[i] = status;
    trace.account[i] = account;
    trace.day[i] = plan.day;
    trace.count = i + 1;
    if (status === QUERY_STATUS.answered) {
      const answer = answerPrompt(teacher, prompts[i]!, apiOptions, apiRng);
      answers.push(answer);
      answered++;
      billedTokens += answer.generated.length;
      visibleTokens += answer.text.length;
    } else {
      answers.push(null);
    }
    if (i + 1 === Math.ceil((next * budget) / points)) {
      next++;
      curve.push({ queries: i + 1, answered, fidelity: 0, fidelityUniform: 0, accuracy: 0 });
      curveTokens.push(billedTokens);
    }
  }
  const report = stealLastLayer(rowsFromAnswers(answers, teacher.spec.vocab), teacher);
  return {
    report,
    curve,
    curveTokens,
    answers,
    trace,
    accountsUsed: used.size,
    answered,
    billedTokens,
    visibleTokens,
  };
}

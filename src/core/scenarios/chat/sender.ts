/**
 * Sending the chat attacker's prompts, one at a time, through the shared API gate: each prompt
 * goes out on the account and day the schedule gives it (src/core/schedule.ts), moved to the next
 * account not banned (bans come from detectors only, as in the planar session); an admitted prompt
 * is answered by the teacher through the chat API, and the books are kept: the query trace, the
 * answers (null where refused), the accounts used, the prompts answered, the tokens billed (every
 * generated token) and seen (the visible ones). Used by the distillation session (./run.ts) and
 * the logit-stealing session (./stealingRun.ts); what each does between prompts is its own.
 */
import type { PredictionApi } from '../../api';
import type { Config } from '../../config/schema';
import type { Rng } from '../../rng';
import { planQuery } from '../../schedule';
import { CURVE_POINTS } from '../../session';
import { QUERY_STATUS, type CurvePoint, type QueryTrace } from '../../types';
import type { CampaignWatch } from './campaignWatch';
import { answerPrompt, type ChatAnswer, type ChatApiOptions } from './chatApi';
import type { WindowLm } from './lm';
import { statedResult } from './task';

/** What every chat attacker's session starts from. */
export interface ChatSessionBase {
  config: Config;
  teacher: WindowLm;
  api: PredictionApi;
  apiOptions: ChatApiOptions;
  prompts: readonly (readonly number[])[];
  rng: Rng;
}

/** The books of a chat session's traffic: its learning curve and what the API counted. */
export interface ChatTraffic {
  curve: CurvePoint[];
  /** billed tokens after each curve point */
  curveTokens: number[];
  /** the answer to each prompt (null where the API refused it) */
  answers: (ChatAnswer | null)[];
  trace: QueryTrace;
  accountsUsed: number;
  answered: number;
  billedTokens: number;
  visibleTokens: number;
}

/** Curve points after prompts ceil(i * N / points), i = 1..points (as the planar session). */
export function chatCheckpoints(budget: number): number[] {
  const points = Math.min(CURVE_POINTS, budget);
  return Array.from({ length: points }, (_, i) => Math.ceil(((i + 1) * budget) / points));
}

/** What a session adds to the sender besides its own parts. */
export interface ChatSenderOptions {
  /** record the result each answer states as the trace's served label (else 255) */
  recordStated?: boolean;
  /** 1 where prompts[i] is cover traffic (./mixing.ts), as campaign detection is told */
  cover?: Uint8Array;
  /** campaign detection: told of each new day and of each answered request */
  campaign?: CampaignWatch;
}

export interface ChatSender {
  /** Sends prompt `i` (in order, from 0); returns its answer, or null if the API refused it. */
  send(i: number): ChatAnswer | null;
  /** Adds a learning-curve point after the prompts sent so far, with the student's measures. */
  addCurvePoint(queries: number, accuracy: number, fidelity: number): void;
  /** The books so far. */
  traffic(): ChatTraffic;
  /** the answer to each prompt sent so far (null where refused) */
  answers: readonly (ChatAnswer | null)[];
}

/**
 * The sender of a session's prompts: on the config's accounts and days, with the API's sampling
 * on the session's stream 'api'.
 */
export function createChatSender(
  session: ChatSessionBase,
  options: ChatSenderOptions = {},
): ChatSender {
  const { api, teacher, apiOptions, prompts } = session;
  const { accounts, days } = session.config.attack;
  const rng = session.rng.fork('api');
  const { cover, campaign } = options;
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
  let answered = 0;
  let billedTokens = 0;
  let visibleTokens = 0;
  const curve: CurvePoint[] = [];
  const curveTokens: number[] = [];
  return {
    answers,
    addCurvePoint(queries, accuracy, fidelity) {
      curve.push({ queries, answered, fidelity, fidelityUniform: fidelity, accuracy });
      curveTokens.push(billedTokens);
    },
    traffic: () => ({
      curve,
      curveTokens,
      answers,
      trace,
      accountsUsed: used.size,
      answered,
      billedTokens,
      visibleTokens,
    }),
    send(i) {
      const plan = planQuery(i, budget, accounts, days);
      campaign?.reach(plan.day);
      let account = plan.account;
      const allBanned = api.bannedCount >= accounts;
      for (let step = 0; !allBanned && step < accounts && api.isBanned(account); step++) {
        account = (plan.account + step + 1) % accounts;
      }
      used.add(account);
      const status = api.admit(account, plan.day);
      trace.status[i] = status;
      trace.account[i] = account;
      trace.day[i] = plan.day;
      trace.count = i + 1;
      if (status !== QUERY_STATUS.answered) {
        answers.push(null);
        return null;
      }
      const answer = answerPrompt(teacher, prompts[i]!, apiOptions, rng);
      answers.push(answer);
      answered++;
      billedTokens += answer.generated.length;
      visibleTokens += answer.text.length;
      if (options.recordStated) trace.servedLabel[i] = statedResult(answer.text) ?? 255;
      campaign?.answer(account, plan.day, prompts[i]!, cover?.[i] === 1);
      return answer;
    },
  };
}

/**
 * The chat attacker's session: its prompts go one by one through the shared API gate
 * (PredictionApi.admit: bans, rate limits, on the attacker's accounts and days from schedule.ts),
 * the teacher answers each admitted prompt through the chat API (./chatApi.ts), and after each
 * tenth of the prompts the student trains on everything seen so far and is measured (the learning
 * curve, in prompts and in billed tokens). Cover prompts (`attack.mixing`, ./mixing.ts) go through
 * the API and are billed like any other but are never trained on; with campaign detection on
 * (./campaignWatch.ts) every answered prompt is reported to it and each new day first ends the
 * days before it (the detection runs at the end of each day and bans through the API).
 *
 * Training: the student keeps its weights and its Adam state (one optimizer for the run) from one
 * curve point to the next, as an attacker that keeps training while answers arrive, and gets steps
 * in proportion to the prompts sent, so a run makes `attack.student.steps` Adam updates in all:
 * after prompt n of N it has made round(steps * n / N). This is not the standalone experiment's
 * recipe (./experiment.ts trains a fresh student on all answers at the end), and early updates see
 * few examples, so at small budgets the student does less well than there: measured at 300
 * prompts, seeds 1-3, text 27-32% (experiment: 36-50%), top-5 log-probabilities 47-52% (69-82%);
 * at 1,000 prompts text 88-93%, top-5 97-100% (see the bench and the branch report).
 */
import type { PredictionApi } from '../../api';
import { createOptimizer } from '../../models/optimizer';
import type { Config } from '../../config/schema';
import { planQuery } from '../../schedule';
import type { Rng } from '../../rng';
import { CURVE_POINTS } from '../../session';
import { QUERY_STATUS, type CurvePoint, type QueryTrace } from '../../types';
import type { CampaignWatch } from './campaignWatch';
import { answerPrompt, type ChatAnswer, type ChatApiOptions } from './chatApi';
import { WindowLm } from './lm';
import { STUDENT_DEFAULTS, studentExamples, type StudentOptions } from './student';
import { CONTEXT_WINDOW } from './teacher';
import { statedResult } from './task';
import { trainWindowLm } from './train';
import { VOCAB_SIZE } from './vocab';

/** What the session needs from the kind. */
export interface ChatSessionParts {
  config: Config;
  teacher: WindowLm;
  api: PredictionApi;
  apiOptions: ChatApiOptions;
  prompts: readonly (readonly number[])[];
  /** 1 where prompts[i] is cover traffic (./mixing.ts): sent and paid for, never trained on */
  cover?: Uint8Array;
  /** campaign detection (./campaignWatch.ts): told of each answered request and of each new day */
  campaign?: CampaignWatch;
  /** the student's capability and fidelity now */
  measure(student: WindowLm): { capability: number; fidelity: number };
  rng: Rng;
  onProgress?: (fraction: number, phase: string) => void;
}

export interface ChatSessionRecord {
  student: WindowLm;
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

/** The student options of a config (hidden units and steps from it, the rest the defaults). */
export function studentOptions(config: Config): StudentOptions {
  return {
    ...STUDENT_DEFAULTS,
    hidden: config.attack.student.width,
    steps: config.attack.student.steps,
  };
}

/** Curve points after prompts ceil(i * N / points), i = 1..points (as the planar session). */
function checkpoints(budget: number): number[] {
  const points = Math.min(CURVE_POINTS, budget);
  return Array.from({ length: points }, (_, i) => Math.ceil(((i + 1) * budget) / points));
}

/** Runs the attacker's prompts through the API and trains the student along the way. */
export function runChatSession(parts: ChatSessionParts): ChatSessionRecord {
  const { config, teacher, api, apiOptions, prompts, rng } = parts;
  const { accounts, days } = config.attack;
  const budget = prompts.length;
  const options = studentOptions(config);
  const student = WindowLm.create(
    {
      vocab: VOCAB_SIZE,
      window: CONTEXT_WINDOW,
      hidden: options.hidden,
      activation: options.activation,
    },
    rng.fork('student-init'),
  );
  const orderRng = rng.fork('student-order');
  const optimizer = createOptimizer('adam', student.params.length, options.learningRate);
  const apiRng = rng.fork('api');
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
  let answered = 0;
  let billedTokens = 0;
  let visibleTokens = 0;
  let stepsDone = 0;
  const marks = checkpoints(budget);
  let next = 0;
  const { cover, campaign } = parts;
  for (let i = 0; i < budget; i++) {
    const plan = planQuery(i, budget, accounts, days);
    campaign?.reach(plan.day);
    let account = plan.account;
    // the next account not banned (as the planar session): bans come from detectors only
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
    if (status === QUERY_STATUS.answered) {
      const answer = answerPrompt(teacher, prompts[i]!, apiOptions, apiRng);
      answers.push(answer);
      answered++;
      billedTokens += answer.generated.length;
      visibleTokens += answer.text.length;
      trace.servedLabel[i] = statedResult(answer.text) ?? 255;
      campaign?.answer(account, plan.day, prompts[i]!, cover?.[i] === 1);
    } else {
      answers.push(null);
    }
    if (i + 1 === marks[next]) {
      next++;
      const target = Math.round((options.steps * (i + 1)) / budget);
      const kept = answers.flatMap((a, j) =>
        a && cover?.[j] !== 1 ? [{ prompt: prompts[j]!, answer: a }] : [],
      );
      if (kept.length > 0 && target > stepsDone) {
        const examples = studentExamples(
          kept.map((k) => k.prompt),
          kept.map((k) => k.answer),
          true,
        );
        trainWindowLm(student, examples, {
          steps: target - stepsDone,
          batchSize: options.batchSize,
          learningRate: options.learningRate,
          rng: orderRng,
          optimizer,
        });
        stepsDone = target;
      }
      const { capability, fidelity } = parts.measure(student);
      curve.push({
        queries: i + 1,
        answered,
        fidelity,
        fidelityUniform: fidelity,
        accuracy: capability,
      });
      curveTokens.push(billedTokens);
      parts.onProgress?.((i + 1) / budget, 'attack');
    }
  }
  campaign?.finish();
  return {
    student,
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

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
import { createOptimizer } from '../../models/optimizer';
import type { Config } from '../../config/schema';
import type { CampaignWatch } from './campaignWatch';
import { WindowLm } from './lm';
import { STUDENT_DEFAULTS, studentExamples, type StudentOptions } from './student';
import { CONTEXT_WINDOW } from './teacher';
import {
  chatCheckpoints,
  createChatSender,
  type ChatSessionBase,
  type ChatTraffic,
} from './sender';
import { trainWindowLm } from './train';
import { VOCAB_SIZE } from './vocab';

/** What the session needs from the kind. */
export interface ChatSessionParts extends ChatSessionBase {
  /** 1 where prompts[i] is cover traffic (./mixing.ts): sent and paid for, never trained on */
  cover?: Uint8Array;
  /** campaign detection (./campaignWatch.ts): told of each answered request and of each new day */
  campaign?: CampaignWatch;
  /** the student's capability and fidelity now */
  measure(student: WindowLm): { capability: number; fidelity: number };
  onProgress?: (fraction: number, phase: string) => void;
}

export interface ChatSessionRecord extends ChatTraffic {
  student: WindowLm;
}

/** The student options of a config (hidden units and steps from it, the rest the defaults). */
export function studentOptions(config: Config): StudentOptions {
  return {
    ...STUDENT_DEFAULTS,
    hidden: config.attack.student.width,
    steps: config.attack.student.steps,
  };
}

/** Runs the attacker's prompts through the API and trains the student along the way. */
export function runChatSession(parts: ChatSessionParts): ChatSessionRecord {
  const { config, prompts, rng } = parts;
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
  const { cover, campaign } = parts;
  const sender = createChatSender(parts, { recordStated: true, cover, campaign });
  const { answers } = sender;
  let stepsDone = 0;
  const marks = chatCheckpoints(budget);
  let next = 0;
  for (let i = 0; i < budget; i++) {
    sender.send(i);
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
      sender.addCurvePoint(i + 1, capability, fidelity);
      parts.onProgress?.((i + 1) / budget, 'attack');
    }
  }
  campaign?.finish();
  return { student, ...sender.traffic() };
}

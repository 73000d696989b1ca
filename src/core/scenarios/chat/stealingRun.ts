/**
 * The logit-stealing attacker's session (attack `logitStealing`, ./stealing.ts): its random prompts
 * go one by one through the shared API gate (accounts, days, rate limits, bans), each admitted one
 * is answered with a single token (the attacker asks for one: max_tokens = 1) and, in a
 * log-probability format, that token's log-probabilities; the first position's vectors are the
 * rows of the attack. No student is trained: the learning curve records answered prompts with
 * capability and fidelity 0 (nothing that answers problems was built).
 */
import {
  chatCheckpoints,
  createChatSender,
  type ChatSessionBase,
  type ChatTraffic,
} from './sender';
import { rowsFromAnswers, stealLastLayer, type StealingReport } from './stealing';

export type StealingSessionParts = ChatSessionBase;

export interface StealingSessionRecord extends ChatTraffic {
  report: StealingReport;
}

/** Sends the prompts (one token each) and runs the attack on the rows it got. */
export function runStealingSession(parts: StealingSessionParts): StealingSessionRecord {
  const { teacher, prompts } = parts;
  const budget = prompts.length;
  // the attacker asks for one token per prompt (max_tokens = 1)
  const sender = createChatSender({ ...parts, apiOptions: { ...parts.apiOptions, maxTokens: 1 } });
  const marks = chatCheckpoints(budget);
  let next = 0;
  for (let i = 0; i < budget; i++) {
    sender.send(i);
    if (i + 1 === marks[next]) {
      next++;
      sender.addCurvePoint(i + 1, 0, 0);
    }
  }
  const report = stealLastLayer(rowsFromAnswers(sender.answers, teacher.spec.vocab), teacher);
  return { report, ...sender.traffic() };
}

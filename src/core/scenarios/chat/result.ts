/**
 * The chat kind's part of a run's result (`result.chat`): plain data that crosses the worker
 * boundary and prints as JSON. The shared fields of SimulationResult are filled as follows
 * (the chat kind has no input box and no class labels of its own):
 *   victim.accuracy = victim.capability      share of held-out problems the teacher gets right;
 *   victim.trainAccuracy                      the same on problems from its training part;
 *   student.accuracy = student.capability    share of held-out problems the student gets right;
 *   student.fidelity                         share on which its stated result equals the teacher's;
 *   student.fidelityUniform = fidelity        (no uniform inputs over a box: the same number);
 *   curve[i].accuracy / fidelity               the same two after each tenth of the prompts;
 *   queries.servedLabel                        the digit each answer states (255: refused or none).
 */
import type { ElicitationCost } from './elicitation';
import type { HonestChatCost } from './honest';
import type { StealingReport } from './stealing';

/** One exchange of the transcript, as words (the vocabulary's spelling of each token). */
export interface ChatTurn {
  /** index of the prompt in the attacker's order */
  index: number;
  account: number;
  day: number;
  prompt: string[];
  /** what the teacher wrote that the API kept to itself (empty when reasoning is shown) */
  hidden: string[];
  /** what the attacker saw */
  visible: string[];
  /** the top log-probabilities returned with the first visible token (empty in text mode) */
  firstTokenTop: { token: string; logprob: number }[];
}

/** Teacher and student answering the same held-out problem (greedy decoding). */
export interface SideBySide {
  operands: number[];
  prompt: string[];
  teacher: string[];
  student: string[];
  correct: number;
}

export interface ChatResult {
  operands: number;
  victimCapability: number;
  studentCapability: number;
  studentFidelity: number;
  /** tokens the teacher generated for the attacker (billed), those it saw, those hidden from it */
  tokens: { billed: number; visible: number; hidden: number };
  /** billed tokens so far at each curve point (the learning curve in tokens) */
  curveTokens: number[];
  /** the first answered exchanges (at most TRANSCRIPT_TURNS) */
  transcript: ChatTurn[];
  /** what the API's settings cost honest users (reasoning hidden: steps they wanted and lacked) */
  honest: HonestChatCost;
  /** a few held-out problems, answered by both (empty when no student was trained) */
  sideBySide: SideBySide[];
  /** logit stealing (attack `logitStealing`): what the attacker found (absent for other attacks) */
  stealing?: StealingReport;
  /** the reasoning-elicitation filter's cost to honest users (absent when it is off) */
  elicitation?: ElicitationCost;
  /** mean L1 distance between clean and served distributions (absent: nothing changes them) */
  servedDistortion?: number;
}

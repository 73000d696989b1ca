/**
 * What an attack strategy may do: ask the prediction API (through the attacker's accounts and
 * schedule, within its budget), train its student on the answers, and draw from its own data.
 * Strategies never see the victim, its training data or the clean answers.
 */
import type { Config } from '../config';
import type { Rng } from '../rng';
import type { Classifier, InputBox } from '../types';
import type { AttackMeta } from '../registry/types';

export interface AskResult {
  /** queries actually sent (the request, cut to the remaining budget) */
  sent: number;
  /** 1 where the API answered, 0 where it refused (rate limit or ban) */
  answered: Uint8Array;
  /** served probability vectors, sent*classes (zeros where refused) */
  served: Float64Array;
  /** top-1 label of each served answer (255 where refused) */
  servedLabels: Uint8Array;
  /**
   * the attributions served beside each answer, sent*dims (zeros where refused), when the API
   * explains its answers (api.ts Explainer; the credit kind's defense.output.explanations)
   */
  explanations?: Float64Array;
}

/** The student as the attacker sees it: predictions and input gradients. */
export interface StudentView extends Classifier {
  /** d p_c / d x at one input (Jacobian row of the softmax output), written into out (dims). */
  inputGradient(inputs: Float64Array, offset: number, classIndex: number, out: Float64Array): void;
}

export interface AttackContext {
  readonly config: Config;
  readonly box: InputBox;
  readonly dims: number;
  readonly classes: number;
  /** the attacker's own random stream */
  readonly rng: Rng;
  readonly student: StudentView;
  /** queries left in the budget */
  remaining(): number;
  /** sends up to `count` queries (rows of `inputs`), in order, cut to the remaining budget */
  ask(inputs: Float64Array, count: number): AskResult;
  /** trains the student on every answer received so far (no-op when nothing is new) */
  fit(): void;
  /** `count` points of the attacker's own unlabeled data (shifted by attack.poolShift) */
  pool(count: number): Float64Array;
}

/** An attack strategy, looked up by name from the config. */
export type AttackStrategy = (ctx: AttackContext) => void;

/** An attack strategy with its metadata: one module per strategy, one line in ./index.ts. */
export interface AttackPlugin extends AttackMeta {
  run: AttackStrategy;
}

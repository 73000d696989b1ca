/**
 * What a credit attack may do, and a direct prediction API to run one without the shared gate.
 *
 * An attack sees the lender's API as it is published: inputs are standardised applicants (the
 * form's public affine map from real units), each answer is the served [p(refuse), p(approve)]
 * after the API's output mode (defenses/output/modes: probabilities, rounded, label
 * only, noise, ...), and, when the API explains its decisions, the feature attributions of that
 * answer (model.ts). The attacker knows the published answer format (`output`, `explanations`),
 * as a customer reading the API's documentation would. It never sees the victim, its data or the
 * clean scores. `ask` extends the 2-D scenario's AskResult with the attributions, so the shared
 * gate (accounts, days, rate limits, bans) can serve credit attacks unchanged.
 *
 * Attributions are served exactly: the output mode perturbs the score only (an explanation
 * service that also blurs its explanations is a defense this module does not model).
 */
import type { AskResult } from '../../attacks/context';
import { perturbOutput, type OutputOptions } from '../../defenses/output/perturb';
import { argmax } from '../../math/vector';
import type { Rng } from '../../rng';
import type { InputBox } from '../../types';
import type { CreditModel } from './model';

export interface CreditAnswers extends AskResult {
  /** sent*dims attributions (zeros where refused), or null when the API gives no explanations */
  attributions: Float64Array | null;
}

export interface CreditAttackContext {
  /** feature count d */
  readonly dims: number;
  /** the range of typical applicants, standardised (population.ts BOX_SDS) */
  readonly box: InputBox;
  /** the published answer format */
  readonly output: OutputOptions;
  /** whether answers carry feature attributions */
  readonly explanations: boolean;
  /** the attacker's own random stream */
  readonly rng: Rng;
  /** queries left in the budget */
  remaining(): number;
  /** sends up to `count` queries (rows of `inputs`, dims each), cut to the remaining budget */
  ask(inputs: Float64Array, count: number): CreditAnswers;
  /** `count` standardised applicants of the attacker's own (never the lender's) */
  pool(count: number): Float64Array;
}

export interface DirectApiOptions {
  victim: CreditModel;
  box: InputBox;
  output: OutputOptions;
  explanations: boolean;
  /** queries the attacker may send in all */
  budget: number;
  /** the attacker's stream (the context's `rng`) */
  attackerRng: Rng;
  /** the API's own stream (noise of the output mode) */
  serveRng: Rng;
  /** the attacker's applicants, drawn with a stream of their own */
  pool(count: number): Float64Array;
}

/**
 * A CreditAttackContext that answers every query within `budget` (no accounts, days, rate limits
 * or bans: the shared gate adds those). Served answers follow perturbOutput exactly.
 */
export function createDirectContext(options: DirectApiOptions): CreditAttackContext & {
  /** queries answered so far */
  answered(): number;
} {
  const { victim, output, explanations, serveRng } = options;
  const dims = victim.inputDims;
  let used = 0;
  const clean = new Float64Array(2);
  const served = new Float64Array(2);
  return {
    dims,
    box: options.box,
    output,
    explanations,
    rng: options.attackerRng,
    remaining: () => options.budget - used,
    answered: () => used,
    pool: options.pool,
    ask(inputs, count) {
      const sent = Math.max(0, Math.min(count, options.budget - used));
      used += sent;
      const result: CreditAnswers = {
        sent,
        answered: new Uint8Array(sent).fill(1),
        served: new Float64Array(sent * 2),
        servedLabels: new Uint8Array(sent),
        attributions: explanations ? new Float64Array(sent * dims) : null,
      };
      for (let r = 0; r < sent; r++) {
        victim.predict(inputs, 1, clean, r);
        perturbOutput(clean, output, serveRng, served);
        result.served.set(served, 2 * r);
        result.servedLabels[r] = argmax(served);
      }
      if (result.attributions) victim.attributions(inputs, sent, result.attributions);
      return result;
    },
  };
}

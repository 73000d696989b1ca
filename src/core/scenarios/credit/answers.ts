/**
 * The attacker's record of its answered queries, and how it reads a served answer. Every credit
 * attack logs what it asked, so that a fallback (an inconsistent system, a budget cut short) can
 * still train a student on all it has paid for.
 *
 * Reading a served 2-vector s = [s_refuse, s_approve] (defenses/output/modes):
 * - both entries positive (probabilities, rounded, noise, reverse sigmoid): the approval score is
 *   s_approve / (s_refuse + s_approve) (rounded answers need not sum to 1), and the log-odds
 *   log s_approve - log s_refuse, which for exact probabilities keeps full relative precision
 *   even where p_approve is within 1e-16 of 1;
 * - one entry in (0, 1), the other 0 (top-1 of 2 classes): the shown class's probability, the
 *   other is its complement;
 * - otherwise (label only, or a score rounded to 0 or 1): the score is 0 or 1 and the log-odds
 *   infinite, which equation solving drops (such an answer is an inequality, not an equation).
 */
import { log } from '../../math/portable';
import type { CreditAnswers, CreditAttackContext } from './context';
import { APPROVE, REFUSE } from './model';

/** Approval score read from served answer `row` (see the file header). */
export function servedScore(served: Float64Array, row: number): number {
  const refuse = served[2 * row + REFUSE]!;
  const approve = served[2 * row + APPROVE]!;
  if (refuse > 0 && approve > 0) return approve / (refuse + approve);
  if (approve > 0 && approve < 1) return approve;
  if (refuse > 0 && refuse < 1) return 1 - refuse;
  return approve > refuse ? 1 : 0;
}

/** Approval log-odds read from served answer `row`; +-Infinity when the answer saturates. */
export function servedLogit(served: Float64Array, row: number): number {
  const refuse = served[2 * row + REFUSE]!;
  const approve = served[2 * row + APPROVE]!;
  if (refuse > 0 && approve > 0) return log(approve) - log(refuse);
  const p = servedScore(served, row);
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  return log(p) - log(1 - p);
}

/** A growing log of answered queries: inputs, scores, labels and (when served) attributions. */
export class AnswerLog {
  count = 0;
  inputs: Float64Array;
  scores: Float64Array;
  logits: Float64Array;
  labels: Uint8Array;
  attributions: Float64Array;

  constructor(readonly dims: number) {
    this.inputs = new Float64Array(64 * dims);
    this.scores = new Float64Array(64);
    this.logits = new Float64Array(64);
    this.labels = new Uint8Array(64);
    this.attributions = new Float64Array(64 * dims);
  }

  /** Appends the answered rows of `answers` (rows of `inputs` as sent); returns how many. */
  add(inputs: Float64Array, answers: CreditAnswers): number {
    const { dims } = this;
    let added = 0;
    for (let r = 0; r < answers.sent; r++) {
      if (answers.answered[r] !== 1) continue;
      this.reserve(this.count + 1);
      const k = this.count;
      this.inputs.set(inputs.subarray(r * dims, r * dims + dims), k * dims);
      this.scores[k] = servedScore(answers.served, r);
      this.logits[k] = servedLogit(answers.served, r);
      this.labels[k] = answers.servedLabels[r]!;
      if (answers.attributions) {
        this.attributions.set(answers.attributions.subarray(r * dims, r * dims + dims), k * dims);
      }
      this.count++;
      added++;
    }
    return added;
  }

  private reserve(rows: number): void {
    if (rows <= this.scores.length) return;
    const size = Math.max(rows, 2 * this.scores.length);
    const grow = <T extends Float64Array | Uint8Array>(
      old: T,
      make: (n: number) => T,
      per: number,
    ) => {
      const next = make(size * per);
      next.set(old);
      return next;
    };
    const f64 = (n: number) => new Float64Array(n);
    this.inputs = grow(this.inputs, f64, this.dims);
    this.scores = grow(this.scores, f64, 1);
    this.logits = grow(this.logits, f64, 1);
    this.labels = grow(this.labels, (n) => new Uint8Array(n), 1);
    this.attributions = grow(this.attributions, f64, this.dims);
  }
}

/** Asks `count` rows of `inputs` through `ctx` and logs the answered ones. */
export function askLogged(
  ctx: CreditAttackContext,
  answers: AnswerLog,
  inputs: Float64Array,
  count: number,
): CreditAnswers {
  const result = ctx.ask(inputs, count);
  answers.add(inputs, result);
  return result;
}

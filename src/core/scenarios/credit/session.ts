/**
 * The credit attacker's session: the shared AttackSession (accounts, days, schedule, the stolen
 * set, the learning curve; ../../session.ts) seen as a CreditAttackContext (./context.ts), so the
 * credit attacks and the shared retraining attacks (random, natural) run through the same defended
 * prediction API, rate limits and bans included.
 *
 * - ask: the shared ask, plus the attributions the API served beside each answer when it explains
 *   (api.ts Explainer), as CreditAnswers.attributions.
 * - fit and the curve: the session's own student (RunningStudent) is refitted on everything
 *   stolen so far at each curve point, so the curve says what a student trained on the answers
 *   would be worth at that point of the budget. A credit attack returns its stolen model at the
 *   end (complete()); from then on the session's model is that one, and the last curve point is
 *   measured on it, so the curve ends at the run's result.
 * - the weights at each curve point (stolenByPoint): the linear model the point was measured on,
 *   so the page's weight bars can step through the budget as Play does; the last is re-recorded
 *   by complete(), so the series ends at the run's stolen weights.
 */
import type { AttackContext, StudentView } from '../../attacks/context';
import type { Config } from '../../config/schema';
import type { OutputSection } from '../../defenses/output/section';
import { createTrainer, Mlp } from '../../models/mlp';
import type { Rng } from '../../rng';
import { AttackSession, type CurveMeasures, type SessionParts } from '../../session';
import type { Classifier } from '../../types';
import type { CheckpointWeights, CreditModelData } from './types';
import type { CreditAttack, CreditAttackOptions, CreditAttackOutcome } from './attacks/types';
import type { CreditAnswers, CreditAttackContext } from './context';
import { fitLogistic, LogisticRegression } from './logistic';
import { APPROVE, MlpCreditModel, REFUSE } from './model';
import type { CreditModelName } from './meta';
import { CREDIT_STUDENT_MLP, STUDENT_L2 } from './student';

/**
 * The session's student: a logistic regression refitted by Newton's method on every stolen answer
 * at each fit (deterministic, so the optimiser steps the session asks for do not apply), or an MLP
 * trained by Adam with warm starts, as the 2-D scenario's students. Train on served scores, or on
 * hard labels when the API answers with labels only (the session's StolenSet decides).
 */
export class RunningStudent implements StudentView {
  readonly classes = 2;
  /** the current linear model (logistic kind), else null */
  linear: LogisticRegression | null = null;
  private readonly network: Mlp | null;
  private readonly trainer: ReturnType<typeof createTrainer> | null;

  /**
   * `kind` of model over `inputDims` standardised features; `hardLabels` when the API answers with
   * labels only (sets the logistic L2, student.ts STUDENT_L2); `rng` draws the MLP's weights and batches.
   */
  constructor(
    readonly inputDims: number,
    readonly kind: CreditModelName,
    private readonly hardLabels: boolean,
    rng: Rng,
  ) {
    if (kind === 'mlp') {
      const spec = CREDIT_STUDENT_MLP;
      this.network = Mlp.create(
        { inputDims, hidden: spec.hidden, classes: 2, activation: spec.activation },
        rng.fork('student-init'),
      );
      this.trainer = createTrainer(this.network, {
        optimizer: 'adam',
        learningRate: spec.learningRate,
        batchSize: spec.batchSize,
        rng: rng.fork('student-batches'),
      });
    } else {
      this.network = null;
      this.trainer = null;
    }
  }

  /** The current model as plain data (a copy), or null before the first fit. */
  data(): CreditModelData | null {
    if (this.network) return { linear: null, network: this.network.toWeights() };
    return this.linear ? linearData(this.linear) : null;
  }

  /** The session's StudentTrainer: 2-class targets [refuse, approve] per row. */
  train(inputs: Float64Array, targets: Float64Array, count: number, steps: number): void {
    if (this.trainer) {
      this.trainer.train(inputs, targets, count, { steps });
      return;
    }
    const approve = new Float64Array(count);
    for (let i = 0; i < count; i++) approve[i] = targets[2 * i + APPROVE]!;
    const l2 = this.hardLabels ? STUDENT_L2.labels : STUDENT_L2.scores;
    // warm start from the last fit: the same answers and a few more (logistic.ts)
    this.linear = fitLogistic(inputs, approve, count, this.inputDims, {
      l2,
      start: this.linear ?? undefined,
    });
  }

  predict(inputs: Float64Array, count: number, out: Float64Array, offset = 0): void {
    if (this.network) this.network.predict(inputs, count, out, offset);
    else if (this.linear) this.linear.predict(inputs, count, out, offset);
    else for (let r = 0; r < 2 * count; r++) out[r] = 0.5; // untrained: no opinion
  }

  /** d p_c / dx: for the logistic model p(1 - p) w for approval, its negative for refusal. */
  inputGradient(inputs: Float64Array, offset: number, classIndex: number, out: Float64Array): void {
    if (this.network) {
      this.network.inputGradient(inputs, offset, classIndex, out);
      return;
    }
    if (!this.linear) {
      out.fill(0);
      return;
    }
    const scores = new Float64Array(2);
    this.linear.predict(inputs, 1, scores, offset);
    const slope = scores[APPROVE]! * scores[REFUSE]! * (classIndex === APPROVE ? 1 : -1);
    for (let i = 0; i < this.inputDims; i++) out[i] = slope * this.linear.weights[i]!;
  }
}

/** A linear model as plain data (copied weights: the original may be a cached victim's). */
export function linearData(model: LogisticRegression): CreditModelData {
  return { linear: { weights: model.weights.slice(), bias: model.bias }, network: null };
}

/** Any credit model of this folder as plain data, or null for one of another kind. */
export function modelData(model: Classifier): CreditModelData | null {
  if (model instanceof LogisticRegression) return linearData(model);
  if (model instanceof MlpCreditModel) return { linear: null, network: model.network.toWeights() };
  if (model instanceof RunningStudent) return model.data();
  return null;
}

export interface CreditSessionParts extends Omit<SessionParts, 'student' | 'train'> {
  student: RunningStudent;
}

export class CreditSession extends AttackSession implements CreditAttackContext {
  /** the published answer format */
  readonly output: OutputSection;
  /** whether answers carry attributions */
  readonly explanations: boolean;
  /** the credit attack's result, once it has returned (null for random and natural) */
  outcome: CreditAttackOutcome | null = null;
  /** the attacker's linear model at each curve point (one per `curve` entry; see the header) */
  readonly stolenByPoint: (CheckpointWeights | null)[] = [];
  private readonly running: RunningStudent;
  private readonly measureNow: () => CurveMeasures;

  constructor(parts: CreditSessionParts) {
    // the session calls onCheckpoint after each curve point; `this` exists only after super()
    const after = { checkpoint: () => {} };
    super({
      ...parts,
      train: (inputs, targets, count, steps) => parts.student.train(inputs, targets, count, steps),
      onCheckpoint: () => {
        parts.onCheckpoint?.();
        after.checkpoint();
      },
    });
    after.checkpoint = () => this.stolenByPoint.push(this.weightsNow());
    this.running = parts.student;
    this.measureNow = parts.measure;
    this.output = parts.config.defense.output;
    this.explanations = parts.api.explains;
  }

  override ask(inputs: Float64Array, count: number): CreditAnswers {
    const result = super.ask(inputs, count);
    return { ...result, attributions: result.explanations ?? null };
  }

  /** The attacker's model now: the attack's result once it has one, else the running student. */
  get model(): Classifier {
    return this.outcome?.student ?? this.running;
  }

  /** The stolen weights when the model is linear (the attack's, or the logistic running student's). */
  get linear(): LogisticRegression | null {
    return this.outcome ? this.outcome.linear : this.running.linear;
  }

  /** A copy of the current linear model (weights, bias, whether up to scale), or null. */
  private weightsNow(): CheckpointWeights | null {
    const linear = this.linear;
    if (!linear) return null;
    const upToScale = this.outcome?.upToScale ?? false;
    return { weights: linear.weights.slice(), bias: linear.bias, upToScale };
  }

  /** Keeps a credit attack's outcome as the session's model (see the file header). */
  complete(outcome: CreditAttackOutcome): void {
    this.outcome = outcome;
    const last = this.curve[this.curve.length - 1];
    if (last && last.queries === this.sent) {
      Object.assign(last, this.measureNow());
      this.stolenByPoint[this.curve.length - 1] = this.weightsNow();
    }
  }
}

/**
 * The credit view of any attack context: the published answer format from its config, and the
 * attributions the API served beside each answer (AskResult.explanations) as CreditAnswers.
 */
export function creditView(ctx: AttackContext): CreditAttackContext {
  if (ctx instanceof CreditSession) return ctx;
  return {
    dims: ctx.dims,
    box: ctx.box,
    output: ctx.config.defense.output,
    explanations: ctx.config.defense.output.explanations,
    rng: ctx.rng,
    remaining: () => ctx.remaining(),
    pool: (count) => ctx.pool(count),
    ask: (inputs, count) => {
      const result = ctx.ask(inputs, count);
      return { ...result, attributions: result.explanations ?? null };
    },
  };
}

/**
 * Runs a credit attack on `ctx` (the plug-ins of the credit attacks call this), then fits the
 * context's own student on the last answers as every attack does (attacks/context.ts); on a credit
 * session the attack's stolen model becomes the session's model and is what the run measures.
 */
export function runCreditAttack(
  ctx: AttackContext,
  attack: CreditAttack,
  options: (config: Config) => CreditAttackOptions,
): void {
  const outcome = attack(creditView(ctx), options(ctx.config));
  ctx.fit();
  if (ctx instanceof CreditSession) ctx.complete(outcome);
}

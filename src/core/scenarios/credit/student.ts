/**
 * The attacker's student: a logistic regression (Newton, logistic.ts) or an MLP (Adam, as the 2-D
 * scenario's students) trained on the answers. As in the 2-D scenario (REFERENCE.md, "Attack
 * strategies"), it trains on the served scores whenever the API returns scores and on the hard
 * labels when it returns labels only.
 */
import type { Activation } from '../../config';
import { Mlp, createTrainer } from '../../models/mlp';
import type { Rng } from '../../rng';
import type { AnswerLog } from './answers';
import type { CreditAttackContext } from './context';
import { fitLogistic, type LogisticRegression } from './logistic';
import { MlpCreditModel, type CreditModel } from './model';

export {
  CREDIT_MODELS as STUDENT_MODELS,
  type CreditModelName as CreditStudentModel,
} from './meta';
import type { CreditModelName as CreditStudentModel } from './meta';

/**
 * L2 penalty of the logistic student (summed loss): almost none on scores (the fit is then
 * the generating model itself when the victim is logistic), 1 on labels, where separable answers
 * would otherwise send ||w|| to infinity.
 */
export const STUDENT_L2 = { scores: 1e-6, labels: 1 } as const;

/** The MLP student's shape and training (steps = epochs over the answers, within [min, max]). */
export const CREDIT_STUDENT_MLP = {
  hidden: [16],
  activation: 'tanh' as Activation,
  learningRate: 0.01,
  batchSize: 32,
  epochs: 60,
  minSteps: 400,
  maxSteps: 4000,
};

export interface FittedStudent {
  model: CreditModel;
  /** the student's weights when it is linear (compared by weightError), else null */
  linear: LogisticRegression | null;
}

/** Whether the API's answers are scores (train on them) or labels only (train on 0/1). */
export function trainsOnScores(ctx: CreditAttackContext): boolean {
  return ctx.output.mode !== 'label';
}

/** Approval targets of the logged answers: served scores, or 0/1 labels. */
export function logTargets(answers: AnswerLog, scores: boolean): Float64Array {
  const targets = new Float64Array(answers.count);
  for (let i = 0; i < answers.count; i++) {
    targets[i] = scores ? answers.scores[i]! : answers.labels[i]!;
  }
  return targets;
}

/**
 * Trains a student of kind `kind` on `count` rows of standardised `inputs` with approval targets
 * in [0, 1]. `scores` says whether the targets are scores (sets the logistic L2, see STUDENT_L2).
 * `rng` draws the MLP's initial weights and batch order.
 */
export function fitStudent(
  kind: CreditStudentModel,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  dims: number,
  scores: boolean,
  rng: Rng,
): FittedStudent {
  if (kind === 'logistic') {
    const l2 = scores ? STUDENT_L2.scores : STUDENT_L2.labels;
    const linear = fitLogistic(inputs, targets, count, dims, { l2 });
    return { model: linear, linear };
  }
  const spec = CREDIT_STUDENT_MLP;
  const network = Mlp.create(
    { inputDims: dims, hidden: spec.hidden, classes: 2, activation: spec.activation },
    rng.fork('student-init'),
  );
  if (count > 0) {
    const twoClass = new Float64Array(count * 2);
    for (let i = 0; i < count; i++) {
      twoClass[2 * i] = 1 - targets[i]!;
      twoClass[2 * i + 1] = targets[i]!;
    }
    const trainer = createTrainer(network, {
      optimizer: 'adam',
      learningRate: spec.learningRate,
      batchSize: spec.batchSize,
      rng: rng.fork('student-batches'),
    });
    const perEpoch = Math.ceil(count / spec.batchSize);
    const steps = Math.min(spec.maxSteps, Math.max(spec.minSteps, spec.epochs * perEpoch));
    trainer.train(inputs, twoClass, count, { steps });
  }
  return { model: new MlpCreditModel(network), linear: null };
}

/** A student trained on everything in `answers` (the fallback of every attack). */
export function fitOnLog(
  kind: CreditStudentModel,
  answers: AnswerLog,
  scores: boolean,
  rng: Rng,
): FittedStudent {
  const targets = logTargets(answers, scores);
  return fitStudent(kind, answers.inputs, targets, answers.count, answers.dims, scores, rng);
}

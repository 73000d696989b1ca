/**
 * The lender's model: `logistic` (default; weights and bias, fitted by Newton's method, no random
 * draws) or `mlp` (the simulator's MLP, trained with Adam on the seeded stream, so a learner sees
 * what changes when the model is not linear). Both are trained on the lender's private applicants
 * with hard approve/refuse labels and served as CreditModels (class order [refuse, approve]).
 */
import { Mlp, accuracy, createTrainer, oneHotTargets } from '../../models/mlp';
import type { Activation } from '../../config';
import type { Rng } from '../../rng';
import { fitLogistic, labelTargets, LogisticRegression } from './logistic';
import { MlpCreditModel, type CreditModel } from './model';
import type { CreditPopulation } from './population';

export { CREDIT_MODELS as VICTIM_MODELS, type CreditModelName as CreditVictimModel } from './meta';
import type { CreditModelName as CreditVictimModel } from './meta';

export interface CreditVictimOptions {
  model: CreditVictimModel;
  /** MLP only: hidden layer sizes */
  hidden: number[];
  /** MLP only: hidden activation */
  activation: Activation;
  /** MLP only: passes over the training set */
  epochs: number;
}

export const CREDIT_VICTIM_DEFAULTS: CreditVictimOptions = {
  model: 'logistic',
  hidden: [16],
  activation: 'tanh',
  epochs: 30,
};

/**
 * L2 penalty of the lender's logistic fit on the summed loss: 1 over 2,000 applicants is
 * 5e-4 per applicant, enough to keep the fit well posed, too small to change its decisions.
 */
export const VICTIM_L2 = 1;
/** Adam settings of the lender's MLP (as the 2-D scenario's victim). */
export const CREDIT_MLP_TRAINING = { learningRate: 0.01, batchSize: 32 } as const;

export interface CreditVictim {
  model: CreditModel;
  /** the weights and bias when the victim is logistic (what weightError compares), else null */
  linear: LogisticRegression | null;
  /** share of held-out applicants it labels as the hidden rule did */
  accuracy: number;
  trainAccuracy: number;
}

/** Trains the lender's model on `population.train` (`rng` is used by the MLP only). */
export function buildCreditVictim(
  population: CreditPopulation,
  options: CreditVictimOptions,
  rng: Rng,
): CreditVictim {
  const { train, test, dims } = population;
  let model: CreditModel;
  let linear: LogisticRegression | null = null;
  if (options.model === 'logistic') {
    linear = fitLogistic(train.inputs, labelTargets(train), train.count, dims, { l2: VICTIM_L2 });
    model = linear;
  } else {
    const network = Mlp.create(
      { inputDims: dims, hidden: options.hidden, classes: 2, activation: options.activation },
      rng.fork('init'),
    );
    const trainer = createTrainer(network, {
      optimizer: 'adam',
      ...CREDIT_MLP_TRAINING,
      rng: rng.fork('batches'),
    });
    trainer.train(train.inputs, oneHotTargets(train.labels, 2), train.count, {
      epochs: options.epochs,
    });
    model = new MlpCreditModel(network);
  }
  return {
    model,
    linear,
    accuracy: accuracy(model, test),
    trainAccuracy: accuracy(model, train),
  };
}

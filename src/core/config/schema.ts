/**
 * The shape of a configuration: the names the config may hold, the Config type, and the type of a
 * field's entry in the FIELDS table (./fields.ts). See ../config.ts for the whole picture.
 */
/** Schema version: bump when a field changes meaning; old links are migrated or reported. */
export const CONFIG_VERSION = 1;

export const DATASETS = ['moons', 'circles', 'xor', 'spiral', 'blobs'] as const;
export const STRATEGIES = ['random', 'natural', 'active', 'jacobian'] as const;
export const OUTPUT_MODES = [
  'probabilities',
  'rounded',
  'topk',
  'label',
  'noise',
  'reverseSigmoid',
] as const;
export const ACTIVATIONS = ['tanh', 'relu'] as const;

export type DatasetName = (typeof DATASETS)[number];
export type StrategyName = (typeof STRATEGIES)[number];
export type OutputMode = (typeof OUTPUT_MODES)[number];
export type Activation = (typeof ACTIVATIONS)[number];

export interface Config {
  version: number;
  seed: number;
  scenario: {
    dataset: DatasetName;
    /** label noise / spread of the generator, 0 = clean */
    noise: number;
    /** points in the victim's private training set */
    trainSize: number;
    /** held-out points for accuracy and fidelity */
    testSize: number;
  };
  victim: { hidden: number[]; activation: Activation; epochs: number };
  attack: {
    strategy: StrategyName;
    /** query budget: queries the attacker sends in all */
    queries: number;
    accounts: number;
    days: number;
    /** USD per 1,000 answered queries */
    pricePer1k: number;
    /** USD per account opened */
    accountCost: number;
    /** 0 = the attacker's pool follows the victim's distribution; larger = shifted and noisier */
    poolShift: number;
    /** active learning: rounds of uncertainty sampling */
    rounds: number;
    /** jacobian: size of the natural seed set */
    seedSize: number;
    /** jacobian: augmentation step lambda, in input units */
    lambda: number;
    student: { hidden: number[]; activation: Activation; epochs: number };
  };
  defense: {
    output: {
      mode: OutputMode;
      decimals: number;
      k: number;
      sigma: number;
      beta: number;
      gamma: number;
    };
    rateLimit: { on: boolean; perDay: number };
    watermark: { on: boolean; rate: number; alpha: number };
    detection: { on: boolean; delta: number; minQueries: number };
  };
  benign: { accounts: number; medianPerDay: number; spread: number; days: number };
}

type FieldKind =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'layers'; maxLayers: number; minUnits: number; maxUnits: number };

export type FieldValue = number | boolean | string | number[];

export type FieldSpec = FieldKind & {
  /** dotted path into Config */
  path: string;
  /** short key in share links (stable across versions) */
  key: string;
  default: FieldValue;
  label: string;
  help: string;
  /** unit shown next to the value, if any */
  unit?: string;
};

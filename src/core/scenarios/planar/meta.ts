/**
 * The planar kind (metadata): classification of points in a 2-D box, as in TensorFlow
 * Playground, so both decision maps can be drawn (REFERENCE.md, "The 2-D scenario"). Declares its
 * config fields (task, victim, the attacker's pool and student) and their names.
 */
import { ACTIVATIONS, type Activation, type FieldSpec } from '../../config/schema';
import { tidy } from '../../math/tidy';
import type { ScenarioKindMeta } from '../../registry/types';
import type { DecisionGrid } from '../../types';

export const DATASETS = ['moons', 'circles', 'xor', 'spiral', 'blobs'] as const;
export type DatasetName = (typeof DATASETS)[number];

/** Number of classes per dataset. */
export const PLANAR_CLASSES: Record<DatasetName, number> = {
  moons: 2,
  circles: 2,
  xor: 2,
  spiral: 2,
  blobs: 3,
};

/** Uniform points over the box used to measure fidelity outside the data's support. */
export const UNIFORM_EVAL_POINTS = 1000;

/** The planar kind's maps: victim and student decision maps, and the student's after each curve point. */
export interface PlanarMaps {
  victim: DecisionGrid;
  /** what the API's answer format serves at each cell (same layout as victim.probabilities) */
  served: Float32Array;
  student: DecisionGrid;
  /** the student's probabilities on the same grid after each curve point (for Play) */
  studentSlices: Float32Array[];
}

declare module '../../types' {
  interface KindResults {
    /** decision maps: only kinds whose inputs are 2-D points draw them (planar) */
    maps?: PlanarMaps;
  }
}

declare module '../../config/schema' {
  interface ScenarioKindNames {
    planar: true;
  }
  interface ScenarioFields {
    dataset: DatasetName;
    /** label noise / spread of the generator, 0 = clean */
    noise: number;
    /** points in the victim's private training set */
    trainSize: number;
    /** held-out points for accuracy and fidelity */
    testSize: number;
  }
  interface VictimSection {
    hidden: number[];
    activation: Activation;
    epochs: number;
  }
  interface StudentSection {
    hidden: number[];
    activation: Activation;
    epochs: number;
  }
  interface AttackKnobs {
    /** 0 = the attacker's pool follows the victim's distribution; larger = shifted and noisier */
    poolShift: number;
  }
}

const ACTIVATION_LABELS = { tanh: 'tanh', relu: 'ReLU' } as const;

const fields: FieldSpec[] = [
  {
    path: 'scenario.dataset',
    key: 'd',
    kind: 'enum',
    values: DATASETS,
    labels: {
      moons: 'Two moons',
      circles: 'Circles',
      xor: 'XOR',
      spiral: 'Spiral',
      blobs: 'Three blobs',
    },
    default: 'moons',
    label: 'Dataset',
    help: "The victim's task: which 2-D pattern it learned to classify.",
  },
  {
    path: 'scenario.noise',
    key: 'n',
    kind: 'number',
    min: 0,
    max: 0.5,
    default: 0.1,
    label: 'Noise',
    help: 'How fuzzy the classes are; higher makes the task harder for the victim too.',
    control: { step: 0.01 },
  },
  {
    path: 'scenario.trainSize',
    key: 'tr',
    kind: 'int',
    min: 50,
    max: 5000,
    default: 800,
    label: 'Victim training set',
    unit: 'points',
    help: "Size of the owner's private training data, which the attacker never sees.",
    control: { scale: 'log' },
  },
  {
    path: 'scenario.testSize',
    key: 'te',
    kind: 'int',
    min: 100,
    max: 10000,
    default: 1000,
    label: 'Held-out set',
    unit: 'points',
    help: 'Points used to measure accuracy and fidelity.',
    control: { scale: 'log' },
  },
  {
    path: 'victim.hidden',
    key: 'vh',
    kind: 'layers',
    maxLayers: 3,
    minUnits: 1,
    maxUnits: 32,
    default: [16, 16],
    label: 'Victim layers',
    help: "Hidden layer sizes of the victim's neural network.",
  },
  {
    path: 'victim.activation',
    key: 'va',
    kind: 'enum',
    values: ACTIVATIONS,
    labels: ACTIVATION_LABELS,
    default: 'relu',
    label: 'Victim activation',
    help: 'Non-linearity of the victim network.',
  },
  {
    path: 'victim.epochs',
    key: 've',
    kind: 'int',
    min: 5,
    max: 500,
    default: 100,
    label: 'Victim epochs',
    help: 'Passes over the private data when the owner trains the victim.',
    control: { scale: 'log' },
  },
  {
    path: 'attack.poolShift',
    key: 'ps',
    kind: 'number',
    min: 0,
    max: 2,
    default: 0,
    label: 'Pool shift',
    help: "How far the attacker's own unlabeled data is from the victim's (0 = same distribution).",
    control: { step: 0.05 },
  },
  {
    path: 'attack.student.hidden',
    key: 'sh',
    kind: 'layers',
    maxLayers: 3,
    minUnits: 1,
    maxUnits: 32,
    default: [16, 16],
    label: 'Student layers',
    help: "Hidden layer sizes of the attacker's copy.",
  },
  {
    path: 'attack.student.activation',
    key: 'sa',
    kind: 'enum',
    values: ACTIVATIONS,
    labels: ACTIVATION_LABELS,
    default: 'tanh',
    label: 'Student activation',
    help: "Non-linearity of the attacker's copy.",
  },
  {
    path: 'attack.student.epochs',
    key: 'se',
    kind: 'int',
    min: 5,
    max: 500,
    default: 25,
    label: 'Student epochs',
    help: 'Passes over the stolen answers when the attacker trains its copy.',
    control: { scale: 'log' },
  },
];

export const planarMeta: ScenarioKindMeta = {
  id: 'planar',
  name: '2-D points',
  summary:
    'A small network classifies points in a square; both decision maps show what the copy learned.',
  fields: fields.map((f) => ({ ...f, kinds: ['planar'] })),
  defaultStrategy: 'random',
  panel: {
    task: ['scenario.dataset', 'scenario.noise'],
    student: ['attack.student.hidden'],
    details: [
      'attack.student.epochs',
      'attack.student.activation',
      'victim.hidden',
      'victim.epochs',
      'victim.activation',
      'scenario.trainSize',
      'scenario.testSize',
    ],
  },
  resultParts: ['maps'],
  summarizeParts: (result, options) =>
    options.maps && result.maps
      ? {
          maps: {
            resolution: result.maps.victim.resolution,
            box: result.maps.victim.box,
            victim: Array.from(result.maps.victim.probabilities, tidy),
            student: Array.from(result.maps.student.probabilities, tidy),
          },
        }
      : {},
  transferables: (result) =>
    result.maps
      ? [
          result.maps.victim.probabilities,
          result.maps.served,
          result.maps.student.probabilities,
          ...result.maps.studentSlices,
        ]
      : [],
};

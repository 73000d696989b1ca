/**
 * The output defense (metadata): the API's answer format and its parameters. One defense with
 * several formats (./modes), each declaring its own fields, names, strength knob and policy card;
 * this module derives the defense's fields, knobs and cards from that list.
 */
import { setPath } from '../../config/paths';
import type { Config, FieldSpec, OutputMode, ScenarioKind } from '../../config/schema';
import { numericKnob } from '../../registry/knobs';
import type { DefenseMeta, SweepKnob } from '../../registry/types';
import type { OutputModeMeta } from '../../registry/types';
import { OUTPUT_MODE_METAS as OUTPUT_MODES } from './modes/metas';

/** The metadata of a format known to be valid (the config was validated). */
function outputMode(id: OutputMode): OutputModeMeta {
  const mode = OUTPUT_MODES.find((m) => m.id === id);
  if (!mode) throw new Error(`unknown output mode ${id}`);
  return mode;
}

/** The undefended format of a kind: its strength-0 mode (planar: full probabilities; chat: all
 * log-probabilities). Every kind has one (a registry test checks it). */
export function undefendedMode(kind: ScenarioKind): OutputMode {
  const mode = OUTPUT_MODES.find((m) => m.strength === 0 && m.kinds.includes(kind));
  if (!mode) throw new Error(`scenario kind ${kind} has no undefended answer format`);
  return mode.id;
}

const modeField: FieldSpec = {
  path: 'defense.output.mode',
  key: 'om',
  kind: 'enum',
  values: OUTPUT_MODES.map((m) => m.id),
  labels: Object.fromEntries(OUTPUT_MODES.map((m) => [m.id, m.name])),
  valuesFor: (kind) => OUTPUT_MODES.filter((m) => m.kinds.includes(kind)).map((m) => m.id),
  default: 'probabilities',
  label: 'API answers',
  help: 'What the API returns for each query.',
};

const byStrength = [...OUTPUT_MODES].sort((a, b) => a.strength - b.strength);

/** "Answer format": every mode from full probabilities to label only. */
const modeKnob: SweepKnob = {
  name: 'defense.output.mode',
  label: 'Answer format',
  defense: 'output',
  levels: byStrength.filter((m) => m.kinds.includes('planar')).map((m) => m.id),
  levelsFor: (kind) => byStrength.filter((m) => m.kinds.includes(kind)).map((m) => m.id),
  apply: (config, level) => setPath(config, 'defense.output.mode', level),
  format: (level) => byStrength.find((m) => m.id === level)?.short ?? String(level),
};

const withMode = (mode: string) => (config: Config) => setPath(config, 'defense.output.mode', mode);
/** The config with its kind's undefended format. */
const undefended = (config: Config) =>
  setPath(config, 'defense.output.mode', undefendedMode(config.scenario.kind));

export const outputMeta: DefenseMeta = {
  id: 'output',
  name: 'Answer format',
  summary:
    'The API returns less than full probabilities: rounded, top-k, label only, noisy or reverse-sigmoid answers.',
  fields: [modeField, ...OUTPUT_MODES.flatMap((m) => m.fields)],
  switchPath: 'defense.output.mode',
  stage: 'answer',
  order: 50,
  isOn: (config) => config.defense.output.mode !== undefendedMode(config.scenario.kind),
  disable: undefended,
  visibleFields: (config) => [
    ...outputMode(config.defense.output.mode).fields.map((f) => f.path),
    // the credit kind's API option (declared by scenarios/credit/meta.ts), under the answer format
    ...(config.scenario.kind === 'credit' ? (['defense.output.explanations'] as const) : []),
  ],
  knobs: [
    modeKnob,
    ...OUTPUT_MODES.flatMap((m) =>
      m.knob
        ? [
            numericKnob({
              path: m.knob.path,
              label: m.knob.label,
              defense: 'output',
              levels: m.knob.levels,
              unit: m.knob.unit,
              enable: withMode(m.id),
              disable: undefended,
              kinds: m.kinds,
            }),
          ]
        : [],
    ),
  ],
  costs: ['accuracyDrop', 'distortion'],
  cards: (config) => {
    const card = outputMode(config.defense.output.mode).card;
    // the credit kind's explanations option has its own card (classroom/policyCards.ts)
    const explained = config.defense.output.explanations ? ['explainDecisions'] : [];
    const kind = config.scenario.kind;
    return card
      ? [card, ...explained]
      : [
          ...OUTPUT_MODES.flatMap((m) => (m.card && m.kinds.includes(kind) ? [m.card] : [])),
          ...explained,
        ];
  },
};

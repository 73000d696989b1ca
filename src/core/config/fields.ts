/**
 * The FIELDS table: every configurable setting once, with its dotted path, share-link key, kind,
 * allowed range, default, label and plain-words help. Defaults, validation, `--set`, share links
 * and the page's controls and tooltips are all derived from it (../config.ts).
 *
 * The table is assembled from the plug-ins, each of which declares its own fields: the shared
 * fields (./common.ts), each scenario kind's, each attack's and each defense's. The order is the
 * order of the CLI help and of the share link: seed and kind, task and victim, the attack, the
 * student, the defenses, the honest population.
 */
import { ATTACKS, DEFENSES, KINDS } from '../registry/meta';
import { ATTACK_FIELDS, BENIGN_FIELDS, HEAD_FIELDS } from './common';
import type { FieldSpec } from './schema';

const kindFields = KINDS.flatMap((k) => k.fields);
const under = (prefix: string) => (f: FieldSpec) => f.path.startsWith(prefix);
const isStudent = under('attack.student.');

const KIND_FIELD: FieldSpec = {
  path: 'scenario.kind',
  key: 'k',
  kind: 'enum',
  values: KINDS.map((k) => k.id),
  labels: Object.fromEntries(KINDS.map((k) => [k.id, k.name])),
  default: KINDS[0]!.id,
  label: 'Scenario',
  help: 'Which model the owner serves and the attacker steals.',
};

const STRATEGY_FIELD: FieldSpec = {
  path: 'attack.strategy',
  key: 'a',
  kind: 'enum',
  values: ATTACKS.map((a) => a.id),
  labels: Object.fromEntries(ATTACKS.map((a) => [a.id, a.name])),
  valuesFor: (kind) => ATTACKS.filter((a) => a.kinds.includes(kind)).map((a) => a.id),
  default: KINDS[0]!.defaultStrategy,
  defaultFor: (kind) =>
    KINDS.find((k) => k.id === kind)?.defaultStrategy ?? KINDS[0]!.defaultStrategy,
  label: 'Strategy',
  help: 'How the attacker chooses what to ask.',
};

/** Every configurable field, once. */
export const FIELDS: readonly FieldSpec[] = [
  ...HEAD_FIELDS,
  KIND_FIELD,
  ...kindFields.filter(under('scenario.')),
  ...kindFields.filter(under('victim.')),
  STRATEGY_FIELD,
  ...ATTACK_FIELDS,
  ...kindFields.filter((f) => under('attack.')(f) && !isStudent(f)),
  ...ATTACKS.flatMap((a) => a.fields),
  ...kindFields.filter(isStudent),
  ...DEFENSES.flatMap((d) => d.fields),
  ...kindFields.filter(under('defense.')),
  ...BENIGN_FIELDS,
];

/** Field specs by dotted path. */
export const FIELD_BY_PATH: ReadonlyMap<string, FieldSpec> = new Map(
  FIELDS.map((f) => [f.path, f]),
);

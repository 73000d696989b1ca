/**
 * What a plug-in declares about itself. Every defense, attack, output mode and scenario kind is
 * one module (or folder) that exports one of these; the lists the page, the CLI and the sweeps show
 * are derived from the registries (./meta.ts on the main thread, ./runtime.ts in the worker and the
 * CLI), never written out by hand elsewhere. The meta part is plain data and small functions over a
 * config (safe to load on the page's main thread); the runtime part (./runtime-types.ts) is the
 * simulation code, which only the worker and the CLI load.
 */
import type { ConfigPath } from '../config/paths';
import type { SimulationResult } from '../types';
import type {
  Config,
  DefenseSections,
  FieldSpec,
  OutputMode,
  ScenarioKind,
  StrategyName,
} from '../config/schema';

/** A sweep level: a number for the knob, or a name ('off', or a mode for the categorical knob). */
export type Level = number | string;

export type DefenseId = keyof DefenseSections & string;

/** A defense-strength knob of the frontier (metadata only: sweep() itself runs in the worker). */
export interface SweepKnob {
  /** the config path the knob varies (its name in the CLI and the page) */
  name: ConfigPath;
  /** what the frontier's legend and the sweep menu say, e.g. "Gaussian noise" */
  label: string;
  /** the defense it belongs to (its costs place the series in the frontier) */
  defense: DefenseId;
  /** the built-in grid, from off to strong */
  levels: readonly Level[];
  /** the built-in grid for a config of scenario kind `kind`, when it depends on the kind */
  levelsFor?(kind: ScenarioKind): readonly Level[];
  /** the scenario kinds it applies to (all when absent) */
  kinds?: readonly ScenarioKind[];
  /** the config at one level */
  apply(config: Config, level: Level): Config;
  /** a short label for one level, e.g. "σ 0.1", "200/day", "off" */
  format(level: Level): string;
}

/** The measures of what a defense costs honest users (REFERENCE.md, "Defense cost"); the chat
 * kind adds one: honest requests that wanted the model's steps and did not get them. */
export type HonestCost =
  'accuracyDrop' | 'distortion' | 'benignBlocked' | 'falsePositives' | 'stepsDenied';

/** Where a defense acts in the API's fixed order (REFERENCE.md; src/core/api.ts). */
export type DefenseStage =
  /** refuses a query before the victim answers (rate limit) */
  | 'gate'
  /** sees each answered query and may ban its account (detection) */
  | 'observe'
  /** changes the answer (watermark, output perturbation) */
  | 'answer';

export interface DefenseMeta {
  id: DefenseId;
  /** display name, used everywhere the defense is named: "Rate limit" */
  name: string;
  /** one plain sentence: what it does */
  summary: string;
  /** its config fields (the first is its switch, or the output mode) */
  fields: readonly FieldSpec[];
  /** the field that switches it on (a bool, or the output mode) */
  switchPath: ConfigPath;
  stage: DefenseStage;
  /** position in the API's order (smaller acts first) */
  order: number;
  isOn(config: Config): boolean;
  /** the same config with this defense off */
  disable(config: Config): Config;
  /** the fields shown under its switch when it is on (paths of `fields`), for this config */
  visibleFields(config: Config): readonly ConfigPath[];
  /** its sweep knobs (strength from off to strong) */
  knobs: readonly SweepKnob[];
  /** the honest-user costs it moves */
  costs: readonly HonestCost[];
  /** policy card ids for this config (several when the choice covers several cards) */
  cards(config: Config): readonly string[];
  /** the scenario kinds it applies to (all when absent) */
  kinds?: readonly ScenarioKind[];
}

export interface AttackMeta {
  id: StrategyName;
  /** display name: "Jacobian augmentation" */
  name: string;
  /** one plain sentence and its source */
  summary: string;
  /** strategy knobs this attack reads (declared by the attack or shared from its kind) */
  uses: readonly ConfigPath[];
  /** its own fields (knobs no other attack has) */
  fields: readonly FieldSpec[];
  /** policy card id */
  card: string;
  kinds: readonly ScenarioKind[];
}

export interface OutputModeMeta {
  id: OutputMode;
  /** display name: "Rounded probabilities" */
  name: string;
  /** short name in legends and badges: "rounded" */
  short: string;
  /** its own parameters (decimals, k, sigma, ...) */
  fields: readonly FieldSpec[];
  /** rank from no defense (0) to the strongest format, the order of the "answer format" sweep */
  strength: number;
  /** true when the answer is a label only (the student trains on hard labels) */
  hardLabels: boolean;
  /** its strength knob, if it has one */
  knob?: { path: ConfigPath; levels: readonly Level[]; label: string; unit: string };
  /** policy card id, or null for the undefended mode */
  card: string | null;
  kinds: readonly ScenarioKind[];
}

export interface ScenarioKindMeta {
  id: ScenarioKind;
  /** display name: "2-D points" */
  name: string;
  summary: string;
  /** the fields only this kind reads (task, victim, student, shared attack knobs) */
  fields: readonly FieldSpec[];
  /** the strategy a config of this kind starts with */
  defaultStrategy: StrategyName;
  /** where its fields sit in the attacker's panel: the task at the top, the student after the
   * budget, the rest under "Prices and training details" */
  panel: {
    task: readonly ConfigPath[];
    student: readonly ConfigPath[];
    details: readonly ConfigPath[];
  };
  /** the kind-specific parts of its results (e.g. 'maps'), for the result schema test */
  resultParts: readonly (keyof SimulationResult)[];
  /** the kind's result parts as plain JSON for the CLI and exports (large parts on request) */
  summarizeParts(result: SimulationResult, options: { maps?: boolean }): Record<string, unknown>;
  /** the typed arrays of the kind's result parts (moved, not copied, across the worker boundary) */
  transferables(result: SimulationResult): ArrayBufferView[];
}

/**
 * The shape of a configuration. Config is assembled from sections that the plug-ins declare
 * themselves: a scenario kind adds its fields to ScenarioSection / VictimSection / StudentSection,
 * an attack its knobs to AttackSection, a defense its own section to DefenseSections, each by
 * TypeScript declaration merging in its own meta module (`declare module '.../config/schema'`). So
 * adding a defense touches its folder and a registry line, never this file. The names of kinds,
 * strategies and output modes are merged the same way (ScenarioKindNames, StrategyNames,
 * OutputModeNames), so `StrategyName` is exactly the set of registered attacks.
 */

/** Schema version: bump when a field changes meaning; config/migrate.ts reads older versions. */
export const CONFIG_VERSION = 2;

export const ACTIVATIONS = ['tanh', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/* The name registries below start empty and are filled by the plug-ins' meta modules. */
/* eslint-disable @typescript-eslint/no-empty-object-type */
/** Scenario kinds by id (planar, ...), merged in by each kind's meta module. */
export interface ScenarioKindNames {}
/** Attack strategies by id, merged in by each attack's meta module. */
export interface StrategyNames {}
/** API answer formats by id, merged in by each output mode's module. */
export interface OutputModeNames {}
/** Kind-specific task settings (planar: dataset, noise, ...). */
export interface ScenarioFields {}
/** Kind-specific victim settings. */
export interface VictimSection {}
/** Kind-specific settings of the attacker's student. */
export interface StudentSection {}
/** Strategy-specific attack knobs (pool shift, rounds, ...). */
export interface AttackKnobs {}
/** Settings of each defense, one section per defense id. */
export interface DefenseSections {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

export type ScenarioKind = keyof ScenarioKindNames & string;
export type StrategyName = keyof StrategyNames & string;
export type OutputMode = keyof OutputModeNames & string;

export interface ScenarioSection extends ScenarioFields {
  /** which scenario kind runs (planar = 2-D points) */
  kind: ScenarioKind;
}

export interface AttackSection extends AttackKnobs {
  strategy: StrategyName;
  /** query budget: queries the attacker sends in all */
  queries: number;
  accounts: number;
  days: number;
  /** USD per 1,000 answered queries */
  pricePer1k: number;
  /** USD per account opened */
  accountCost: number;
  student: StudentSection;
}

export interface BenignSection {
  accounts: number;
  /** median daily queries of an honest account */
  medianPerDay: number;
  /** log-normal spread of honest daily volumes */
  spread: number;
  days: number;
}

export interface Config {
  version: number;
  seed: number;
  scenario: ScenarioSection;
  victim: VictimSection;
  attack: AttackSection;
  defense: DefenseSections;
  benign: BenignSection;
}

type FieldKind =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'bool' }
  | {
      kind: 'enum';
      values: readonly string[];
      /** display name of each value ("reverseSigmoid" -> "Reverse sigmoid (Lee 2019)") */
      labels?: Readonly<Record<string, string>>;
      /** the values a scenario kind offers, when they depend on it (strategies, answer formats) */
      valuesFor?: (kind: ScenarioKind) => readonly string[];
      /** the value a scenario kind starts from, when it depends on it (a kind's own strategy) */
      defaultFor?: (kind: ScenarioKind) => string;
    }
  | { kind: 'layers'; maxLayers: number; minUnits: number; maxUnits: number };

export type FieldValue = number | boolean | string | number[];

export type FieldSpec = FieldKind & {
  /** dotted path into Config (typed: a typo does not compile) */
  path: import('./paths').ConfigPath;
  /** short key in share links (stable across versions) */
  key: string;
  default: FieldValue;
  label: string;
  help: string;
  /** unit shown next to the value, if any */
  unit?: string;
  /** the scenario kinds that read this field (every kind when absent) */
  kinds?: readonly ScenarioKind[];
  /** how the page's control shows a number: slider scale, step, a slider range narrower than the field's */
  control?: { scale?: 'linear' | 'log'; step?: number; sliderMax?: number };
};

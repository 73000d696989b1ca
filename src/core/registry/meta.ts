/**
 * The registries, metadata side: every scenario kind, attack, output mode and defense, one line
 * each. Plain data and small functions over a config, safe on the page's main thread. The
 * simulation side of the same plug-ins is listed in ./runtime.ts (worker and CLI only); a test
 * requires the two lists to name the same plug-ins.
 */
import { ATTACK_METAS as ATTACKS } from '../attacks/metas';
import type { Config, ScenarioKind } from '../config/schema';
import { campaignMeta } from '../defenses/campaign/meta';
import { chatReasoningMeta } from '../defenses/chatReasoning/meta';
import { detectionMeta } from '../defenses/detection/meta';
import { elicitationMeta } from '../defenses/elicitation/meta';
import { outputMeta } from '../defenses/output/meta';
import { OUTPUT_MODE_METAS as OUTPUT_MODES } from '../defenses/output/modes/metas';
import { rateLimitMeta } from '../defenses/rateLimit/meta';
import { watermarkMeta } from '../defenses/watermark/meta';
import { chatMeta } from '../scenarios/chat/meta';
import { creditMeta } from '../scenarios/credit/meta';
import { planarMeta } from '../scenarios/planar/meta';
import type {
  AttackMeta,
  DefenseMeta,
  Level,
  OutputModeMeta,
  ScenarioKindMeta,
  SweepKnob,
} from './types';

/** Scenario kinds (the first is the default). */
export const KINDS: readonly ScenarioKindMeta[] = [planarMeta, creditMeta, chatMeta];

/** Defenses, in the order the page lists them (the API's order is each one's `order`). */
export const DEFENSES: readonly DefenseMeta[] = [
  outputMeta,
  rateLimitMeta,
  watermarkMeta,
  detectionMeta,
  chatReasoningMeta,
  elicitationMeta,
  campaignMeta,
];

export { ATTACKS, OUTPUT_MODES };

const byId = <T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> =>
  new Map(items.map((item) => [item.id, item]));

/** Lookups by id: Maps, so user text never reaches an inherited property. */
export const KIND_BY_ID = byId(KINDS);
export const DEFENSE_BY_ID = byId(DEFENSES);
export const ATTACK_META_BY_ID: ReadonlyMap<string, AttackMeta> = byId(ATTACKS);
export const OUTPUT_MODE_META_BY_ID: ReadonlyMap<string, OutputModeMeta> = byId(OUTPUT_MODES);

const appliesTo = (kind: ScenarioKind, kinds: readonly ScenarioKind[] | undefined) =>
  kinds === undefined || kinds.includes(kind);

/** The defenses a kind offers. */
export function defensesFor(kind: ScenarioKind): readonly DefenseMeta[] {
  return DEFENSES.filter((d) => appliesTo(kind, d.kinds));
}

/** The attack strategies a kind offers. */
export function attacksFor(kind: ScenarioKind): readonly AttackMeta[] {
  return ATTACKS.filter((a) => a.kinds.includes(kind));
}

/** The answer formats a kind offers. */
export function outputModesFor(kind: ScenarioKind): readonly OutputModeMeta[] {
  return OUTPUT_MODES.filter((m) => m.kinds.includes(kind));
}

/** True when at least one defense is on (otherwise the no-defense comparison is the run itself). */
export function hasDefense(config: Config): boolean {
  return DEFENSES.some((d) => d.isOn(config));
}

/** The same config with every defense switched off (the "without defenses" comparison). */
export function withoutDefenses(config: Config): Config {
  return DEFENSES.reduce((c, d) => d.disable(c), config);
}

/** Every sweep knob, defense by defense. */
export const SWEEP_KNOBS: readonly SweepKnob[] = DEFENSES.flatMap((d) => d.knobs);

/** Sweep knobs by name (a Map: `--knob constructor` finds nothing). */
export const SWEEP_KNOB_BY_NAME: ReadonlyMap<string, SweepKnob> = new Map(
  SWEEP_KNOBS.map((k) => [k.name, k]),
);

/** The sweep knobs a kind offers (its defenses' knobs that apply to it). */
export function knobsFor(kind: ScenarioKind): readonly SweepKnob[] {
  return defensesFor(kind)
    .flatMap((d) => d.knobs)
    .filter((k) => appliesTo(kind, k.kinds));
}

/** A knob's built-in grid for a config of kind `kind`. */
export function knobLevels(knob: SweepKnob, kind: ScenarioKind): readonly Level[] {
  return knob.levelsFor ? knob.levelsFor(kind) : knob.levels;
}

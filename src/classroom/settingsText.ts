/**
 * Settings in the words of the page's controls, for exports that must stand on their own (a
 * chart's caption, the report's tables): labels and value names come from the field registry
 * (src/core/config/fields.ts: `label`, an enum's `labels`, `unit`), never the raw config values
 * ("natural", "true"), and the defenses from the defense registry (name, on/off, visible knobs).
 */
import { choiceLabel, getPath, type Config, type FieldSpec, FIELD_BY_PATH } from '../core/config';
import { defensesFor } from '../core/registry/meta';

export interface SettingText {
  label: string;
  value: string;
}

/** Thousands separated by commas, at most 4 decimals ("10,000", "0.1"), the same in every locale. */
function numberText(value: number): string {
  const rounded = Math.round(value * 1e4) / 1e4;
  const [whole = '0', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

function singular(_word: string, stem: string, suffix: string): string {
  return suffix === 'ies' ? `${stem}y` : stem;
}

/**
 * One setting's value as the page's control shows it: a switch as "on"/"off", a choice by its
 * label, layers as "16x16", a number with its unit.
 * @param spec the field (from FIELDS)
 * @param value the config's value at spec.path
 */
export function settingValueText(spec: FieldSpec, value: unknown): string {
  if (spec.kind === 'bool') return value === true ? 'on' : 'off';
  if (spec.kind === 'enum') return choiceLabel(spec.path, String(value));
  if (spec.kind === 'layers')
    return Array.isArray(value) && value.length > 0 ? value.join('x') : 'none';
  const text = typeof value === 'number' ? numberText(value) : String(value);
  if (!spec.unit) return text;
  // "1 day", "1 query/day": the unit's first word in the singular for exactly one
  const unit = value === 1 ? spec.unit.replace(/^([a-z]+?)(ies|s)\b/, singular) : spec.unit;
  return `${text} ${unit}`;
}

/** A setting's label and value text, by config path (null for a path the table does not have). */
export function settingText(config: Config, path: string): SettingText | null {
  const spec = FIELD_BY_PATH.get(path);
  return spec ? { label: spec.label, value: settingValueText(spec, getPath(config, path)) } : null;
}

/** The attacker's side of a run, in the order of the attacker's panel. */
const KEY_ATTACK_PATHS = [
  'scenario.kind',
  'scenario.dataset',
  'attack.strategy',
  'attack.queries',
  'attack.accounts',
  'attack.days',
];

/**
 * The settings a reader of an exported chart needs to know what it shows: the scenario and the
 * attack, then every defense of the kind (off, or on with the knobs its panel shows), then the
 * seed. Fields a kind does not read are left out.
 * @param config the run's settings
 */
export function keySettings(config: Config): SettingText[] {
  const kind = config.scenario.kind;
  const reads = (path: string) => {
    const spec = FIELD_BY_PATH.get(path);
    return spec !== undefined && (!spec.kinds || spec.kinds.includes(kind));
  };
  const out: SettingText[] = [];
  const add = (path: string) => {
    const text = reads(path) ? settingText(config, path) : null;
    if (text) out.push(text);
  };
  KEY_ATTACK_PATHS.forEach(add);
  for (const defense of defensesFor(kind)) {
    const on = defense.isOn(config);
    const switchSpec = FIELD_BY_PATH.get(defense.switchPath);
    if (switchSpec?.kind === 'bool') out.push({ label: defense.name, value: on ? 'on' : 'off' });
    else add(defense.switchPath);
    if (on) defense.visibleFields(config).forEach(add);
  }
  add('seed');
  return out;
}

/** keySettings as one line: "Scenario: 2-D points · Strategy: Random points · … · Seed: 1". */
export function keySettingsLine(config: Config): string {
  return keySettings(config)
    .map((s) => `${s.label}: ${s.value}`)
    .join(' · ');
}

/**
 * The caption of an exported chart: the run's key settings and, when a run A is pinned, how A's
 * key settings differ (the learning curve draws both runs, so a reader needs both).
 * @param config the current run's settings (run B when one is pinned)
 * @param pinned run A's settings, or null
 */
export function exportCaption(config: Config, pinned: Config | null): string {
  const line = keySettingsLine(config);
  if (!pinned) return line;
  const current = new Map(keySettings(config).map((s) => [s.label, s.value]));
  const differs = keySettings(pinned).filter((s) => current.get(s.label) !== s.value);
  const a = differs.map((s) => `${s.label}: ${s.value}`).join(' · ');
  return `Run B (this run): ${line} · Run A (pinned): ${a === '' ? 'the same settings' : a}`;
}

/**
 * Builders for sweep knobs (metadata: safe on the main thread). A numeric knob's first level may
 * be 'off', which switches its defense off; any other level switches the defense on (or selects
 * its output mode) and sets the knob's field.
 */
import type { ConfigPath } from '../config/paths';
import { setPath } from '../config/paths';
import type { Config, ScenarioKind } from '../config/schema';
import type { DefenseId, Level, SweepKnob } from './types';

export interface NumericKnobSpec {
  path: ConfigPath;
  label: string;
  defense: DefenseId;
  levels: readonly Level[];
  /** the word before a level's number in its label: "σ" -> "σ 0.2" (unless `format` is given) */
  unit: string;
  /** a level's label when "unit value" does not read well, e.g. 200 -> "200/day" */
  format?: (value: number) => string;
  /** the config with the knob's defense on */
  enable(config: Config): Config;
  /** the config with the knob's defense off */
  disable(config: Config): Config;
  /** the scenario kinds it applies to (all when absent) */
  kinds?: readonly ScenarioKind[];
}

export function numericKnob(spec: NumericKnobSpec): SweepKnob {
  return {
    name: spec.path,
    label: spec.label,
    defense: spec.defense,
    levels: spec.levels,
    ...(spec.kinds ? { kinds: spec.kinds } : {}),
    apply: (config, level) =>
      level === 'off'
        ? spec.disable(config)
        : setPath(spec.enable(config), spec.path, Number(level)),
    format: (level) =>
      level === 'off' ? 'off' : spec.format ? spec.format(Number(level)) : `${spec.unit} ${level}`,
  };
}

/** A knob of a defense with an on/off switch at `switchPath`. */
export function switchedKnob(
  spec: Omit<NumericKnobSpec, 'enable' | 'disable'> & { switchPath: ConfigPath },
): SweepKnob {
  return numericKnob({
    ...spec,
    enable: (config) => setPath(config, spec.switchPath, true),
    disable: (config) => setPath(config, spec.switchPath, false),
  });
}

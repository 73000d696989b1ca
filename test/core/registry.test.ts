// The registries (src/core/registry/meta.ts for the page, runtime.ts for the worker): every
// registered defense, attack, output mode and scenario kind has every part the lab relies on.
// These are the tests that fail when a new plug-in forgets a part; each message names the item and
// the part.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { POLICY_CARD_BY_ID } from '../../src/classroom/policyCards';
import {
  ATTACK_BY_ID,
  ATTACKS as ATTACK_PLUGINS,
  type AttackPlugin,
} from '../../src/core/attacks/index';
import {
  OUTPUT_MODE_BY_ID,
  OUTPUT_MODES as MODE_PLUGINS,
} from '../../src/core/defenses/output/modes/index';
import {
  CONFIG_VERSION,
  FIELDS,
  FIELD_BY_PATH,
  checkField,
  defaultConfig,
  getPath,
  checkKindChoices,
  isCompleteConfig,
  parseConfig,
  setPath,
  type Config,
  type FieldSpec,
  type FieldValue,
} from '../../src/core/config';
import {
  ATTACKS,
  ATTACK_META_BY_ID,
  DEFENSES,
  DEFENSE_BY_ID,
  KINDS,
  KIND_BY_ID,
  OUTPUT_MODES,
  SWEEP_KNOBS,
  SWEEP_KNOB_BY_NAME,
} from '../../src/core/registry/meta';
import type { DefenseMeta, HonestCost } from '../../src/core/registry/types';
import { DEFENSE_RUNTIMES, KIND_RUNTIMES } from '../../src/core/registry/runtime';
import { createRng } from '../../src/core/rng';
import { simulate } from '../../src/core/simulate';
import { loadAssets } from '../../src/cli/args';

const HONEST_COSTS: readonly HonestCost[] = [
  'accuracyDrop',
  'distortion',
  'benignBlocked',
  'falsePositives',
  'stepsDenied',
];
const STAGES = ['gate', 'observe', 'answer'] as const;

/** Values that appear more than once. */
const duplicates = (values: readonly unknown[]) => values.filter((v, i) => values.indexOf(v) !== i);

const sorted = (values: readonly string[]) => [...values].sort();

/** Leaf paths of a plain object (arrays are leaves). */
function leaves(value: unknown, prefix = ''): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** An arbitrary valid value of one field. */
function fieldValue(spec: FieldSpec): fc.Arbitrary<FieldValue> {
  switch (spec.kind) {
    case 'int':
      return fc.integer({ min: spec.min, max: spec.max });
    case 'number':
      return fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true });
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'layers':
      return fc.array(fc.integer({ min: spec.minUnits, max: spec.maxUnits }), {
        minLength: 1,
        maxLength: spec.maxLayers,
      });
  }
}

/** Any valid config: each field at its default or at a random valid value. */
const anyConfig: fc.Arbitrary<Config> = fc
  .tuple(...FIELDS.map((spec) => fc.option(fieldValue(spec), { freq: 2 })))
  .map((values) =>
    FIELDS.reduce<Config>((config, spec, i) => {
      const value = values[i];
      return value === null || value === undefined ? config : setPath(config, spec.path, value);
    }, defaultConfig()),
  )
  // a strategy and an answer format the drawn kind offers (as every validated config has)
  .map((config) => checkKindChoices(config).config);

/** The default config of a scenario kind (its own strategy and answer format). */
const kindDefault = (kind: string) =>
  checkKindChoices(setPath(defaultConfig(), 'scenario.kind', kind)).config;

/** A default config of the first kind a plug-in applies to (every kind when it names none). */
const defaultFor = (kinds: readonly string[] | undefined) =>
  kindDefault(kinds?.[0] ?? KINDS[0]!.id);

/** The default config and every enum or bool value of one defense's fields, one at a time. */
function choicesOf(defense: DefenseMeta): Config[] {
  const base = defaultFor(defense.kinds);
  return [
    base,
    ...defense.fields.flatMap((f) =>
      f.kind === 'enum'
        ? f.values.map((v) => setPath(base, f.path, v))
        : f.kind === 'bool'
          ? [setPath(base, f.path, true), setPath(base, f.path, false)]
          : [],
    ),
  ];
}

/** Every field's value except those under `prefix`. */
const outside = (config: Config, prefix: string) =>
  FIELDS.filter((f) => !f.path.startsWith(prefix)).map((f) => getPath(config, f.path));

describe.each(DEFENSES.map((d) => [d.id, d] as const))('defense %s', (id, defense) => {
  const prefix = `defense.${id}.`;

  it('has a name, a summary, a known stage and costs among the four measures', () => {
    expect(defense.name.trim(), `name of ${id}`).not.toBe('');
    expect(defense.summary.trim(), `summary of ${id}`).not.toBe('');
    expect(STAGES, `stage of ${id}`).toContain(defense.stage);
    expect(Number.isFinite(defense.order), `order of ${id}`).toBe(true);
    expect(defense.costs.length, `costs of ${id}`).toBeGreaterThan(0);
    for (const cost of defense.costs) expect(HONEST_COSTS, `cost of ${id}`).toContain(cost);
    expect(duplicates(defense.costs), `repeated costs of ${id}`).toEqual([]);
    for (const kind of defense.kinds ?? [])
      expect(KIND_BY_ID.has(kind), `kind ${kind} of ${id}`).toBe(true);
  });

  it(`has fields under ${prefix}, in the FIELDS table, its switch first`, () => {
    expect(defense.fields.length, `fields of ${id}`).toBeGreaterThan(0);
    for (const field of defense.fields) {
      expect(field.path.startsWith(prefix), `field ${field.path} of ${id}`).toBe(true);
      expect(FIELD_BY_PATH.get(field.path), `FIELDS entry of ${field.path} (${id})`).toBe(field);
    }
    expect(defense.fields[0]!.path, `switchPath of ${id}`).toBe(defense.switchPath);
    const switchField = defense.fields[0]!;
    expect(['bool', 'enum'], `kind of the switch of ${id}`).toContain(switchField.kind);
  });

  it('turns off with disable() and nothing else changes; isOn agrees with disable', () => {
    for (const config of choicesOf(defense)) {
      const off = defense.disable(config);
      expect(defense.isOn(off), `${id} after disable()`).toBe(false);
      expect(outside(off, prefix), `fields outside ${prefix} after disable()`).toEqual(
        outside(config, prefix),
      );
      // On exactly when switching it off changes the config.
      expect(defense.isOn(config), `isOn of ${id} vs disable()`).toBe(
        JSON.stringify(off) !== JSON.stringify(config),
      );
    }
  });

  it('shows only its own fields under its switch', () => {
    const paths = defense.fields.map((f) => f.path as string);
    for (const config of choicesOf(defense)) {
      for (const path of defense.visibleFields(config)) {
        expect(paths, `visible field ${path} of ${id}`).toContain(path);
        expect(path, `visible fields of ${id}`).not.toBe(defense.switchPath);
      }
    }
  });

  it('has policy cards that exist, for every config', () => {
    const check = (config: Config) => {
      const cards = defense.cards(config);
      expect(cards.length, `policy cards of ${id}`).toBeGreaterThan(0);
      for (const card of cards)
        expect(POLICY_CARD_BY_ID.get(card), `policy card ${card} of ${id}`).toBeDefined();
    };
    choicesOf(defense).forEach(check);
    fc.assert(fc.property(anyConfig, check), { numRuns: 100 });
  });

  it('has sweep knobs whose levels give valid configs, from off to on', () => {
    expect(defense.knobs.length, `knobs of ${id}`).toBeGreaterThan(0);
    const on = choicesOf(defense).filter((c) => defense.isOn(c));
    expect(on.length, `a config with ${id} on`).toBeGreaterThan(0);
    for (const knob of defense.knobs) {
      const where = `knob ${knob.name} of ${id}`;
      expect(knob.defense, `defense of ${where}`).toBe(id);
      expect(knob.name.startsWith(prefix), `path of ${where}`).toBe(true);
      expect(FIELD_BY_PATH.has(knob.name), `FIELDS entry of ${where}`).toBe(true);
      expect(knob.label.trim(), `label of ${where}`).not.toBe('');
      expect(knob.levels.length, `levels of ${where}`).toBeGreaterThanOrEqual(2);
      expect(duplicates(knob.levels), `repeated levels of ${where}`).toEqual([]);
      const starts = [defaultFor(knob.kinds ?? defense.kinds), ...on].filter(
        (c) => !knob.kinds || knob.kinds.includes(c.scenario.kind),
      );
      for (const start of starts) {
        // The first level is the defense off, as the frontier's "from off to strong" needs.
        expect(defense.isOn(knob.apply(start, knob.levels[0]!)), `first level of ${where}`).toBe(
          false,
        );
        for (const level of knob.levels) {
          const config = knob.apply(start, level);
          const parsed = parseConfig(config);
          expect(
            parsed.issues.map((i) => i.message),
            `${where} at level ${level}`,
          ).toEqual([]);
          expect(parsed.config, `${where} at level ${level}`).toEqual(config);
          expect(outside(config, prefix), `${where} at ${level} changes only ${prefix}`).toEqual(
            outside(start, prefix),
          );
          if (level === 'off') {
            expect(defense.isOn(config), `${where} at level off`).toBe(false);
          } else if (typeof level === 'number') {
            expect(defense.isOn(config), `${where} at level ${level}`).toBe(true);
            expect(getPath(config, knob.name), `${where} at level ${level}`).toBe(level);
          } else {
            expect(getPath(config, knob.name), `${where} at level ${level}`).toBe(level);
          }
          expect(knob.format(level).trim(), `label of ${where} at ${level}`).not.toBe('');
        }
      }
      if (knob.levels.includes('off')) expect(knob.format('off'), where).toBe('off');
    }
  });

  it('has a run-time module whose stage provides the hook its stage names', () => {
    const runtime = DEFENSE_RUNTIMES.find((d) => d.id === id);
    expect(runtime, `run-time module of ${id}`).toBeDefined();
    expect(runtime!.meta, `meta of the run-time module of ${id}`).toBe(defense);
    const on = choicesOf(defense).find((c) => defense.isOn(c))!;
    const stage = runtime!.stage({
      config: on,
      dims: 2,
      classes: 3,
      watermarkKey: 1,
      rng: createRng(1),
    });
    expect(typeof stage[defense.stage], `${defense.stage} hook of ${id}`).toBe('function');
    for (const other of STAGES.filter((s) => s !== defense.stage)) {
      expect(stage[other], `${other} hook of ${id} (declared ${defense.stage})`).toBeUndefined();
    }
  });
});

describe('the defense registries', () => {
  it('give each defense its own place in the API order', () => {
    const orders = DEFENSES.map((d) => d.order);
    expect(duplicates(orders), 'defenses sharing an order').toEqual([]);
  });

  it('the meta list and the run-time list name the same defenses', () => {
    expect(sorted(DEFENSE_RUNTIMES.map((d) => d.id))).toEqual(sorted(DEFENSES.map((d) => d.id)));
    expect(duplicates(DEFENSES.map((d) => d.id))).toEqual([]);
    for (const runtime of DEFENSE_RUNTIMES) {
      expect(DEFENSE_BY_ID.get(runtime.id), `meta of ${runtime.id}`).toBe(runtime.meta);
    }
    const reportKeys = DEFENSE_RUNTIMES.flatMap((d) => (d.report ? [d.report.key] : []));
    expect(duplicates(reportKeys), 'result fields filled by two defenses').toEqual([]);
  });

  it('every sweep knob has a unique name', () => {
    expect(duplicates(SWEEP_KNOBS.map((k) => k.name))).toEqual([]);
    for (const knob of SWEEP_KNOBS) expect(SWEEP_KNOB_BY_NAME.get(knob.name)).toBe(knob);
  });
});

it('the page lists the same attacks as the worker, in the same order', () => {
  expect(ATTACKS.map((a) => a.id)).toEqual(ATTACK_PLUGINS.map((a) => a.id));
});

describe.each(ATTACKS.map((a) => [a.id, a] as const))('attack %s', (id, attack) => {
  it('has a name, a summary, a policy card that exists, and registered kinds', () => {
    expect(attack.name.trim(), `name of ${id}`).not.toBe('');
    expect(attack.summary.trim(), `summary of ${id}`).not.toBe('');
    expect(POLICY_CARD_BY_ID.get(attack.card), `policy card ${attack.card} of ${id}`).toBeDefined();
    expect(attack.kinds.length, `kinds of ${id}`).toBeGreaterThan(0);
    for (const kind of attack.kinds)
      expect(KIND_BY_ID.has(kind), `kind ${kind} of ${id}`).toBe(true);
    // its run function, in the worker's list (the page's list carries the metadata only)
    expect(typeof ATTACK_BY_ID.get(id)?.run, `run of ${id}`).toBe('function');
  });

  it('reads and declares fields of the FIELDS table under attack.', () => {
    for (const path of attack.uses) {
      expect(FIELD_BY_PATH.has(path), `field ${path} used by ${id}`).toBe(true);
      expect(path.startsWith('attack.'), `field ${path} used by ${id}`).toBe(true);
    }
    for (const field of attack.fields) {
      expect(FIELD_BY_PATH.get(field.path), `FIELDS entry of ${field.path} (${id})`).toBe(field);
      expect(
        attack.uses,
        `${id} lists its own field ${field.path} once (in fields, not uses)`,
      ).not.toContain(field.path);
    }
  });

  it('has the same metadata for the page and the worker, and is offered by the strategy field', () => {
    expect(ATTACK_META_BY_ID.get(id), `meta of ${id}`).toBe(attack);
    // A chat strategy's run-time module adds its prompt generator (attacks/chat/index.ts).
    const {
      run: _run,
      prompts: _prompts,
      asksForSteps: _asks,
      ...declared
    } = ATTACK_BY_ID.get(id)! as AttackPlugin & { prompts?: unknown; asksForSteps?: unknown };
    expect(declared, `run-time module of ${id}`).toEqual(attack);
    const strategy = FIELD_BY_PATH.get('attack.strategy')!;
    expect(strategy.kind === 'enum' && strategy.values, 'attack.strategy values').toContain(id);
  });
});

describe.each(OUTPUT_MODES.map((m) => [m.id, m] as const))('output mode %s', (id, mode) => {
  const output = DEFENSE_BY_ID.get('output')!;

  it('has names, a policy card that exists (or null when undefended), and registered kinds', () => {
    expect(mode.name.trim(), `name of ${id}`).not.toBe('');
    expect(mode.short.trim(), `short name of ${id}`).not.toBe('');
    const config = setPath(defaultFor(mode.kinds), 'defense.output.mode', id);
    // null exactly for the mode the output defense counts as off.
    if (mode.card === null)
      expect(output.isOn(config), `${id} has no card, so it is off`).toBe(false);
    else {
      expect(POLICY_CARD_BY_ID.get(mode.card), `policy card ${mode.card} of ${id}`).toBeDefined();
      expect(output.isOn(config), `${id} has a card, so it is a defense`).toBe(true);
    }
    expect(mode.kinds.length, `kinds of ${id}`).toBeGreaterThan(0);
    for (const kind of mode.kinds) expect(KIND_BY_ID.has(kind), `kind ${kind} of ${id}`).toBe(true);
  });

  it('has a run-time module listed in the same place, the same metadata plus its perturbation', () => {
    expect(MODE_PLUGINS.map((m) => m.id)).toEqual(OUTPUT_MODES.map((m) => m.id));
    const { perturb, ...declared } = OUTPUT_MODE_BY_ID.get(id)!;
    expect(typeof perturb, `perturb of ${id}`).toBe('function');
    expect(declared, `run-time module of ${id}`).toEqual(mode);
  });

  it('declares its fields under defense.output., in FIELDS; its knob varies one of them', () => {
    for (const field of mode.fields) {
      expect(field.path.startsWith('defense.output.'), `field ${field.path} of ${id}`).toBe(true);
      expect(FIELD_BY_PATH.get(field.path), `FIELDS entry of ${field.path} (${id})`).toBe(field);
    }
    if (mode.knob) {
      expect(
        mode.fields.map((f) => f.path),
        `knob path of ${id}`,
      ).toContain(mode.knob.path);
      expect(SWEEP_KNOB_BY_NAME.has(mode.knob.path), `sweep knob of ${id}`).toBe(true);
    }
  });
});

describe('the output modes together', () => {
  it('have one undefended mode per kind (strength 0, no card) and distinct strengths', () => {
    for (const kind of KINDS) {
      const modes = OUTPUT_MODES.filter((m) => m.kinds.includes(kind.id));
      expect(
        modes.filter((m) => m.card === null).map((m) => m.strength),
        `undefended modes of ${kind.id}`,
      ).toEqual([0]);
      expect(
        duplicates(modes.map((m) => m.strength)),
        `modes of ${kind.id} sharing a strength`,
      ).toEqual([]);
    }
    expect(duplicates(OUTPUT_MODES.map((m) => m.id))).toEqual([]);
    const modeField = FIELD_BY_PATH.get('defense.output.mode')!;
    expect(modeField.kind === 'enum' && sorted(modeField.values)).toEqual(
      sorted(OUTPUT_MODES.map((m) => m.id)),
    );
  });
});

/** A quick run of one kind: a small victim, a small budget. */
function smallRun(kind: string) {
  let config = kindDefault(kind);
  for (const [path, value] of Object.entries({
    'attack.queries': 20,
    'attack.student.steps': 50,
    'scenario.trainSize': 50,
    'scenario.testSize': 100,
    'victim.epochs': 5,
    'benign.accounts': 5,
  })) {
    if (FIELD_BY_PATH.has(path)) config = setPath(config, path, value);
  }
  const parsed = parseConfig(config);
  expect(
    parsed.issues.map((i) => i.message),
    `small config of kind ${kind}`,
  ).toEqual([]);
  return simulate(parsed.config, { assets: loadAssets(parsed.config) });
}

describe.each(KINDS.map((k) => [k.id, k] as const))('scenario kind %s', (id, kind) => {
  it('has a name, a summary, fields in the FIELDS table and a strategy of its own', () => {
    expect(kind.name.trim(), `name of ${id}`).not.toBe('');
    expect(kind.summary.trim(), `summary of ${id}`).not.toBe('');
    expect(kind.fields.length, `fields of ${id}`).toBeGreaterThan(0);
    for (const field of kind.fields) {
      expect(FIELD_BY_PATH.get(field.path), `FIELDS entry of ${field.path} (${id})`).toEqual(field);
    }
    const strategy = ATTACK_META_BY_ID.get(kind.defaultStrategy);
    expect(strategy, `default strategy of ${id}`).toBeDefined();
    expect(strategy!.kinds, `default strategy of ${id}`).toContain(id);
  });

  it('has a run-time module with the same metadata', () => {
    const runtime = KIND_RUNTIMES.find((k) => k.id === id);
    expect(runtime, `run-time module of ${id}`).toBeDefined();
    expect(runtime!.meta, `meta of the run-time module of ${id}`).toBe(kind);
  });

  it('its results have its resultParts, which summarizeParts turns into plain JSON', () => {
    const result = smallRun(id);
    expect(result.kind, `kind of a ${id} result`).toBe(id);
    for (const part of kind.resultParts) {
      expect(result[part] ?? null, `result part ${part} of ${id}`).not.toBeNull();
    }
    for (const maps of [false, true]) {
      const parts = kind.summarizeParts(result, { maps });
      expect(JSON.parse(JSON.stringify(parts)), `summarizeParts of ${id} (maps: ${maps})`).toEqual(
        parts,
      );
      for (const key of Object.keys(parts)) {
        expect(kind.resultParts as readonly string[], `summarised part ${key} of ${id}`).toContain(
          key,
        );
      }
    }
    for (const view of kind.transferables(result)) {
      expect(ArrayBuffer.isView(view), `transferable of ${id}`).toBe(true);
    }
  });
});

describe('the kind registries', () => {
  it('the meta list and the run-time list name the same kinds; the kind field offers them', () => {
    expect(sorted(KIND_RUNTIMES.map((k) => k.id))).toEqual(sorted(KINDS.map((k) => k.id)));
    const kindField = FIELD_BY_PATH.get('scenario.kind')!;
    expect(kindField.kind === 'enum' && kindField.values).toEqual(KINDS.map((k) => k.id));
  });
});

describe('the FIELDS table', () => {
  it('has unique paths and unique share-link keys', () => {
    expect(duplicates(FIELDS.map((f) => f.path)), 'paths declared twice').toEqual([]);
    expect(duplicates(FIELDS.map((f) => f.key)), 'share-link keys used twice').toEqual([]);
  });

  it('holds exactly the leaves of defaultConfig() (besides the version)', () => {
    const configLeaves = leaves(defaultConfig()).filter((p) => p !== 'version');
    for (const field of FIELDS) {
      expect(configLeaves, `FIELDS path ${field.path} in defaultConfig()`).toContain(field.path);
    }
    for (const leaf of configLeaves) {
      expect(FIELD_BY_PATH.has(leaf), `defaultConfig() leaf ${leaf} in FIELDS`).toBe(true);
    }
  });

  it('defaultConfig() is complete and every default is valid for its field', () => {
    const config = defaultConfig();
    expect(config.version).toBe(CONFIG_VERSION);
    expect(isCompleteConfig(config)).toBe(true);
    for (const field of FIELDS) {
      expect(checkField(field, field.default).ok, `default of ${field.path}`).toBe(true);
    }
  });

  it('every field has a label and help; enum labels and field kinds are registered', () => {
    for (const field of FIELDS) {
      expect(field.label.trim(), `label of ${field.path}`).not.toBe('');
      expect(field.help.trim(), `help of ${field.path}`).not.toBe('');
      for (const kind of field.kinds ?? []) {
        expect(KIND_BY_ID.has(kind), `kind ${kind} of ${field.path}`).toBe(true);
      }
      if (field.kind === 'enum' && field.labels) {
        for (const value of field.values) {
          expect(field.labels[value], `label of ${field.path}=${value}`).toBeDefined();
        }
      }
    }
  });
});

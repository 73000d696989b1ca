// The config schema: defaults, validation that names the field, text parsing, immutability.
import { describe, expect, it } from 'vitest';
import {
  CONFIG_VERSION,
  FIELDS,
  applyAssignments,
  checkField,
  defaultConfig,
  getPath,
  parseConfig,
  setPath,
  type FieldSpec,
} from '../../src/core/config';

/** Values outside each field's allowed set. */
function invalidValues(spec: FieldSpec): unknown[] {
  switch (spec.kind) {
    case 'int':
      return [spec.min - 1, spec.max + 1, spec.min + 0.5, 'ten', null, Number.NaN];
    case 'number':
      return [spec.min - 0.001, spec.max * 2 + 1, 'x', Number.POSITIVE_INFINITY];
    case 'bool':
      return ['yes', 1, null];
    case 'enum':
      return ['nonsense', 3, ''];
    case 'layers':
      return [
        [],
        [spec.maxUnits + 1],
        [spec.minUnits - 1],
        Array(spec.maxLayers + 1).fill(4),
        [4.5],
        '16',
      ];
  }
}

describe('config schema', () => {
  it('defaults are valid and carry the version', () => {
    const config = defaultConfig();
    expect(config.version).toBe(CONFIG_VERSION);
    expect(parseConfig(config).issues).toEqual([]);
    for (const spec of FIELDS) expect(checkField(spec, getPath(config, spec.path)).ok).toBe(true);
  });

  it('has unique paths and unique share-link keys', () => {
    expect(new Set(FIELDS.map((f) => f.path)).size).toBe(FIELDS.length);
    expect(new Set(FIELDS.map((f) => f.key)).size).toBe(FIELDS.length);
  });

  it.each(FIELDS.map((f) => [f.path, f] as const))(
    'rejects every invalid %s by name and keeps the rest',
    (path, spec) => {
      for (const bad of invalidValues(spec)) {
        const input = setPath(
          setPath(defaultConfig(), path, bad),
          'seed',
          path === 'seed' ? bad : 42,
        );
        const { config, issues } = parseConfig(input);
        expect(issues.map((i) => i.field)).toEqual([path]);
        expect(issues[0]!.message).toContain(path);
        expect(getPath(config, path)).toEqual(spec.default);
        if (path !== 'seed') expect(config.seed).toBe(42);
      }
    },
  );

  it('reports unknown fields, non-objects and future versions', () => {
    expect(parseConfig({ attack: { lasers: 3 } }).issues).toEqual([
      { field: 'attack.lasers', message: '"attack.lasers" is not a known setting' },
    ]);
    expect(parseConfig('hello').issues[0]!.field).toBe('');
    expect(parseConfig([1]).issues[0]!.field).toBe('');
    const future = parseConfig({ version: CONFIG_VERSION + 1, seed: 5 });
    expect(future.issues[0]!.field).toBe('version');
    expect(future.config.seed).toBe(5);
  });

  it('applies text assignments like the CLI --set', () => {
    const { config, issues } = applyAssignments(defaultConfig(), [
      'attack.queries=250',
      'defense.rateLimit.on=true',
      'victim.hidden=8x4x2',
      'attack.strategy=jacobian',
    ]);
    expect(issues).toEqual([]);
    expect(config.attack.queries).toBe(250);
    expect(config.defense.rateLimit.on).toBe(true);
    expect(config.victim.hidden).toEqual([8, 4, 2]);
    expect(config.attack.strategy).toBe('jacobian');
    const bad = applyAssignments(defaultConfig(), ['attack.days=0', 'attack.queries', 'x.y=1']);
    expect(bad.issues.map((i) => i.field)).toEqual(['attack.days', 'attack.queries', 'x.y']);
    expect(bad.issues[0]!.message).toBe('attack.days must be an integer from 1 to 365 (got 0)');
  });

  it('setPath is an immutable update', () => {
    const before = defaultConfig();
    const after = setPath(before, 'attack.student.hidden', [4]);
    expect(before.attack.student.hidden).toEqual([16, 16]);
    expect(after.attack.student.hidden).toEqual([4]);
    expect(after.defense).toBe(before.defense);
  });
});

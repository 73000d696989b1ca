import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CONFIG_VERSION,
  checkKindChoices,
  FIELDS,
  defaultConfig,
  setPath,
  type Config,
  type FieldSpec,
  type FieldValue,
} from '../../src/core/config';
import {
  formatShareHash,
  formatShareLink,
  parseShareHash,
  parseShareLink,
} from '../../src/state/url';

/** An arbitrary valid value of one field, straight from its spec. */
function fieldValue(spec: FieldSpec): fc.Arbitrary<FieldValue> {
  switch (spec.kind) {
    case 'int':
      return fc.integer({ min: spec.min, max: spec.max });
    case 'number':
      // -0 prints as "0"; the config space has no reason to hold it.
      return fc
        .double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true })
        .map((v) => (Object.is(v, -0) ? 0 : v));
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

/** Any valid config: each field either left at its default or set to a random valid value. */
const validConfig: fc.Arbitrary<Config> = fc
  .tuple(...FIELDS.map((spec) => fc.option(fieldValue(spec), { freq: 2 })))
  .map((values) => {
    let config = defaultConfig();
    FIELDS.forEach((spec, i) => {
      const value = values[i];
      if (value !== null && value !== undefined) config = setPath(config, spec.path, value);
    });
    // a strategy or answer format the drawn kind does not offer becomes the kind's first one
    return checkKindChoices(config).config;
  });

describe('formatShareHash', () => {
  it('writes only the version for the default config', () => {
    expect(formatShareHash(defaultConfig())).toBe(`#v=${CONFIG_VERSION}`);
  });

  it('writes non-default fields with their short keys, in table order', () => {
    let config = defaultConfig();
    config = setPath(config, 'attack.queries', 3000);
    config = setPath(config, 'attack.strategy', 'jacobian');
    config = setPath(config, 'defense.rateLimit.on', true);
    config = setPath(config, 'attack.student.hidden', [8, 4]);
    config = setPath(config, 'defense.watermark.alpha', 1e-9);
    expect(formatShareHash(config)).toBe('#v=2&a=jacobian&q=3000&sh=8x4&rl=1&wa=1e-9');
  });
});

describe('parseShareHash', () => {
  it('round-trips every valid config exactly, with no issue', () => {
    fc.assert(
      fc.property(validConfig, (config) => {
        const hash = formatShareHash(config);
        const parsed = parseShareHash(hash);
        expect(parsed.issues).toEqual([]);
        expect(parsed.config).toEqual(config);
        // Formatting is canonical: the parsed config formats to the same link.
        expect(formatShareHash(parsed.config)).toBe(hash);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the default config for an empty fragment', () => {
    for (const hash of ['', '#', '#v=1']) {
      expect(parseShareHash(hash)).toEqual({ config: defaultConfig(), issues: [] });
    }
  });

  it('accepts the fragment with or without its leading #', () => {
    expect(parseShareHash('q=500&a=active').config).toEqual(
      parseShareHash('#q=500&a=active').config,
    );
    expect(parseShareHash('q=500').config.attack.queries).toBe(500);
  });

  it('keeps the valid fields of a broken link and names each bad one', () => {
    const { config, issues } = parseShareHash(
      '#v=1&q=50000&a=telepathy&n=0.3&rl=maybe&zz=3&sh=8x0',
    );
    expect(config.scenario.noise).toBe(0.3);
    expect(config.attack.queries).toBe(1000); // default kept
    expect(config.attack.strategy).toBe('random');
    expect(config.defense.rateLimit.on).toBe(false);
    expect(config.attack.student.hidden).toEqual([16, 16]);
    expect(issues.map((i) => i.field)).toEqual([
      'attack.queries',
      'attack.strategy',
      'defense.rateLimit.on',
      'zz',
      'attack.student.hidden',
    ]);
    expect(issues[0]?.message).toMatch(
      /Query budget \(q="50000"\) must be an integer from 10 to 10000/,
    );
    expect(issues[1]?.message).toMatch(/one of random, natural, active, jacobian/);
    expect(issues[3]?.message).toMatch(/"zz" is not a setting/);
  });

  it('reports a link from a future version first and keeps what it can read', () => {
    const { config, issues } = parseShareHash('#v=7&q=250&newThing=4');
    expect(config.attack.queries).toBe(250);
    expect(issues[0]).toMatchObject({ field: 'version' });
    expect(issues[0]?.message).toMatch(/newer version of the lab \(v=7, this is v=2\)/);
    expect(issues.map((i) => i.field)).toEqual(['version', 'newThing']);
  });

  it('reports a version that is not a number', () => {
    const { issues } = parseShareHash('#v=abc&q=20');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('version');
  });

  it('reports malformed percent-escapes and missing values without throwing', () => {
    const { config, issues } = parseShareHash('#q=%E0%A4%A&d&n=0.2');
    expect(config.scenario.noise).toBe(0.2);
    expect(issues.map((i) => i.field)).toEqual(['attack.queries', 'scenario.dataset']);
  });

  it('does not let a value escape its field through separators', () => {
    const { issues, config } = parseShareHash('#d=moons%26q%3D10');
    expect(config.attack.queries).toBe(1000);
    expect(issues.map((i) => i.field)).toEqual(['scenario.dataset']);
  });
});

describe('parseShareLink and formatShareLink', () => {
  it('reads the fragment of a full URL and ignores the rest', () => {
    const link = 'https://lab.example.org/sub/path/?utm=1#v=1&q=400&om=label';
    const { config, issues } = parseShareLink(link);
    expect(issues).toEqual([]);
    expect(config.attack.queries).toBe(400);
    expect(config.defense.output.mode).toBe('label');
  });

  it('reads a URL without fragment as the default config', () => {
    expect(parseShareLink('http://127.0.0.1:4173/')).toEqual({
      config: defaultConfig(),
      issues: [],
    });
  });

  it('accepts a bare fragment body', () => {
    expect(parseShareLink('  q=40&a=natural ').config.attack.strategy).toBe('natural');
  });

  it('builds a link that parses back to the same config, replacing an old fragment', () => {
    const config = setPath(defaultConfig(), 'attack.queries', 42);
    const link = formatShareLink('http://host/lab/#v=1&q=9', config);
    expect(link).toBe('http://host/lab/#v=2&q=42');
    expect(parseShareLink(link).config).toEqual(config);
  });
});

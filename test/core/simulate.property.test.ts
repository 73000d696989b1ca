// Property test over the whole valid config space: every run finishes with finite numbers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FIELDS,
  defaultConfig,
  parseConfig,
  setPath,
  type Config,
  type FieldSpec,
} from '../../src/core/config';
import { loadAssets } from '../../src/cli/args';
import { simulate } from '../../src/core/simulate';
import { summarizeResult } from '../../src/core/summary';

/** An arbitrary valid value of one field (sizes capped so a run stays quick). */
function arbitraryFor(spec: FieldSpec): fc.Arbitrary<unknown> {
  const caps: Record<string, number> = {
    'attack.queries': 300,
    'scenario.trainSize': 300,
    'scenario.testSize': 300,
    'victim.epochs': 20,
    'attack.student.epochs': 20,
    'attack.student.steps': 300,
    'benign.accounts': 40,
    'benign.days': 5,
    'benign.medianPerDay': 200,
    'attack.seedSize': 300,
    'defense.detection.minQueries': 300,
  };
  const cap = caps[spec.path];
  switch (spec.kind) {
    case 'int':
      return fc.integer({ min: spec.min, max: cap ?? spec.max });
    case 'number':
      return fc.double({
        min: spec.min,
        max: cap ?? spec.max,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'bool':
      return fc.boolean();
    case 'enum':
      // a kind-dependent choice is an index into what the kind offers (resolved below)
      return spec.valuesFor ? fc.nat() : fc.constantFrom(...spec.values);
    case 'layers':
      return fc.array(fc.integer({ min: spec.minUnits, max: Math.min(spec.maxUnits, 12) }), {
        minLength: 1,
        maxLength: spec.maxLayers,
      });
  }
}

const arbitraryConfig: fc.Arbitrary<Config> = fc
  .tuple(...FIELDS.map((spec) => arbitraryFor(spec)))
  .map((values) =>
    FIELDS.reduce((config, spec, i) => {
      let value = values[i];
      if (spec.kind === 'enum' && spec.valuesFor) {
        // scenario.kind precedes every kind-dependent field in FIELDS, so it is already set
        const offered = spec.valuesFor(config.scenario.kind);
        value = offered[(value as number) % offered.length];
      }
      return setPath(config, spec.path, value);
    }, defaultConfig()),
  );

function assertFinite(value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
  }
}

describe('simulate over the valid config space', () => {
  it('every generated config is valid', () => {
    fc.assert(
      fc.property(arbitraryConfig, (config) => parseConfig(config).issues.length === 0),
      { numRuns: 200 },
    );
  });

  it('every run finishes with no NaN or Infinity anywhere in the result', () => {
    fc.assert(
      fc.property(arbitraryConfig, (config) => {
        const result = simulate(config, { assets: loadAssets(config) });
        assertFinite(summarizeResult(result, { maps: true, queries: true }), 'result');
        for (const slice of result.maps?.studentSlices ?? [])
          for (const p of slice) expect(Number.isFinite(p)).toBe(true);
        expect(result.attacker.queriesAnswered + result.attacker.queriesDenied).toBe(
          result.attacker.queriesAsked,
        );
        expect(result.attacker.queriesAsked).toBeLessThanOrEqual(config.attack.queries);
      }),
      { numRuns: 40, seed: 20261125 },
    );
  }, 300_000);
});

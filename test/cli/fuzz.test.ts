// Fuzzing the CLI's input: `--set`, `--config` and `--link` must end in exit 0 (a valid config) or
// exit 2 (one line naming what was wrong), never a thrown error, a stack trace or a runaway line.
// Most inputs go through the in-process entry point the CLI itself uses (configFromArgv inside
// runCommand: node:util parseArgs, loadConfig, the error mapping), so thousands run in seconds;
// a few go through the real script in a child process to check the same in a real process.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FIELDS,
  defaultConfig,
  formatFieldText,
  parseConfig,
  setPath,
  type FieldSpec,
  type FieldValue,
} from '../../src/core/config';
import { configFromArgv, runCommand } from '../../src/cli/args';
import { formatShareLink } from '../../src/state/url';

/** Inputs per source; the report of issue 15 quotes these counts. */
const RUNS = { set: 3000, link: 3000, config: 1000, spawned: 6 };

const dir = mkdtempSync(join(tmpdir(), 'lab-fuzz-'));
const configFile = join(dir, 'config.json');

/** Text a person (or a broken tool) might give for a number. */
const numberText = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    ...['0x10', '0b11', '0o17', ' 12', '12 ', '1e400', '-1e400', 'Infinity', 'NaN', '', '+5'],
    ...['1_000', '1,000', '.5', '5.', '-0', '1e', 'e5', '٣', '１２', '\n5', '0x', '--5', '1e-400'],
  ),
);

const inheritedNames = fc.constantFrom(
  ...['constructor', '__proto__', 'toString', 'prototype', 'hasOwnProperty', 'valueOf'],
);

/** Any text, biased towards what the parsers treat specially. */
const valueText = fc.oneof(
  numberText,
  fc.constantFrom('true', 'false', '1', '0', 'label', 'jacobian', '16x16', '32,32,32', '16 x 16'),
  inheritedNames,
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const pathText = fc.oneof(
  fc.constantFrom(...FIELDS.map((f) => f.path), 'version'),
  inheritedNames,
  inheritedNames.map((name) => `attack.${name}`),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const setArg = fc
  .tuple(pathText, fc.boolean(), valueText)
  .map(([path, eq, value]) => (eq ? `${path}=${value}` : path));

const linkKey = fc.oneof(
  fc.constantFrom(...FIELDS.map((f) => f.key), 'v', 'lesson', 'embed', 'lock'),
  inheritedNames,
  fc.string({ unit: 'binary', maxLength: 10 }),
);

/** Link parts, each value sent raw, percent-encoded, or with a broken escape. */
const linkPart = fc
  .tuple(linkKey, valueText, fc.constantFrom('raw', 'encoded', 'broken'))
  .map(([key, value, how]) =>
    how === 'raw'
      ? `${key}=${value}`
      : how === 'encoded'
        ? `${key}=${encodeURIComponent(value)}`
        : `${key}=%E0%A4%A${value}`,
  );

const link = fc
  .tuple(
    fc.constantFrom('#', '', 'https://lab.example/x/#', '#v=1&', 'https://lab.example/x/'),
    fc.array(linkPart, { maxLength: 12 }),
  )
  .map(([prefix, parts]) => `${prefix}${parts.join('&')}`);

/** A config-shaped object: dotted paths (known or not) set to any JSON value. */
const shapedConfig = fc
  .array(fc.tuple(pathText, fc.jsonValue({ maxDepth: 3 })), { maxLength: 12 })
  .map((entries) => {
    let out: unknown = {};
    for (const [path, value] of entries) {
      try {
        out = setPath(out, path, value);
      } catch {
        // a path through a non-object; skip it
      }
    }
    return JSON.stringify(out);
  });

/** Objects or lists nested up to 10,000 deep, under a known or unknown key. */
const deepConfig = fc
  .tuple(
    fc.integer({ min: 1, max: 10_000 }),
    fc.constantFrom('{"attack":', '{"zz":', '['),
    pathText,
  )
  .map(([depth, open]) => {
    const close = open === '[' ? ']' : '}';
    return `{"seed":${open.repeat(depth)}1${close.repeat(depth)}}`;
  });

const configText = fc.oneof(
  shapedConfig,
  deepConfig,
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** Runs argv through the CLI's entry point; checks the outcome is exit 0 or a clean exit 2. */
function checkOutcome(argv: string[]): void {
  const lines: string[] = [];
  let config: ReturnType<typeof configFromArgv> | undefined;
  const code = runCommand(
    () => {
      config = configFromArgv(argv);
    },
    (line) => lines.push(line),
  );
  if (code === 0) {
    expect(lines).toEqual([]);
    expect(parseConfig(config).issues).toEqual([]);
  } else {
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(line).not.toMatch(/\bat .*:\d+:\d+/);
    expect(line.length).toBeLessThan(8000);
  }
}

describe('fuzzed CLI input (in process)', () => {
  it(`--set: ${RUNS.set} lists of assignments end in exit 0 or 2`, () => {
    fc.assert(
      fc.property(fc.array(setArg, { minLength: 1, maxLength: 6 }), (sets) =>
        checkOutcome(sets.flatMap((s) => ['--set', s])),
      ),
      { numRuns: RUNS.set, seed: 15 },
    );
  });

  it(`--link: ${RUNS.link} links end in exit 0 or 2`, () => {
    fc.assert(
      fc.property(link, (text) => checkOutcome(['--link', text])),
      { numRuns: RUNS.link, seed: 15 },
    );
  });

  it(`--config: ${RUNS.config} files end in exit 0 or 2`, () => {
    fc.assert(
      fc.property(configText, (text) => {
        writeFileSync(configFile, text);
        checkOutcome(['--config', configFile]);
      }),
      { numRuns: RUNS.config, seed: 15 },
    );
  });

  it('valid values written as a person would are all accepted, by --set and by --link', () => {
    const valid = (spec: FieldSpec): fc.Arbitrary<FieldValue> => {
      switch (spec.kind) {
        case 'int':
          return fc.integer({ min: spec.min, max: spec.max });
        case 'number':
          return fc
            .double({ min: spec.min, max: spec.max, noNaN: true })
            .map((v) => (Object.is(v, -0) ? 0 : v));
        case 'bool':
          return fc.boolean();
        case 'enum':
          // one field on the default config: a kind-dependent choice the default kind offers
          return fc.constantFrom(
            ...(spec.valuesFor ? spec.valuesFor(defaultConfig().scenario.kind) : spec.values),
          );
        case 'layers':
          return fc.array(fc.integer({ min: spec.minUnits, max: spec.maxUnits }), {
            minLength: 1,
            maxLength: spec.maxLayers,
          });
      }
    };
    // Every field but the kind: switching kinds also switches the kind-dependent choices to the new
    // kind's (tested in the kinds' own tests), so it is not a one-field change.
    const spec = fc.constantFrom(...FIELDS.filter((f) => f.path !== 'scenario.kind'));
    fc.assert(
      fc.property(
        spec.chain((s) => valid(s).map((v) => [s, v] as const)),
        ([s, value]) => {
          const expected = setPath(defaultConfig(), s.path, value);
          const viaSet = configFromArgv(['--set', `${s.path}=${formatFieldText(s, value)}`]);
          expect(viaSet).toEqual(expected);
          expect(
            configFromArgv(['--link', formatShareLink('https://x.example/', expected)]),
          ).toEqual(expected);
        },
      ),
      { numRuns: 500, seed: 15 },
    );
  });
});

describe('fuzzed CLI input (real processes)', () => {
  it(`${RUNS.spawned} fuzzed invocations of npm run sim exit 2 with one line and no stack`, () => {
    // A bad --set closes every invocation so no simulation runs; --config and --link are read first.
    const samples = fc.sample(fc.tuple(configText, link, fc.array(setArg, { maxLength: 3 })), {
      numRuns: RUNS.spawned,
      seed: 15,
    });
    samples.forEach(([text, linkText, sets], i) => {
      const file = join(dir, `spawned-${i}.json`);
      writeFileSync(file, text);
      const source = i % 2 === 0 ? ['--config', file] : ['--link', linkText];
      const args = [
        ...source,
        ...sets.flatMap((s) => ['--set', s]),
        '--set',
        'attack.queries=0x10',
      ];
      const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(out.stdout).toBe('');
      expect(out.stderr).not.toMatch(/\n\s+at /);
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(out.status).toBe(2);
    });
  });
});

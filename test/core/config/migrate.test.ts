// Configs and share links of version 1 (before the plug-in design) open as they did: the same
// config as their version-2 equivalents, with no issue, and the same simulation. The v1 configs
// are the ones recorded in test/fixtures/golden/runs.json before the redesign; the v1 links are
// every `#v=1...` link the tests and the end-to-end specs use (public/lessons/*.json holds none:
// lessons patch settings by path).
import { createHash } from 'node:crypto';
import { STORED_RUNS } from '../../fixtures/golden/stored';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_VERSION,
  OLDEST_READABLE_VERSION,
  applyAssignments,
  defaultConfig,
  isMigratable,
  migrateInput,
  parseConfig,
} from '../../../src/core/config';
import { createVictimCache, simulate } from '../../../src/core/simulate';
import { summarizeResult } from '../../../src/core/summary';
import { formatShareHash, parseShareLink } from '../../../src/state/url';

const goldenRuns = STORED_RUNS;

/** The v1 links of test/**\/*.ts and test/e2e (grep '#v=1'), each valid as written. */
const V1_LINKS = [
  '#v=1',
  '#v=1&q=30',
  '#v=1&q=42',
  '#v=1&q=200',
  '#v=1&q=300',
  '#v=1&q=400&om=label',
  '#v=1&q=400&om=noise&dt=1',
  '#v=1&n=0.2',
  '#v=1&n=0.2&om=label',
  '#v=1&om=label',
  '#v=1&om=noise',
  '#v=1&om=rounded',
  '#v=1&om=reverseSigmoid',
  '#v=1&a=natural',
  '#v=1&a=natural&om=topk',
  '#v=1&a=active',
  '#v=1&a=active&q=200',
  '#v=1&a=active&om=rounded',
  '#v=1&a=active&q=600&om=noise&rl=1',
  '#v=1&a=jacobian',
  '#v=1&a=jacobian&om=reverseSigmoid',
  '#v=1&a=jacobian&om=reverseSigmoid&rl=1&wm=1&dt=1',
  '#v=1&a=jacobian&q=3000&om=label',
  '#v=1&a=jacobian&q=3000&sh=8x4&rl=1&wa=1e-9',
  '#v=1&rl=1&rd=50&om=noise&dt=1',
  '#v=1&om=noise&rl=1&wm=1&dt=1&a=jacobian',
  '#v=1&om=noise&rl=1&wm=1&dt=1&a=jacobian&ac=3',
  '#v=1&d=blobs&om=topk',
  '#v=1&d=blobs&a=jacobian&ac=4&om=noise&wm=1&wr=0.05&dt=1',
  '#v=1&d=blobs&a=jacobian&ac=4&om=noise&rl=1&wm=1&wr=0.05&dt=1',
  '#v=1&d=blobs&a=active&sh=32x32x32&se=150&wm=1&wr=0.1&om=noise&dt=1&q=600&ac=2&rl=1&rd=250',
  // with the page's view keys (lessons, embedding, locks, presenter mode)
  '#v=1&present=1',
  '#v=1&lesson=demo&step=2',
  '#v=1&lesson=watermarks&step=2',
  '#v=1&q=300&lesson=confidence',
  '#v=1&q=300&lesson=old&step=9&embed=maps',
  '#v=1&q=300&lesson=watermarks&step=2&present=1',
  '#v=1&q=300&lesson=frontier&step=3&lock=defense&present=1',
  '#v=1&q=300&lesson=x&step=2&embed=maps&lock=attack&hide=seed&present=1',
  '#v=1&q=300&lesson=watermarks&step=2&embed=maps,curve&lock=defense.output.mode,defense.watermark&hide=attack.accounts&present=1',
  '#v=1&q=300&embed=maps,curve,defender-panel&lock=defense.output.mode&hide=defense.watermark',
  '#v=1&q=300&embed=maps,ledger&lock=defense&hide=attack.accounts',
  '#v=1&om=label&embed=maps,curve&lock=defense',
];

/** The deliberately broken v1 links of the tests (bad values, unknown keys). */
const BROKEN_V1_LINKS = [
  '#v=1&q=bad',
  '#v=1&q=9',
  '#v=1&q=99999&n=0.2&zz=1',
  '#v=1&q=99999&n=0.2&zz=1&om=label',
  '#v=1&q=300&lesson=x&step=2&zz=1',
  '#v=1&q=50000&a=telepathy&n=0.3&rl=maybe&zz=3&sh=8x0',
];

/** The same link written by version 2: only the version differs (no key changed). */
const asV2 = (link: string) => link.replace(/^#v=1(?=&|$)/, '#v=2');

describe('version numbers', () => {
  it('reads v1 by migration; the current version and anything else are not migrated', () => {
    expect(CONFIG_VERSION).toBe(2);
    expect(OLDEST_READABLE_VERSION).toBe(1);
    expect(isMigratable(1)).toBe(true);
    for (const other of [0, 2, 3, 1.5, '1', null, undefined, Number.NaN]) {
      expect(isMigratable(other), `isMigratable(${String(other)})`).toBe(false);
    }
  });

  it('migrateInput writes the current version into a new object and leaves the input alone', () => {
    const input = { version: 1, attack: { queries: 300 } };
    const copy = structuredClone(input);
    const migrated = migrateInput(input, 1);
    expect(migrated).toEqual({ version: CONFIG_VERSION, attack: { queries: 300 } });
    expect(migrated).not.toBe(input);
    expect(input).toEqual(copy);
  });
});

describe('v1 config JSON (recorded before the redesign)', () => {
  it('the golden fixtures are v1 configs without a scenario kind', () => {
    expect(goldenRuns.length).toBeGreaterThanOrEqual(20);
    for (const run of goldenRuns) {
      expect(run.summary.config.version, run.name).toBe(1);
      expect(run.summary.config.scenario, run.name).not.toHaveProperty('kind');
    }
  });

  it.each(goldenRuns.map((r) => [r.name, r] as const))(
    '%s opens with no issue to the config of its settings, as its v2 equivalent does',
    (name, run) => {
      const v1 = parseConfig(run.summary.config);
      expect(
        v1.issues.map((i) => i.message),
        `issues of v1 config ${name}`,
      ).toEqual([]);
      expect(v1.config.version).toBe(CONFIG_VERSION);
      expect(v1.config.scenario.kind).toBe('planar');
      const fromSettings = applyAssignments(defaultConfig(), run.set);
      expect(fromSettings.issues).toEqual([]);
      expect(v1.config, `v1 config ${name} vs its --set settings`).toEqual(fromSettings.config);
      const v1Config = run.summary.config as { scenario: Record<string, unknown> };
      const v2Json = {
        ...run.summary.config,
        version: 2,
        scenario: { ...v1Config.scenario, kind: 'planar' },
      };
      const v2 = parseConfig(v2Json);
      expect(v2.issues).toEqual([]);
      expect(v1.config, `v1 config ${name} vs v2`).toEqual(v2.config);
    },
  );

  it('a partial v1 config keeps its fields and takes the defaults elsewhere', () => {
    const { config, issues } = parseConfig({ version: 1, attack: { queries: 300 } });
    expect(issues).toEqual([]);
    expect(config).toEqual({
      ...defaultConfig(),
      attack: { ...defaultConfig().attack, queries: 300 },
    });
  });

  const sha256 = (value: unknown) =>
    createHash('sha256').update(JSON.stringify(value)).digest('hex');

  it.each(['label', 'rate-limit', 'watermark'])(
    'v1 config %s reproduces the results recorded before the redesign',
    (name) => {
      const stored = goldenRuns.find((r) => r.name === name)!;
      const { config, issues } = parseConfig(stored.summary.config);
      expect(issues).toEqual([]);
      const summary = summarizeResult(simulate(config), { maps: true, queries: true });
      const {
        maps,
        queries,
        config: _now,
        ...rest
      } = summary as typeof summary & {
        maps?: unknown;
      };
      const { config: _then, ...storedRest } = stored.summary;
      expect(rest).toEqual(storedRest);
      expect(sha256(maps)).toBe(stored.mapsSha256);
      expect(sha256(queries)).toBe(stored.queriesSha256);
    },
  );
});

describe('v1 share links', () => {
  it.each(V1_LINKS)('%s opens with no issue, as its v2 equivalent', (link) => {
    const v1 = parseShareLink(link);
    expect(
      v1.issues.map((i) => i.message),
      `issues of ${link}`,
    ).toEqual([]);
    const v2 = parseShareLink(asV2(link));
    expect(
      v2.issues.map((i) => i.message),
      `issues of ${asV2(link)}`,
    ).toEqual([]);
    expect(v1.config, `${link} vs ${asV2(link)}`).toEqual(v2.config);
    expect(v1.config.version).toBe(CONFIG_VERSION);
    expect(v1.config.scenario.kind).toBe('planar');
    // Written again, it is a v2 link to the same config.
    const again = formatShareHash(v1.config);
    expect(again.startsWith(`#v=${CONFIG_VERSION}`)).toBe(true);
    expect(parseShareLink(again).config).toEqual(v1.config);
    // The same link inside a full URL.
    expect(parseShareLink(`https://example.org/lab/${link}`).config).toEqual(v1.config);
  });

  it.each(BROKEN_V1_LINKS)('%s reports the same issues and keeps the same config as v2', (link) => {
    const v1 = parseShareLink(link);
    const v2 = parseShareLink(asV2(link));
    expect(v1.issues.length, `issues of ${link}`).toBeGreaterThan(0);
    expect(v1.issues, `${link} vs ${asV2(link)}`).toEqual(v2.issues);
    expect(v1.config).toEqual(v2.config);
  });

  it('the links above are v1 links as the v1 lab wrote them (the equivalents differ only in v)', () => {
    for (const link of [...V1_LINKS, ...BROKEN_V1_LINKS]) {
      expect(link.startsWith('#v=1')).toBe(true);
      expect(asV2(link)).toBe(`#v=2${link.slice(4)}`);
    }
  });

  const cache = createVictimCache();
  it.each(['#v=1&q=30', '#v=1&a=active&q=200', '#v=1&q=400&om=noise&dt=1'])(
    '%s gives the same simulation as its v2 equivalent',
    (link) => {
      const run = (l: string) =>
        JSON.stringify(
          summarizeResult(simulate(parseShareLink(l).config, { victimCache: cache }), {
            maps: true,
            queries: true,
          }),
        );
      expect(run(link)).toBe(run(asV2(link)));
    },
  );
});

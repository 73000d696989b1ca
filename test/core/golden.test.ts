/**
 * Golden runs: the simulator's output for 22 configurations and two sweeps, recorded before the
 * plug-in redesign (scripts/make-golden.ts), must not change. Only the config's bookkeeping may
 * differ: its version number, and fields added later that record a default (scenario.kind).
 */
import { describe, expect, it } from 'vitest';
import { GOLDEN_RUNS, GOLDEN_SWEEPS, goldenRun, goldenSweep } from '../fixtures/golden/cases';
import { STORED_RUNS as runs, STORED_SWEEPS as sweeps } from '../fixtures/golden/stored';

/** Fields added after the fixtures were recorded; each must hold its default in every golden run. */
const ADDED_DEFAULTS: Record<string, unknown> = {
  'scenario.kind': 'planar',
  // the chat kind's fields (issue 12)
  'scenario.operands': 4,
  'scenario.honestWantSteps': 0.3,
  'victim.temperature': 1,
  'attack.pricePerMTok': 10,
  'attack.student.width': 48,
  'attack.student.steps': 1000,
  'defense.output.topLogprobs': 5,
  'defense.chat.reasoning': 'shown',
  'defense.output.tau': 0.5,
  'defense.output.nu': 20,
  'defense.output.epsilon': 0.5,
  'defense.output.keepTop1': true,
  // the credit kind's fields (every config holds every field; planar runs never read them)
  'scenario.features': 8,
  'victim.model': 'logistic',
  'attack.student.model': 'logistic',
  'attack.precision': 0.001,
  'defense.output.explanations': false,
  // the chat defenses (issue 13): the KGW text watermark and the reasoning-elicitation filter
  'defense.watermark.delta': 2,
  'defense.watermark.gamma': 0.25,
  'defense.watermark.zThreshold': 4,
  'defense.elicitation.on': false,
  'defense.elicitation.recall': 1,
  // the credit slice's two features (issue 11's learner-chosen slice)
  'scenario.sliceX': 1,
  'scenario.sliceY': 2,
  // campaign detection and the attacker's cover traffic (issue 13, part 2)
  'defense.campaign.on': false,
  'defense.campaign.minCluster': 10,
  'attack.mixing': 0,
};

/** Sweep levels added after the fixtures were recorded (new answer formats), by knob. */
const ADDED_LEVELS: Record<string, unknown[]> = {
  'defense.output.mode': ['mad', 'misinformation'],
};

/** The config without its version and without the added fields (which must hold their defaults). */
function comparable(config: Record<string, unknown>): unknown {
  const copy = structuredClone(config) as Record<string, unknown>;
  delete copy.version;
  for (const [path, value] of Object.entries(ADDED_DEFAULTS)) {
    const parts = path.split('.');
    const field = parts.pop()!;
    let section: Record<string, unknown> | undefined = copy;
    for (const part of parts) section = section?.[part] as Record<string, unknown> | undefined;
    if (section && field in section) {
      expect(section[field], path).toEqual(value);
      delete section[field];
      // a section made only of added fields (defense.chat) is added too
      if (parts.length > 0 && Object.keys(section).length === 0) {
        let parent: Record<string, unknown> = copy;
        for (const part of parts.slice(0, -1)) parent = parent[part] as Record<string, unknown>;
        delete parent[parts[parts.length - 1]!];
      }
    }
  }
  return copy;
}

/**
 * Result fields added after the fixtures were recorded (issue 10: the detection timeline charts
 * every attacker account). They are checked against what was recorded, then left out: the first
 * charted account's series is the recorded `attackerSeries` whenever account 0 was tested.
 */
function withoutAddedResultFields(rest: Record<string, unknown>): Record<string, unknown> {
  const detection = rest.detection as
    | ({ attackerAccounts?: { account: number }[]; attackerTested?: number } & Record<
        string,
        unknown
      >)
    | null;
  if (!detection) return rest;
  const { attackerAccounts, attackerTested, ...kept } = detection;
  expect(attackerAccounts?.length ?? 0).toBeLessThanOrEqual(attackerTested ?? 0);
  const first = attackerAccounts?.find((a) => a.account === 0);
  if (first) {
    const { account, ...series } = first;
    expect(series, `account ${account}`).toEqual(kept.attackerSeries);
  }
  return { ...rest, detection: kept };
}

describe('golden runs (the redesign changes no number)', () => {
  it('has every case recorded', () => {
    expect(runs.map((r) => r.name)).toEqual(GOLDEN_RUNS.map((c) => c.name));
  });
  for (const stored of runs) {
    it(stored.name, () => {
      const now = goldenRun(stored.set);
      const { config, ...rest } = now.summary as unknown as typeof stored.summary;
      const { config: storedConfig, ...storedRest } = stored.summary;
      expect(comparable(config)).toEqual(comparable(storedConfig));
      expect(withoutAddedResultFields(rest)).toEqual(storedRest);
      expect(now.mapsSha256).toBe(stored.mapsSha256);
      expect(now.queriesSha256).toBe(stored.queriesSha256);
    });
  }
  for (const [i, c] of GOLDEN_SWEEPS.entries()) {
    it(`sweep ${c.knob}`, () => {
      const now = goldenSweep(c) as unknown as typeof stored.result;
      const stored = sweeps[i]!;
      const { config, ...rest } = now;
      const { config: storedConfig, ...storedRest } = stored.result;
      // Levels added since the fixture (new answer formats) are new rows; the old rows must hold.
      const storedLevels = (storedRest.levels as { level: unknown }[]).map((l) => l.level);
      const levels = rest.levels as { level: unknown }[];
      expect(levels.map((l) => l.level).filter((l) => !storedLevels.includes(l))).toEqual(
        ADDED_LEVELS[c.knob] ?? [],
      );
      rest.levels = levels.filter((l) => storedLevels.includes(l.level));
      expect(comparable(config)).toEqual(comparable(storedConfig));
      expect(JSON.parse(JSON.stringify(rest))).toEqual(storedRest);
    });
  }
});

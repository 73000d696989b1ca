// Campaign detection and cover traffic through simulate() (chat kind): the campaign is stopped at
// the end of its first day, the false positives are the honest accounts the run flagged
// (measured), cover prompts are paid for and not trained on, and runs are deterministic.
import { describe, expect, it } from 'vitest';
import { loadAssets } from '../../../../src/cli/args';
import {
  checkKindChoices,
  defaultConfig,
  parseConfig,
  setPath,
  type Config,
} from '../../../../src/core/config';
import { createRng } from '../../../../src/core/rng';
import { mixCover } from '../../../../src/core/scenarios/chat/mixing';
import {
  APP_HOURS,
  COMMON_WORDINGS,
  honestDay,
  honestHabits,
  popularWording,
} from '../../../../src/core/scenarios/chat/population';
import { taskPrompts } from '../../../../src/core/scenarios/chat/prompts';
import { TOKEN } from '../../../../src/core/scenarios/chat/vocab';
import { simulate } from '../../../../src/core/simulate';

function chatConfig(fields: Record<string, unknown>): Config {
  let config = checkKindChoices(setPath(defaultConfig(), 'scenario.kind', 'chat')).config;
  for (const [path, value] of Object.entries(fields)) config = setPath(config, path, value);
  const parsed = parseConfig(config);
  expect(parsed.issues.map((i) => i.message)).toEqual([]);
  return parsed.config;
}

const run = (config: Config) => simulate(config, { assets: loadAssets(config) });

/** 50 accounts, 5 days, 2 prompts per account-day; a short student. */
const CAMPAIGN = {
  'attack.queries': 500,
  'attack.accounts': 50,
  'attack.days': 5,
  'attack.student.steps': 50,
  'defense.campaign.on': true,
};

describe('mixCover', () => {
  it('replaces a share of about `mixing` of the prompts by honest-looking ones', () => {
    const prompts = taskPrompts(4, 2000, createRng(1));
    const mixed = mixCover(prompts, 0.5, 4, 0.3, createRng(2));
    expect(mixed.coverCount).toBe(mixed.cover.reduce((s, c) => s + c, 0));
    expect(mixed.coverCount / 2000).toBeGreaterThan(0.46);
    expect(mixed.coverCount / 2000).toBeLessThan(0.54);
    const steps = mixed.prompts.filter((p, i) => mixed.cover[i] && p.includes(TOKEN.steps));
    // cover prompts ask for the steps about as often as honest users (0.3)
    expect(steps.length / mixed.coverCount).toBeGreaterThan(0.25);
    expect(steps.length / mixed.coverCount).toBeLessThan(0.35);
    mixed.prompts.forEach((p, i) => {
      if (!mixed.cover[i]) expect(p).toBe(prompts[i]);
    });
  });

  it('changes nothing at mixing 0', () => {
    const prompts = taskPrompts(3, 50, createRng(1));
    const mixed = mixCover(prompts, 0, 3, 0.3, createRng(2));
    expect(mixed.prompts).toEqual(prompts);
    expect(mixed.coverCount).toBe(0);
  });
});

describe('honest population', () => {
  it('popular wordings are skewed to the first: P(id = 1) = sqrt(1/20)', () => {
    expect(popularWording(0)).toBe(1);
    expect(popularWording(Math.sqrt(1 / COMMON_WORDINGS) - 1e-9)).toBe(1);
    expect(popularWording(Math.sqrt(1 / COMMON_WORDINGS) + 1e-9)).toBe(2);
    expect(popularWording(0.999999)).toBe(COMMON_WORDINGS);
  });

  it('an app user sends most requests in the app’s window and template; steps for tutoring apps', () => {
    const habit = { level: 0, activeChance: 1, peak: 12, stepsShare: 0, favourite: -1, app: 1 };
    const requests = honestDay(habit, 0, 200, 0, createRng(4));
    const inApp = requests.filter((r) => r.wording === COMMON_WORDINGS + 2);
    expect(inApp.length / requests.length).toBeGreaterThan(0.8);
    for (const r of inApp) {
      expect(r.hour - APP_HOURS[1]!).toBeGreaterThanOrEqual(0);
      expect(r.hour - APP_HOURS[1]!).toBeLessThan(3);
      expect(r.steps).toBe(true);
    }
  });

  it('habits are drawn from the seed: the same seed, the same population', () => {
    expect(honestHabits(20, 0.3, createRng(5))).toEqual(honestHabits(20, 0.3, createRng(5)));
  });
});

describe('campaign detection through simulate()', () => {
  it('flags every attacker account at the end of day 1; later prompts are refused', () => {
    const result = run(chatConfig(CAMPAIGN));
    const c = result.campaign!;
    expect(c.attackerAccounts).toBe(50);
    expect(c.flaggedAccounts).toBe(50);
    expect(c.attackerAccountsFlagged).toBe(1);
    expect(c.stoppedAfterDay).toBe(0);
    // day 1: 50 accounts x 2 prompts answered before the flags
    expect(c.answeredBeforeFlag).toBe(100);
    expect(result.attacker.queriesAnswered).toBe(100);
    expect(result.attacker.accountsBanned).toBe(50);
    expect(c.flaggedByDay).toEqual([50, 50, 50, 50, 50]);
    // the false positives are the honest accounts this run flagged, measured
    expect(result.defenseCost.falsePositives).toBe(c.honestFlagged / c.honestAccounts);
    expect(c.projection.x.length).toBe(50 + 150);
  });

  it('honest false positives grow when groups may be smaller (2,000 honest accounts)', () => {
    const strict = run(
      chatConfig({ ...CAMPAIGN, 'benign.accounts': 2000, 'defense.campaign.minCluster': 5 }),
    );
    const lax = run(
      chatConfig({ ...CAMPAIGN, 'benign.accounts': 2000, 'defense.campaign.minCluster': 20 }),
    );
    expect(strict.campaign!.honestFlagged).toBeGreaterThan(lax.campaign!.honestFlagged);
    expect(strict.defenseCost.falsePositives).toBeGreaterThan(0);
    expect(strict.defenseCost.falsePositives).toBe(strict.campaign!.honestFlagged / 2000);
  });

  it('cover traffic hides accounts, is paid for and is not trained on', () => {
    const mixed = run(chatConfig({ ...CAMPAIGN, 'attack.mixing': 0.9 }));
    const c = mixed.campaign!;
    expect(c.attackerAccountsFlagged).toBeLessThan(0.5);
    expect(c.coverPrompts).toBeGreaterThan(400);
    expect(mixed.attacker.queriesAnswered).toBeGreaterThan(100);
    // without detection: the same budget and the same bill, but the student learns from a tenth
    const off = { ...CAMPAIGN, 'defense.campaign.on': false, 'attack.student.steps': 400 };
    const plain = run(chatConfig(off));
    const covered = run(chatConfig({ ...off, 'attack.mixing': 0.9 }));
    expect(covered.campaign).toBeNull();
    expect(covered.attacker.queriesAnswered).toBe(plain.attacker.queriesAnswered);
    expect(covered.student.accuracy).toBeLessThan(plain.student.accuracy);
  });

  it('is deterministic', () => {
    const config = chatConfig({ ...CAMPAIGN, 'attack.mixing': 0.5 });
    expect(run(config).campaign).toEqual(run(config).campaign);
  });
});

// The defenses inside full runs: composition, invariants the maths promises, and the sweep.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath, type Config } from '../../src/core/config';
import { simulate } from '../../src/core/simulate';
import { summarizeResult } from '../../src/core/summary';
import { SWEEP_KNOBS, sweep } from '../../src/core/sweep';
import { createVictimCache } from '../../src/core/simulate';

const cache = createVictimCache();
const set = (config: Config, entries: Record<string, unknown>): Config =>
  Object.entries(entries).reduce((c, [path, value]) => setPath(c, path, value), config);
const json = (config: Config): string =>
  JSON.stringify(
    summarizeResult(simulate(config, { victimCache: cache }), { maps: true, queries: true }),
  );

describe('defenses in a run', () => {
  it('with every defense off, the knobs of the disabled defenses change nothing', () => {
    const base = set(defaultConfig(), { 'attack.queries': 300 });
    const reference = json(base);
    const tweaked = set(base, {
      'defense.output.sigma': 1.3,
      'defense.output.decimals': 1,
      'defense.output.beta': 7,
      'defense.rateLimit.perDay': 3,
      'defense.watermark.rate': 0.4,
      'defense.detection.delta': 0.99,
    });
    // The config echo differs, everything measured must not.
    const strip = (text: string) => JSON.stringify({ ...JSON.parse(text), config: null });
    expect(strip(json(tweaked))).toBe(strip(reference));
  });

  it('every defense on together finishes with finite numbers and sensible counts', () => {
    const config = set(defaultConfig(), {
      'attack.accounts': 3,
      'attack.days': 2,
      'attack.strategy': 'jacobian',
      'defense.output.mode': 'noise',
      'defense.rateLimit.on': true,
      'defense.rateLimit.perDay': 120,
      'defense.watermark.on': true,
      'defense.detection.on': true,
    });
    const result = simulate(config, { victimCache: cache });
    const text = JSON.stringify(summarizeResult(result));
    expect(text).not.toMatch(/NaN|Infinity|null,"detection":null/);
    expect(result.watermark).not.toBeNull();
    expect(result.detection).not.toBeNull();
    expect(result.attacker.queriesAnswered).toBeLessThanOrEqual(3 * 2 * 120);
    expect(result.attacker.answerCap).toBe(720);
    expect(result.attacker.queriesAnswered + result.attacker.queriesDenied).toBe(1000);
  });

  it('rate limit: the attacker gets exactly accounts x perDay x days when it asks for more', () => {
    const config = set(defaultConfig(), {
      'attack.accounts': 4,
      'attack.days': 2,
      'defense.rateLimit.on': true,
      'defense.rateLimit.perDay': 50,
    });
    const { attacker } = simulate(config, { victimCache: cache });
    expect(attacker.queriesAnswered).toBe(400);
    expect(attacker.queriesDenied).toBe(600);
    expect(attacker.accountsUsed).toBe(4);
  });

  it('a stricter rate limit never answers more queries', () => {
    let previous = Infinity;
    for (const perDay of [1000, 300, 120, 80, 40, 10, 1]) {
      const config = set(defaultConfig(), {
        'attack.queries': 700,
        'attack.accounts': 3,
        'attack.days': 2,
        'defense.rateLimit.on': true,
        'defense.rateLimit.perDay': perDay,
      });
      const answered = simulate(config, { victimCache: cache }).attacker.queriesAnswered;
      expect(answered).toBeLessThanOrEqual(previous);
      expect(answered).toBeLessThanOrEqual(3 * 2 * perDay);
      previous = answered;
    }
  });

  it('more output noise never lowers the distortion honest users see', () => {
    let previous = -1;
    for (const sigma of [0, 0.1, 0.3, 0.6, 1.2]) {
      const config = set(defaultConfig(), {
        'attack.queries': 100,
        'defense.output.mode': 'noise',
        'defense.output.sigma': sigma,
      });
      const { distortion } = simulate(config, { victimCache: cache }).defenseCost;
      expect(distortion).toBeGreaterThanOrEqual(previous);
      previous = distortion;
    }
  });

  it('label-only answers cost honest users no top-1 accuracy; the watermark costs about its rate', () => {
    const label = simulate(
      set(defaultConfig(), { 'attack.queries': 100, 'defense.output.mode': 'label' }),
      { victimCache: cache },
    );
    expect(label.defenseCost.benignAccuracyDrop).toBe(0);
    const marked = simulate(
      set(defaultConfig(), {
        'attack.queries': 100,
        'defense.watermark.on': true,
        'defense.watermark.rate': 0.1,
      }),
      {
        victimCache: cache,
      },
    );
    // 1,000 honest queries: the drop is about 0.1 (binomial sd about 0.01).
    expect(marked.defenseCost.benignAccuracyDrop).toBeGreaterThan(0.06);
    expect(marked.defenseCost.benignAccuracyDrop).toBeLessThan(0.14);
  });

  it('splits the accuracy drop between the watermark and output perturbation, in the API order', () => {
    const both = simulate(
      set(defaultConfig(), {
        'attack.queries': 100,
        'defense.output.mode': 'label',
        'defense.watermark.on': true,
        'defense.watermark.rate': 0.1,
      }),
      { victimCache: cache },
    ).defenseCost;
    // Label-only answers keep the top-1 label: the whole drop is the watermark's.
    expect(both.accuracyDropBy.output).toBe(0);
    expect(both.accuracyDropBy.watermark).toBeCloseTo(both.benignAccuracyDrop, 12);
    const noisy = simulate(
      set(defaultConfig(), {
        'attack.queries': 100,
        'defense.output.mode': 'noise',
        'defense.output.sigma': 0.6,
        'defense.watermark.on': true,
      }),
      { victimCache: cache },
    ).defenseCost;
    expect(noisy.accuracyDropBy.watermark! + noisy.accuracyDropBy.output!).toBeCloseTo(
      noisy.benignAccuracyDrop,
      12,
    );
    expect(noisy.accuracyDropBy.output!).toBeGreaterThan(0);
  });

  it('the independent control model is never accused at alpha = 0.001 (30 seeds)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const config = set(defaultConfig(), {
        seed,
        'attack.queries': 400,
        'defense.watermark.on': true,
        'defense.watermark.rate': 0.1,
        'defense.watermark.alpha': 0.001,
      });
      const { watermark } = simulate(config, { victimCache: cache });
      expect(watermark!.controlAccused).toBe(false);
      expect(watermark!.controlPValue).toBeGreaterThanOrEqual(0.001);
    }
  }, 120_000);

  it('a student that memorises the watermark is caught: big student, many epochs', () => {
    const config = set(defaultConfig(), {
      'defense.watermark.on': true,
      'defense.watermark.rate': 0.1,
      'attack.student.hidden': [32, 32, 32],
      'attack.student.epochs': 400,
    });
    const { watermark } = simulate(config, { victimCache: cache });
    expect(watermark!.shown).toBe(true);
    expect(watermark!.matchRate).toBeGreaterThan(watermark!.baselineRate);
    expect(watermark!.controlAccused).toBe(false);
  }, 60_000);
});

describe('detection (PRADA) at the calibrated default delta', () => {
  it('bans Jacobian attackers in most seeds, never random ones, and rarely flags honest accounts', () => {
    let jacobianFlagged = 0;
    for (const seed of [1, 2, 3]) {
      const on = { seed, 'defense.detection.on': true };
      const jacobian = simulate(set(defaultConfig(), { ...on, 'attack.strategy': 'jacobian' }), {
        victimCache: cache,
      });
      const random = simulate(set(defaultConfig(), { ...on, 'attack.strategy': 'random' }), {
        victimCache: cache,
      });
      if (jacobian.detection!.flaggedAccounts > 0) {
        jacobianFlagged++;
        expect(jacobian.attacker.queriesDenied).toBeGreaterThan(0);
        expect(jacobian.detection!.firstAlarmAtQuery).not.toBeNull();
        expect(jacobian.detection!.attackerSeries.alarmAt).not.toBeNull();
      }
      expect(random.detection!.flaggedAccounts).toBe(0);
      expect(random.defenseCost.falsePositives).toBeLessThanOrEqual(0.1);
      expect(random.detection!.attackerSeries.w.length).toBeGreaterThan(10);
    }
    expect(jacobianFlagged).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('a banned attacker moves on to its next account', () => {
    const config = set(defaultConfig(), {
      'defense.detection.on': true,
      'defense.detection.delta': 0.8,
      'attack.strategy': 'natural',
      'attack.accounts': 5,
    });
    const result = simulate(config, { victimCache: cache });
    expect(result.attacker.accountsBanned).toBeGreaterThan(0);
    expect(result.attacker.accountsUsed).toBeGreaterThan(1);
    expect(result.attacker.queriesAnswered).toBeGreaterThan(42);
  }, 60_000);
});

describe('sweep', () => {
  it('has a built-in grid of about 8 levels from off to strong for each knob', () => {
    for (const knob of Object.values(SWEEP_KNOBS)) {
      // a two-way choice (the chat kind's reasoning shown / hidden) is a grid of two
      expect(knob.levels.length).toBeGreaterThanOrEqual(
        knob.name === 'defense.chat.reasoning' ? 2 : 3,
      );
      expect(knob.levels.length).toBeLessThanOrEqual(8);
    }
  });

  it('reports mean and std over seeds per level, and fills levels progressively', () => {
    const partials: number[] = [];
    const base = set(defaultConfig(), { 'attack.queries': 120, 'attack.accounts': 2 });
    const result = sweep(base, 'defense.rateLimit.perDay', ['off', 50, 10], [1, 2], {
      victimCache: cache,
      onLevel: (partial) => partials.push(partial.levels.length),
    });
    expect(partials).toEqual([1, 2, 3]);
    expect(result.levels.map((l) => l.label)).toEqual(['off', '50/day', '10/day']);
    const answered = result.levels.map((l) => l.queriesAnswered.mean);
    expect(answered).toEqual([120, 100, 20]);
    expect(result.levels[0]!.benignBlocked.mean).toBe(0);
    expect(result.levels[2]!.benignBlocked.mean).toBeGreaterThan(
      result.levels[1]!.benignBlocked.mean,
    );
    for (const level of result.levels) expect(level.fidelity.std).toBeGreaterThanOrEqual(0);
  });
});

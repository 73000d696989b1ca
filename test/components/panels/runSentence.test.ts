// The sentence under the scoreboard: hand-written expected sentences for each scenario kind and
// each kind of defense, and the rule that it states no number the run does not contain.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultConfig, setPath, type Config } from '../../../src/core/config';
import type { SimulationResult } from '../../../src/core/types';
import { runSentence } from '../../../src/components/panels/runSentence';
import { fakeResult } from '../../state/fixtures';

function withSets(sets: [string, unknown][]): Config {
  return sets.reduce<Config>((c, [path, value]) => setPath(c, path, value), defaultConfig());
}

/** A fake run (test/state/fixtures.ts) with some of its numbers replaced. */
function run(
  sets: [string, unknown][],
  patch: {
    fidelity?: number;
    attacker?: Partial<SimulationResult['attacker']>;
    cost?: Partial<SimulationResult['defenseCost']>;
    kind?: SimulationResult['kind'];
    watermark?: SimulationResult['watermark'];
  } = {},
): SimulationResult {
  const base = fakeResult(withSets(sets), { fidelity: patch.fidelity ?? 0.987 });
  return {
    ...base,
    kind: patch.kind ?? base.kind,
    attacker: { ...base.attacker, ...patch.attacker },
    defenseCost: { ...base.defenseCost, ...patch.cost },
    watermark: patch.watermark ?? null,
  };
}

describe('runSentence', () => {
  it('no defense: the copy, its price, and nothing paid by honest users', () => {
    const r = run([], { attacker: { costUSD: 2 } });
    expect(runSentence(r, r)).toBe(
      'With no defense on: the copy agrees with the victim on 98.7% of new points for $2.00, and honest users pay nothing.',
    );
  });

  it("the issue's example: many accounts beat the daily limit", () => {
    const r = run(
      [
        ['defense.rateLimit.on', true],
        ['attack.accounts', 20],
      ],
      { attacker: { costUSD: 12, accountsUsed: 20 }, cost: { benignBlocked: 0.97 } },
    );
    expect(runSentence(r, null)).toBe(
      'With 20 accounts the daily limit no longer slows the attacker: the copy agrees with the victim on 98.7% of new points for $12.00, while 97.0% of honest accounts hit the daily limit in a week.',
    );
  });

  it('a limit that refuses queries says how many got through, and the undefended copy', () => {
    const r = run([['defense.rateLimit.on', true]], {
      fidelity: 0.85,
      attacker: { queriesAnswered: 200, queriesDenied: 800, costUSD: 2.5 },
      cost: { benignBlocked: 0.125 },
    });
    const baseline = run([], { fidelity: 0.987 });
    expect(runSentence(r, baseline)).toBe(
      "The daily limit lets through 200 of the attacker's 1,000 queries: the copy agrees with the victim on 85.0% of new points (98.7% without defenses) for $2.50, while 12.5% of honest accounts hit the daily limit in a week.",
    );
  });

  it('honest days other than seven are counted', () => {
    const r = run(
      [
        ['defense.rateLimit.on', true],
        ['benign.days', 3],
      ],
      { cost: { benignBlocked: 0.5 } },
    );
    expect(runSentence(r, null)).toContain(
      '50.0% of honest accounts hit the daily limit in 3 days',
    );
  });

  it('detection: banned accounts and honest accounts flagged', () => {
    const r = run(
      [
        ['defense.detection.on', true],
        ['attack.accounts', 10],
      ],
      { attacker: { accountsUsed: 10, accountsBanned: 3 }, cost: { falsePositives: 0.02 } },
    );
    expect(runSentence(r, null)).toMatch(
      /^Detection bans 3 of the attacker's 10 accounts: .*, while 2\.0% of honest accounts are wrongly flagged\.$/,
    );
    const missed = run([['defense.detection.on', true]], { cost: { falsePositives: 0 } });
    expect(runSentence(missed, null)).toMatch(/^Detection never catches this attacker: /);
  });

  it('an answer format names itself and its accuracy cost; the watermark gives its evidence', () => {
    const r = run(
      [
        ['defense.output.mode', 'noise'],
        ['defense.watermark.on', true],
      ],
      {
        fidelity: 0.9,
        cost: { benignAccuracyDrop: 0.034 },
        watermark: {
          shown: true,
          pValue: 3.2e-9,
        } as unknown as SimulationResult['watermark'],
      },
    );
    const text = runSentence(r, null);
    expect(text).toMatch(/^With the defenses on \(Noisy probabilities, Watermark\): /);
    expect(text).toContain('while honest users lose 3.4 points of accuracy');
    // the owner's evidence has its own tile: the sentence stays one short sentence
    expect(text).not.toContain('p = ');
  });

  it('lists three costs as one list, naming honest accounts once', () => {
    const r = run(
      [
        ['defense.output.mode', 'noise'],
        ['defense.rateLimit.on', true],
        ['defense.detection.on', true],
      ],
      { cost: { benignAccuracyDrop: 0.014, benignBlocked: 0.11, falsePositives: 0.031 } },
    );
    expect(runSentence(r, null)).toMatch(
      /, while honest users lose 1\.4 points of accuracy, 11\.0% of honest accounts hit the daily limit in a week and 3\.1% are wrongly flagged\.$/,
    );
  });

  it('label-only answers cost no accuracy and say so', () => {
    const r = run([['defense.output.mode', 'label']], { cost: { benignAccuracyDrop: 0 } });
    expect(runSentence(r, null)).toContain('while honest users lose no accuracy.');
  });

  it('speaks of applicants for credit and of problems for chat', () => {
    const credit = run([], { kind: 'credit' });
    expect(runSentence(credit, null)).toContain(
      "the copy takes the lender's decision on 98.7% of new applicants",
    );
    const chat = run([['defense.rateLimit.on', false]], {
      kind: 'chat',
      cost: { stepsDenied: 0.4 },
    });
    expect(runSentence(chat, null)).toContain(
      "the copy states the model's result on 98.7% of new problems",
    );
  });

  it('states no number the run does not contain', () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        share,
        share,
        share,
        share,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        fc.boolean(),
        (fidelity, blocked, flagged, drop, accounts, answered, limit, detect) => {
          const r = run(
            [
              ['defense.rateLimit.on', limit],
              ['defense.detection.on', detect],
              ['defense.output.mode', drop > 0.5 ? 'noise' : 'probabilities'],
              ['attack.accounts', accounts],
            ],
            {
              fidelity,
              attacker: { accountsUsed: accounts, queriesAnswered: answered, costUSD: 1.5 },
              cost: { benignBlocked: blocked, falsePositives: flagged, benignAccuracyDrop: drop },
            },
          );
          const allowed = new Set([
            (fidelity * 100).toFixed(1),
            (blocked * 100).toFixed(1),
            (flagged * 100).toFixed(1),
            (drop * 100).toFixed(1),
            (drop * 100).toFixed(0),
            String(accounts),
            String(answered),
            '1,000', // queries asked
            '1.50', // dollars
            '0', // accounts banned
          ]);
          const numbers = runSentence(r, null).match(/\d[\d,]*(\.\d+)?/g) ?? [];
          for (const n of numbers) expect(allowed, n).toContain(n);
        },
      ),
      { numRuns: 200 },
    );
  });
});

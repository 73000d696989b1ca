// One extraction run end to end: budgets, determinism, metrics, and the victim's quality.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath, type Config } from '../../src/core/config';
import { ATTACKS } from '../../src/core/registry/meta';
import { DATASETS } from '../../src/core/scenarios/planar/meta';
import { GRID_RESOLUTION } from '../../src/core/scenarios/planar/maps';
import { createVictimCache, simulate } from '../../src/core/simulate';
import { summarizeResult } from '../../src/core/summary';
import { QUERY_STATUS } from '../../src/core/types';

const cache = createVictimCache();
const small = (config: Config): Config => setPath(config, 'attack.queries', 300);

describe('simulate', () => {
  it('the default run steals the moons victim with fidelity >= 0.95', () => {
    const result = simulate(defaultConfig(), { victimCache: cache });
    expect(result.victim.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(result.student.fidelity).toBeGreaterThanOrEqual(0.95);
    expect(result.curve).toHaveLength(10);
    expect(result.curve.map((p) => p.queries)).toEqual([
      100, 200, 300, 400, 500, 600, 700, 800, 900, 1000,
    ]);
    expect(result.maps!.studentSlices).toHaveLength(10);
    expect(result.maps!.victim.probabilities).toHaveLength(GRID_RESOLUTION * GRID_RESOLUTION * 2);
    // The last curve point is the reported student.
    expect(result.curve[9]!.fidelity).toBe(result.student.fidelity);
    // Learning: fidelity after all queries beats fidelity after the first tenth.
    expect(result.curve[9]!.fidelity).toBeGreaterThan(result.curve[0]!.fidelity - 0.02);
  });

  it.each(DATASETS)('victim on %s reaches the accuracy the issue asks for', (dataset) => {
    const config = setPath(small(defaultConfig()), 'scenario.dataset', dataset);
    const { victim } = simulate(config, { victimCache: cache });
    expect(victim.accuracy).toBeGreaterThanOrEqual(dataset === 'spiral' ? 0.9 : 0.97);
  });

  // (the credit attacks may stop early by design: test/core/scenarios/credit/kind.test.ts)
  it.each(ATTACKS.filter((a) => a.kinds.includes('planar')).map((a) => a.id))(
    '%s spends exactly its budget when nothing refuses it',
    (strategy) => {
      for (const queries of [10, 137, 500]) {
        const config = setPath(
          setPath(defaultConfig(), 'attack.strategy', strategy),
          'attack.queries',
          queries,
        );
        const result = simulate(config, { victimCache: cache });
        expect(result.attacker.queriesAsked).toBe(queries);
        expect(result.attacker.queriesAnswered).toBe(queries);
        expect(result.attacker.queriesDenied).toBe(0);
        expect(result.queries.count).toBe(queries);
        expect(Array.from(result.queries.status).every((s) => s === QUERY_STATUS.answered)).toBe(
          true,
        );
        expect(result.curve[result.curve.length - 1]!.queries).toBe(queries);
      }
    },
  );

  it('is deterministic: the same config gives byte-identical JSON, another seed other numbers', () => {
    const config = setPath(small(defaultConfig()), 'attack.strategy', 'active');
    const a = JSON.stringify(summarizeResult(simulate(config), { maps: true, queries: true }));
    const b = JSON.stringify(summarizeResult(simulate(config), { maps: true, queries: true }));
    expect(a).toBe(b);
    const c = JSON.stringify(
      summarizeResult(simulate(setPath(config, 'seed', 2)), { maps: true, queries: true }),
    );
    expect(c).not.toBe(a);
  });

  it('a victim from the cache gives the same result as a freshly trained one', () => {
    const config = small(defaultConfig());
    const fresh = JSON.stringify(summarizeResult(simulate(config)));
    const cached = JSON.stringify(summarizeResult(simulate(config, { victimCache: cache })));
    expect(cached).toBe(fresh);
  });

  it('costs dollars for answered queries and accounts opened', () => {
    let config = small(defaultConfig());
    config = setPath(
      setPath(setPath(config, 'attack.accounts', 3), 'attack.pricePer1k', 10),
      'attack.accountCost',
      2,
    );
    const { attacker } = simulate(config, { victimCache: cache });
    expect(attacker.accountsUsed).toBe(3);
    expect(attacker.costUSD).toBeCloseTo((300 / 1000) * 10 + 3 * 2, 10);
  });

  it('label-only answers: the student learns from one-hot labels and still copies the victim', () => {
    const config = setPath(defaultConfig(), 'defense.output.mode', 'label');
    const result = simulate(config, { victimCache: cache });
    expect(result.student.fidelity).toBeGreaterThan(0.85);
    expect(result.defenseCost.benignAccuracyDrop).toBe(0);
    expect(result.defenseCost.distortion).toBeGreaterThan(0);
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    simulate(small(defaultConfig()), { victimCache: cache, onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
  });
});

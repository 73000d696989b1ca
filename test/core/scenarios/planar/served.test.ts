// What the attacker sees at each map cell (result.maps.served): computed in the worker with the
// run's own answer format, so the page shows the true served answer for every format, the ones
// that read the query and the owner's models (misinformation, MAD) included.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath, type Config } from '../../../../src/core/config';
import { createVictimCache, simulate } from '../../../../src/core/simulate';
import { servedGrid } from '../../../../src/core/scenarios/planar/maps';
import type { DecisionGrid } from '../../../../src/core/types';

const cache = createVictimCache();
const small = (mode: string): Config => {
  let config = setPath(defaultConfig(), 'attack.budget', 300);
  config = setPath(config, 'defense.output.mode', mode as Config['defense']['output']['mode']);
  return config;
};
const run = (mode: string) => simulate(small(mode), { victimCache: cache }).maps!;

/** Index of the largest of `classes` values starting at `offset`. */
function top(values: Float32Array, offset: number, classes: number): number {
  let best = 0;
  for (let c = 1; c < classes; c++) if (values[offset + c]! > values[offset + best]!) best = c;
  return best;
}

describe('servedGrid', () => {
  it('passes each cell through the answer function, at the cell centre', () => {
    const victim: DecisionGrid = {
      resolution: 2,
      classes: 2,
      box: { min: [0, 0], max: [1, 1] },
      probabilities: Float32Array.from([0.9, 0.1, 0.2, 0.8, 0.5, 0.5, 0.3, 0.7]),
    };
    const inputs = Float64Array.from([0.25, 0.25, 0.75, 0.25, 0.25, 0.75, 0.75, 0.75]);
    const offsets: number[] = [];
    const served = servedGrid(victim, inputs, (clean, ins, offset, out) => {
      offsets.push(offset);
      out[0] = clean[1]! + ins[offset]!; // swap the classes and add x, to see both arrive
      out[1] = clean[0]!;
    });
    expect(offsets).toEqual([0, 2, 4, 6]);
    expect(Array.from(served)).toEqual(
      Array.from(Float32Array.from([0.35, 0.9, 1.55, 0.2, 0.75, 0.5, 1.45, 0.3])),
    );
  });
});

describe('result.maps.served', () => {
  it('is the clean map when the API serves the probabilities', () => {
    const maps = run('probabilities');
    expect(Array.from(maps.served)).toEqual(Array.from(maps.victim.probabilities));
  });

  it("is the one-hot of the victim's top class under label only", () => {
    const maps = run('label');
    const { classes } = maps.victim;
    for (let cell = 0; cell < maps.served.length / classes; cell++) {
      const offset = cell * classes;
      const winner = top(maps.victim.probabilities, offset, classes);
      for (let c = 0; c < classes; c++) expect(maps.served[offset + c]).toBe(c === winner ? 1 : 0);
    }
  });

  it('differs from the clean map under adaptive misinformation and MAD (the page used to show the clean answer)', () => {
    for (const mode of ['misinformation', 'mad']) {
      const maps = run(mode);
      let changed = 0;
      for (let i = 0; i < maps.served.length; i++)
        if (Math.abs(maps.served[i]! - maps.victim.probabilities[i]!) > 1e-3) changed++;
      expect(changed, mode).toBeGreaterThan(0);
    }
  });

  it('is the same for the same config: noise draws from its own seeded stream (the golden fixtures pin the run itself)', () => {
    const a = run('noise');
    const b = run('noise');
    expect(Array.from(a.served)).toEqual(Array.from(b.served));
    expect(Array.from(a.served)).not.toEqual(Array.from(a.victim.probabilities));
  });
});

// The sentence under the limits grid (src/charts/limits.ts): it states a finding only once the
// limit's column and the no-limit run are computed (a partial grid said "even 100 accounts do not
// copy the model" while it was computing its first run).
import { describe, expect, it } from 'vitest';
import { limitSentence } from '../../src/charts/limits';
import { defaultConfig } from '../../src/core/config';
import type { LimitCell, LimitGridResult } from '../../src/core/limitGrid';

const cell = (limit: number, accounts: number, fidelity: number): LimitCell => ({
  limit,
  accounts,
  fidelity,
  costUSD: accounts * 0.01,
  queriesAnswered: accounts * limit,
});

/** Limits 20 and 200/day, 1 and 100 accounts; the no-limit copy agrees 95%. */
function grid(cells: (LimitCell | null)[], noLimit = true): LimitGridResult {
  return {
    config: defaultConfig(),
    limits: [20, 200],
    accounts: [1, 100],
    cells,
    honestLimited: [0.2, 0.01],
    noLimit: noLimit ? { fidelity: 0.95, costUSD: 2.5, queriesAnswered: 1000 } : null,
  };
}

describe('limitSentence', () => {
  const full = [cell(20, 1, 0.6), cell(200, 1, 0.8), cell(20, 100, 0.9), cell(200, 100, 0.95)];

  it('names the fewest accounts that copy as well as without a limit, and the honest cost', () => {
    expect(limitSentence(grid(full), 200)).toBe(
      'At 200/day, 100 accounts copy the model as well as without a limit (95.0% agreement) ' +
        'for $1.00. Meanwhile 1% of honest accounts hit the limit at least once.',
    );
    expect(limitSentence(grid(full), 20)).toBe(
      'At 20/day, even 100 accounts do not copy the model as well as without a limit. ' +
        'Meanwhile 20% of honest accounts hit the limit at least once.',
    );
  });

  it('claims nothing while the column or the no-limit run is still being computed', () => {
    const pending = 'At 200/day: not known until the grid is done.';
    expect(limitSentence(grid([full[0]!, null, full[2]!, full[3]!]), 200)).toBe(pending);
    expect(limitSentence(grid([null, null, null, null]), 200)).toBe(pending);
    expect(limitSentence(grid(full, false), 200)).toBe(pending);
    // the other column being incomplete does not matter
    expect(limitSentence(grid([null, full[1]!, null, full[3]!]), 200)).toMatch(/^At 200\/day, 100/);
  });
});

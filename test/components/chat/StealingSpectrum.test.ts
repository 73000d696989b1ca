// @vitest-environment happy-dom
// The logit-stealing spectrum: one point per singular value, the drop marked where the attack
// found it (and not otherwise), the verdict in words, the values in the hidden data table.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import StealingSpectrum from '../../../src/components/chat/StealingSpectrum.svelte';
import type { StealingReport } from '../../../src/core/scenarios/chat/stealing';
import { hiddenTablesShown } from '../hiddenTables';

afterEach(cleanup);

function report(estimate: number | null, values: number[]): StealingReport {
  return {
    trueHiddenSize: 3,
    estimate,
    singularValues: values,
    drop: estimate === null ? { rank: 1, ratio: 2 } : { rank: estimate + 1, ratio: 1e4 },
    dropThreshold: 20,
    rows: 50,
    principalAngles: null,
    largestAngleAtTrueSize: null,
  };
}

describe('StealingSpectrum', () => {
  it('marks the drop and names the hidden size it reveals', async () => {
    const { container } = render(StealingSpectrum, {
      report: report(3, [10, 8, 5, 3, 3e-4, 2e-4, 0]),
    });
    await hiddenTablesShown(container);
    // the last value (always ~0 after centring) is not drawn
    expect(container.querySelectorAll('circle.point')).toHaveLength(6);
    expect(container.querySelector('.drop')?.textContent).toContain('hidden size 3');
    expect(container.textContent).toContain('Sharp drop after value 4');
    expect(container.querySelector('table')?.textContent).toContain('3.000e-4');
  });

  it('draws no drop when none was found, and says so', () => {
    const { container } = render(StealingSpectrum, {
      report: report(null, [10, 5, 2.5, 1.2, 0.6, 0.3, 0]),
    });
    expect(container.querySelector('.drop')).toBeNull();
    expect(container.querySelector('.true-size')).not.toBeNull();
    expect(container.textContent).toContain('No sharp drop');
  });

  it('explains an empty spectrum (text answers)', () => {
    const { container } = render(StealingSpectrum, { report: { ...report(null, []), rows: 0 } });
    expect(container.textContent).toContain('no log-probabilities');
  });
});

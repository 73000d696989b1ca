// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import LearningCurve from '../../../src/components/charts/LearningCurve.svelte';
import { makeCurve } from '../../fixtures/charts';
import { hiddenTablesShown } from '../hiddenTables';

afterEach(cleanup);

/** The points of an SVG path made of M/L commands. */
function pathPoints(d: string | null | undefined): [number, number][] {
  return [...(d ?? '').matchAll(/[ML](-?[\d.e]+),(-?[\d.e]+)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

const curve = makeCurve([10, 100, 1000]); // fidelity 0.55, 0.75, 0.817
// plot: width 480 - 52 - 16 = 412, height 250 - 10 - 42 = 198

describe('LearningCurve', () => {
  it('draws one vertex per curve point on a log axis', () => {
    const { container } = render(LearningCurve, { curve });
    const solid = container.querySelector('path.series.run-b:not(.uniform)');
    const points = pathPoints(solid?.getAttribute('d'));
    expect(points).toHaveLength(3);
    // log axis over [10, 1000]: 100 sits halfway
    expect(points[0]?.[0]).toBeCloseTo(0, 6);
    expect(points[1]?.[0]).toBeCloseTo(206, 6);
    expect(points[2]?.[0]).toBeCloseTo(412, 6);
    // y: domain [0.5, 1] -> [198, 0]; fidelity 0.55 -> 178.2
    expect(points[0]?.[1]).toBeCloseTo(178.2, 6);
    expect(container.querySelectorAll('path.series.uniform')).toHaveLength(1);
    expect(container.querySelector('.axis-bottom .axis-title')?.textContent).toBe(
      'Queries sent (log scale)',
    );
  });

  it('switches to a linear axis', () => {
    const { container } = render(LearningCurve, { curve, xScale: 'linear' });
    const points = pathPoints(
      container.querySelector('path.series.run-b:not(.uniform)')?.getAttribute('d'),
    );
    // linear domain [0, 1000]: 100 queries at 10% of the width
    expect(points[1]?.[0]).toBeCloseTo(41.2, 6);
    expect(container.querySelector('.axis-bottom .axis-title')?.textContent).toBe('Queries sent');
  });

  it('marks the Play position on the curve', () => {
    const { container } = render(LearningCurve, { curve, sliceIndex: 1 });
    const marker = container.querySelector('g.slice');
    const [, tx] = /translate\(([\d.]+),0\)/.exec(marker?.getAttribute('transform') ?? '') ?? [];
    expect(Number(tx)).toBeCloseTo(206, 6);
    // fidelity 0.75 on [0.5, 1] -> half the height
    expect(Number(marker?.querySelector('circle')?.getAttribute('cy'))).toBeCloseTo(99, 6);
    expect(container.textContent).toContain('Play position');
  });

  it('shows run A, the baseline and their legend entries in compare mode', () => {
    const { container } = render(LearningCurve, {
      curve,
      pinned: makeCurve([10, 100, 1000, 2000], 0.9),
      baseline: makeCurve([10, 100, 1000], 0.99),
    });
    expect(
      pathPoints(container.querySelector('path.run-a:not(.uniform)')?.getAttribute('d')),
    ).toHaveLength(4);
    expect(container.querySelector('path.baseline')).toBeTruthy();
    const legend = [...container.querySelectorAll('.chart-legend li')].map((li) => li.textContent);
    expect(legend).toEqual([
      'B (current)',
      'A (pinned)',
      'on held-out inputs',
      'on uniform inputs',
      'without defenses',
    ]);
  });

  it('lists every point in the hidden data table', async () => {
    const { container } = render(LearningCurve, { curve });
    await hiddenTablesShown(container);
    const rows = [...container.querySelectorAll('table tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['10', '10', '55.0%', '50.0%', '53.0%'],
      ['100', '100', '75.0%', '70.0%', '73.0%'],
      ['1,000', '1,000', '81.7%', '76.7%', '79.7%'],
    ]);
  });

  it('reads out a point from the keyboard', async () => {
    const { getByRole, container } = render(LearningCurve, { curve, sliceIndex: 1 });
    const probe = getByRole('slider');
    await fireEvent.focus(probe); // focus starts at the Play position
    expect(probe.getAttribute('aria-valuenow')).toBe('2');
    await fireEvent.keyDown(probe, { key: 'Home' });
    expect(probe.getAttribute('aria-valuetext')).toBe(
      '10 queries: fidelity 55.0%, on uniform inputs 50.0%',
    );
    await fireEvent.keyDown(probe, { key: 'ArrowRight' });
    expect(container.querySelector('.chart-tooltip')?.textContent).toContain('Fidelity 75.0%');
    await fireEvent.keyDown(probe, { key: 'Escape' });
    expect(container.querySelector('.chart-tooltip')).toBeNull();
  });

  it('says so when there is no curve yet', () => {
    const { container } = render(LearningCurve, { curve: [] });
    expect(container.querySelector('.chart-empty')?.textContent).toBe('No learning curve yet');
  });
});

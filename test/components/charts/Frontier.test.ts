// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import Frontier from '../../../src/components/charts/Frontier.svelte';
import { makeLevel, makeSweep } from '../../fixtures/charts';

afterEach(cleanup);

const sigma = makeSweep('defense.output.sigma', [
  makeLevel(0, 'sigma 0', 0.96, { drop: 0, distortion: 0 }),
  makeLevel(0.4, 'sigma 0.4', 0.9, { drop: 0.02, distortion: 0.3 }, 0.01),
  makeLevel(0.8, 'sigma 0.8', 0.8, { drop: 0.05, distortion: 0.6 }, 0.02),
]);
const rate = makeSweep('defense.rateLimit.perDay', [
  makeLevel(1000, '1,000 a day', 0.95, { blocked: 0 }),
  makeLevel(100, '100 a day', 0.85, { blocked: 0.1 }),
]);
// plot: 480 - 52 - 18 = 410 wide, 280 - 10 - 42 = 228 high

function translateOf(el: Element | null | undefined): [number, number] {
  const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(el?.getAttribute('transform') ?? '');
  return [Number(m?.[1]), Number(m?.[2])];
}

describe('Frontier', () => {
  it('draws one line per knob and one marker per level', () => {
    const { container } = render(Frontier, { sweeps: [sigma, rate] });
    const groups = container.querySelectorAll('g.series');
    expect(groups).toHaveLength(2);
    expect(groups[0]?.querySelectorAll('path.marker')).toHaveLength(3);
    expect(groups[1]?.querySelectorAll('path.marker')).toHaveLength(2);
    const d = groups[0]?.querySelector('path.line')?.getAttribute('d') ?? '';
    expect(d.match(/[ML]/g)).toHaveLength(3);
    const legend = [...container.querySelectorAll('.chart-legend li')].map((li) => li.textContent);
    expect(legend.slice(0, 2)).toEqual(['Gaussian noise', 'Rate limit']);
  });

  it('places markers on the chosen cost: accuracy drop in points', () => {
    const { container } = render(Frontier, { sweeps: [sigma] });
    const markers = container.querySelectorAll('g.series path.marker');
    // x domain [0, 0.055] (d3's nice of 0.05 + 0.002) over 410 px; y domain [0.5, 1] over 228 px
    const [x2, y2] = translateOf(markers[2]);
    expect(x2).toBeCloseTo((0.05 / 0.055) * 410, 6);
    expect(y2).toBeCloseTo(228 - ((0.8 - 0.5) / 0.5) * 228, 6);
    expect(container.querySelector('.axis-bottom .axis-title')?.textContent).toBe(
      'Honest users’ accuracy drop (points)',
    );
  });

  it('draws error bars only where seeds disagree', () => {
    const { container } = render(Frontier, { sweeps: [sigma], costMeasure: 'distortion' });
    const bars = [...container.querySelectorAll('g.errors')].map(
      (g) => g.querySelectorAll('path').length,
    );
    expect(bars).toEqual([0, 2, 2]);
  });

  it('highlights the current setting at its cost and fidelity', () => {
    const { container } = render(Frontier, {
      sweeps: [sigma],
      costMeasure: 'distortion',
      current: {
        fidelity: 0.75,
        cost: {
          benignAccuracyDrop: 0.01,
          accuracyDropBy: { watermark: 0, output: 0.01 },
          distortion: 0.35,
          benignBlocked: 0,
          falsePositives: 0,
        },
      },
    });
    // x domain: [0, 0.65] (nice of 0.6 + 0.02); y: [0.5, 1]
    const [cx, cy] = translateOf(container.querySelector('g.current'));
    expect(cx).toBeCloseTo((0.35 / 0.65) * 410, 6);
    expect(cy).toBeCloseTo(114, 6);
    expect(container.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain(
      'Current setting: fidelity 75.0% at 0.350.',
    );
  });

  it('changes the x measure through its select', async () => {
    const { container, getByLabelText } = render(Frontier, { sweeps: [rate] });
    const select = getByLabelText('Cost shown') as HTMLSelectElement;
    select.value = 'benignBlocked';
    await fireEvent.change(select);
    expect(container.querySelector('.axis-bottom .axis-title')?.textContent).toBe(
      'Honest accounts that hit the daily limit (%)',
    );
    const cells = [...container.querySelectorAll('table tbody tr')].map((tr) => tr.textContent);
    expect(cells).toEqual([
      '1,000 a day95.0% ± 0.0%0.0% ± 0.0%',
      '100 a day85.0% ± 0.0%10.0% ± 0.0%',
    ]);
  });

  it('works with partial sweeps and says when nothing has arrived', () => {
    const waiting = makeSweep('defense.watermark.rate', []);
    const { container } = render(Frontier, { sweeps: [waiting] });
    expect(container.querySelector('.chart-empty')?.textContent).toBe(
      'Waiting for the first level…',
    );
    expect(container.querySelector('.chart-legend li')?.textContent).toBe('Watermark (waiting…)');
  });

  it('reads out levels from the keyboard', async () => {
    const { getByRole } = render(Frontier, { sweeps: [sigma] });
    const probe = getByRole('slider');
    await fireEvent.keyDown(probe, { key: 'End' });
    expect(probe.getAttribute('aria-valuetext')).toBe(
      'Gaussian noise, sigma 0.8: fidelity 80.0% ± 2.0%, accuracy drop 5.0 points ± 0.2 points',
    );
  });
});

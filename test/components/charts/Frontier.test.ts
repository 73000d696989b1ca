// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import Frontier from '../../../src/components/charts/Frontier.svelte';
import FrontierPanel from '../../../src/components/charts/FrontierPanel.svelte';
import { frontierSeries } from '../../../src/charts/frontier';
import { makeLevel, makeSweep } from '../../fixtures/charts';

afterEach(cleanup);

const sigma = makeSweep('defense.output.sigma', [
  makeLevel(0, 'σ 0', 0.96, { drop: 0, distortion: 0 }),
  makeLevel(0.4, 'σ 0.4', 0.9, { drop: 0.02, distortion: 0.3 }, 0.01),
  makeLevel(0.8, 'σ 0.8', 0.8, { drop: 0.05, distortion: 0.6 }, 0.02),
]);
const rate = makeSweep('defense.rateLimit.perDay', [
  makeLevel(1000, '1000/day', 0.95, { blocked: 0 }),
  makeLevel(100, '100/day', 0.85, { blocked: 0.1 }),
]);
const detection = makeSweep('defense.detection.delta', [
  makeLevel(0.7, 'δ 0.7', 0.97, { falsePositives: 0.02 }),
]);
// panel: 480 - 48 - 14 = 418 wide, 240 - 10 - 42 = 188 high
const PLOT_W = 418;
const PLOT_H = 188;

function translateOf(el: Element | null | undefined): [number, number] {
  const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(el?.getAttribute('transform') ?? '');
  return [Number(m?.[1]), Number(m?.[2])];
}

describe('Frontier (small multiples)', () => {
  it('draws each defense in the panel of its own cost, never at x = 0 of a cost it does not move', () => {
    const { container } = render(Frontier, { sweeps: [sigma, rate, detection], kind: 'planar' });
    const knobsIn = (cost: string) =>
      [...container.querySelectorAll(`[data-cost="${cost}"] g.series`)].map((g) =>
        g.getAttribute('data-knob'),
      );
    expect(knobsIn('accuracyDrop')).toEqual(['defense.output.sigma']);
    expect(knobsIn('distortion')).toEqual(['defense.output.sigma']);
    expect(knobsIn('benignBlocked')).toEqual(['defense.rateLimit.perDay']);
    expect(knobsIn('falsePositives')).toEqual(['defense.detection.delta']);
    const titles = [...container.querySelectorAll('.chart-title')].map((t) => t.textContent);
    expect(titles).toContain('Hit the daily limit: Rate limit');
    expect(titles).toContain('False positives: Detection (PRADA)');
  });

  it('labels each point with its level', () => {
    const { container } = render(Frontier, { sweeps: [rate], kind: 'planar' });
    const labels = [...container.querySelectorAll('[data-cost="benignBlocked"] text.level-label')];
    expect(labels.map((t) => t.textContent)).toEqual(['1000/day', '100/day']);
  });

  it('shares one fidelity axis across panels', () => {
    const { container } = render(Frontier, { sweeps: [sigma, rate], kind: 'planar' });
    const ticks = [...container.querySelectorAll('.frontier-panel')].map((f) =>
      [...f.querySelectorAll('.axis-left .tick text')].map((t) => t.textContent).join(','),
    );
    expect(new Set(ticks).size).toBe(1);
  });

  it('clicking a point or Enter on the probe applies that level', async () => {
    const onChoose = vi.fn();
    const { container } = render(Frontier, { sweeps: [rate], kind: 'planar', onChoose });
    const probe = container.querySelector('[data-cost="benignBlocked"] [role="slider"]')!;
    await fireEvent.keyDown(probe, { key: 'End' });
    await fireEvent.keyDown(probe, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledWith('defense.rateLimit.perDay', 100);
  });
});

describe('FrontierPanel', () => {
  const panel = (measure: 'benignAccuracyDrop' | 'distortion', extra = {}) =>
    render(FrontierPanel, {
      series: frontierSeries([sigma], measure),
      measure,
      yDomain: [0.5, 1],
      title: 'Test',
      ...extra,
    });

  it('places markers on its cost: accuracy drop in points', () => {
    const { container } = panel('benignAccuracyDrop');
    const markers = container.querySelectorAll('g.series path.marker');
    // x domain [0, 0.055] (d3's nice of 0.05 + 0.002); y domain [0.5, 1]
    const [x2, y2] = translateOf(markers[2]);
    expect(x2).toBeCloseTo((0.05 / 0.055) * PLOT_W, 6);
    expect(y2).toBeCloseTo(PLOT_H - ((0.8 - 0.5) / 0.5) * PLOT_H, 6);
    expect(container.querySelector('.axis-bottom .axis-title')?.textContent).toBe(
      'Honest users’ accuracy drop (points)',
    );
  });

  it('draws error bars only where seeds disagree', () => {
    const { container } = panel('distortion');
    const bars = [...container.querySelectorAll('g.errors')].map(
      (g) => g.querySelectorAll('path').length,
    );
    expect(bars).toEqual([0, 2, 2]);
  });

  it('highlights the current setting at its cost and fidelity', () => {
    const { container } = panel('distortion', {
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
    expect(cx).toBeCloseTo((0.35 / 0.65) * PLOT_W, 6);
    expect(cy).toBeCloseTo(PLOT_H / 2, 6);
    expect(container.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain(
      'Current setting: fidelity 75.0% at 0.350.',
    );
  });

  it('says when nothing has arrived', () => {
    const { container } = render(FrontierPanel, {
      series: frontierSeries([makeSweep('defense.watermark.rate', [])], 'benignAccuracyDrop'),
      measure: 'benignAccuracyDrop',
      yDomain: [0.5, 1],
      title: 'Test',
    });
    expect(container.querySelector('.chart-empty')?.textContent).toBe(
      'Waiting for the first level…',
    );
    expect(container.querySelector('.chart-legend li')?.textContent).toBe('Watermark (waiting…)');
  });

  it('reads out levels from the keyboard', async () => {
    const { getByRole } = panel('benignAccuracyDrop');
    const probe = getByRole('slider');
    await fireEvent.keyDown(probe, { key: 'End' });
    expect(probe.getAttribute('aria-valuetext')).toBe(
      'Gaussian noise, σ 0.8: fidelity 80.0% ± 2.0%, accuracy drop 5.0 points ± 0.2 points',
    );
  });
});

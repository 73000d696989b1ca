// @vitest-environment happy-dom
// The shared chart frame, through the smallest chart drawn on it (test/fixtures/chart-frame).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import TinyChart from '../../fixtures/chart-frame/TinyChart.svelte';
import { hiddenTablesShown } from '../hiddenTables';

afterEach(cleanup);

const points = [
  { x: 1, y: 2 },
  { x: 5, y: 5 },
  { x: 9, y: 8 },
];
// frame 370 x 240 (fallback width; happy-dom measures 0), plot 370 - 50 - 20 = 300 by 240 - 10 - 30 = 200

describe('ChartFrame', () => {
  it('lays out the SVG, the plot area and the axes from the margins', () => {
    const { container, getByRole } = render(TinyChart, { points });
    const svg = getByRole('img');
    expect(svg.getAttribute('width')).toBe('370');
    expect(svg.getAttribute('height')).toBe('240');
    expect(svg.getAttribute('aria-label')).toBe('Tiny: 3 points.');
    expect(container.querySelector('svg > g')?.getAttribute('transform')).toBe('translate(50,10)');
    expect(container.querySelector('.axis-bottom .axis-title')?.textContent).toBe('x (units)');
    expect(container.querySelector('.axis-left .axis-title')?.textContent).toBe('y (units)');
    expect(container.querySelector('figcaption')?.textContent).toBe('Tiny');
    expect(container.querySelector('figure')?.classList.contains('tiny')).toBe(true);
  });

  it('passes its scales down: to snippets and, by context, to layer components', () => {
    const { container } = render(TinyChart, { points });
    const dot = container.querySelectorAll('circle.dot')[1];
    // (5, 5) on [0, 10]^2 over 300 x 200, y up
    expect(dot?.getAttribute('cx')).toBe('150');
    expect(dot?.getAttribute('cy')).toBe('100');
    const layer = container.querySelector('rect.context-layer');
    expect(layer?.getAttribute('width')).toBe('300');
    expect(layer?.getAttribute('height')).toBe('200');
  });

  it('renders the hidden data table and the legend', async () => {
    const { container } = render(TinyChart, { points });
    await hiddenTablesShown(container);
    const table = container.querySelector('.visually-hidden table');
    expect(table?.querySelector('caption')?.textContent).toBe('Tiny points');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent)).toEqual([
      'Point',
      'x',
      'y',
    ]);
    const first = table?.querySelector('tbody tr');
    expect(first?.querySelector('th[scope="row"]')?.textContent).toBe('#1');
    expect([...(first?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      '1',
      '2',
    ]);
    expect(container.querySelector('ul.chart-legend li')?.textContent).toBe('dots');
  });

  it('point probe: a slider over the plot; keys step, Escape clears, the tooltip follows', async () => {
    const { getByRole, container } = render(TinyChart, { points });
    const probe = getByRole('slider');
    expect(probe.getAttribute('aria-label')).toBe('Tiny: inspect a point');
    expect(probe.style.left).toBe('50px');
    expect(probe.style.width).toBe('300px');
    expect(probe.getAttribute('aria-valuetext')).toBe('no point selected');
    await fireEvent.keyDown(probe, { key: 'End' });
    expect(probe.getAttribute('aria-valuenow')).toBe('3');
    expect(probe.getAttribute('aria-valuetext')).toBe('point 3');
    expect(container.querySelector('.active-mark')?.textContent).toBe('2');
    const tooltip = container.querySelector<HTMLElement>('.chart-tooltip');
    expect(tooltip?.textContent).toBe('Point 3');
    // anchor x 50 + 270 = 320 is past 60% of the plot: left of it by the gap (size 0 here)
    expect(tooltip?.style.left).toBe('310px');
    expect(tooltip?.style.top).toBe('10px');
    await fireEvent.keyDown(probe, { key: 'ArrowLeft' });
    expect(container.querySelector('.chart-tooltip')?.textContent).toBe('Point 2');
    expect(container.querySelector<HTMLElement>('.chart-tooltip')?.style.left).toBe('210px');
    await fireEvent.keyDown(probe, { key: 'Escape' });
    expect(container.querySelector('.chart-tooltip')).toBeNull();
  });

  it('scatter probe: the tooltip is centred on the point', async () => {
    const { getByRole, container } = render(TinyChart, { points, probeKind: 'scatter' });
    await fireEvent.keyDown(getByRole('slider'), { key: 'Home' });
    // point (1, 2): x 50 + 30, y 10 + 160; a 0-size tooltip is placed at its anchor + gap
    const tooltip = container.querySelector<HTMLElement>('.chart-tooltip');
    expect(tooltip?.style.left).toBe('90px');
    expect(tooltip?.style.top).toBe('170px');
  });

  it('crosshair probe: the frame is the widget, keys move a crosshair, a live line reads it out', async () => {
    const onMove = vi.fn();
    const { getByRole, container } = render(TinyChart, { points, probeKind: 'crosshair', onMove });
    expect(container.querySelector('[role="slider"]')).toBeNull();
    const widget = getByRole('application');
    expect(widget.getAttribute('aria-roledescription')).toBe('tiny map');
    expect(widget.getAttribute('aria-describedby')).toBe('tiny-readout');
    await fireEvent.focus(widget);
    expect(onMove).toHaveBeenLastCalledWith(5, 5);
    await fireEvent.keyDown(widget, { key: 'ArrowRight', shiftKey: true });
    expect(onMove).toHaveBeenLastCalledWith(6.25, 5);
    expect(container.querySelector('#tiny-readout')?.textContent).toBe('at 6.25, 5.00');
    expect(container.querySelector('.crosshair-mark')?.getAttribute('cx')).toBe('187.5');
    await fireEvent.keyDown(widget, { key: 'Escape' });
    expect(container.querySelector('.crosshair-mark')).toBeNull();
  });
});

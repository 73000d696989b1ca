// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import DecisionMap from '../../../src/components/charts/DecisionMap.svelte';
import { QUERY_STATUS } from '../../../src/core/types';
import { makeGrid, makeTrace, splitGrid } from '../../fixtures/charts';

afterEach(cleanup);

const { answered, rateLimited } = QUERY_STATUS;
const trace = makeTrace([
  [-1, 1, answered, 0, 0],
  [1, 1, answered, 1, 1],
  [1, -1, answered, 1, 0],
  [0, -1.5, rateLimited, 255, 0],
]);

describe('DecisionMap', () => {
  it('titles the map and summarises it in the text alternative', () => {
    const { getByText, getByRole } = render(DecisionMap, {
      grid: splitGrid(8, 0),
      title: 'Victim (owner’s model)',
      queries: trace,
      summary: 'Agrees with the victim on 96% of held-out points.',
    });
    expect(getByText('Victim (owner’s model)')).toBeTruthy();
    const img = getByRole('img');
    const label = img.getAttribute('aria-label') ?? '';
    expect(label).toContain('decision map of 2 classes over x₁ from −2 to 2');
    expect(label).toContain('class 0 50%, class 1 50%');
    expect(label).toContain('4 queries shown: 3 answered, 1 refused, 1 watermarked.');
    expect(label).toContain('Agrees with the victim on 96% of held-out points.');
  });

  it('draws the queries: dots per served class, a ring, a cross', () => {
    const { container } = render(DecisionMap, {
      grid: splitGrid(8, 0),
      title: 'Student',
      queries: trace,
      fallbackWidth: 248, // plot side 200 px (margins 40 + 8)
    });
    const dots0 = container.querySelector('path.dots[data-label="0"]');
    const dots1 = container.querySelector('path.dots[data-label="1"]');
    expect(dots0?.getAttribute('d')?.match(/M/g)).toHaveLength(1);
    expect(dots1?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
    // query (-1, 1) sits at (50, 50) in a 200 px plot over [-2, 2]^2: circle starts at cx - r
    expect(dots0?.getAttribute('d')).toMatch(/^M46\.8,50a3\.2/);
    expect(container.querySelector('path.rings')?.getAttribute('d')?.match(/M/g)).toHaveLength(1);
    expect(container.querySelector('path.crosses')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
    expect(container.querySelector('canvas')).toBeTruthy();
  });

  it('respects queryLimit (the Play position)', () => {
    const { container } = render(DecisionMap, {
      grid: splitGrid(8, 0),
      title: 'Student',
      queries: trace,
      queryLimit: 1,
    });
    expect(container.querySelector('path.dots[data-label="1"]')).toBeNull();
    expect(container.querySelector('path.crosses')).toBeNull();
  });

  it('hatches the disagreement only when asked and when the other grid is given', () => {
    const props = { grid: splitGrid(8, 1), title: 'Student', compareGrid: splitGrid(8, 0) };
    const off = render(DecisionMap, { ...props, showDisagreement: false });
    expect(off.container.querySelector('path.disagreement')).toBeNull();
    cleanup();
    const on = render(DecisionMap, { ...props, showDisagreement: true });
    expect(on.container.querySelector('path.disagreement')?.getAttribute('d')).toMatch(/^M/);
    expect(on.getByRole('img').getAttribute('aria-label')).toContain(
      'Differs from the victim on 25% of the map',
    );
  });

  it('leaves lone disagreeing cells unhatched but counts them in the legend and text', () => {
    // 8x8, cells 0.5 wide: the student flips two cells that touch only at a corner
    const flipped = (x: number, y: number) =>
      (x === -1.75 && y === 1.75) || (x === -1.25 && y === 1.25);
    const student = makeGrid(8, 2, (x, y) => (x > 0 !== flipped(x, y) ? [0.1, 0.9] : [0.9, 0.1]));
    const { container, getByRole } = render(DecisionMap, {
      grid: student,
      title: 'Student',
      compareGrid: splitGrid(8, 0),
      showDisagreement: true,
    });
    expect(container.querySelector('path.disagreement')).toBeNull();
    expect(container.querySelector('.lone')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'differs from victim in 2 single cells (not hatched)',
    );
    expect(getByRole('img').getAttribute('aria-label')).toContain(
      'Differs from the victim on 3% of the map (hatched; 2 scattered single cells counted but not hatched).',
    );
  });

  it('arrow keys move a crosshair and report the input-space point', async () => {
    const onPoint = vi.fn();
    const { getByRole, container } = render(DecisionMap, {
      grid: splitGrid(8, 0),
      title: 'Victim',
      onPoint,
    });
    const widget = getByRole('application');
    await fireEvent.focus(widget);
    expect(onPoint).toHaveBeenLastCalledWith(0, 0);
    await fireEvent.keyDown(widget, { key: 'ArrowRight' });
    expect(onPoint).toHaveBeenLastCalledWith(0.1, 0); // box width 4, step 1/40
    await fireEvent.keyDown(widget, { key: 'ArrowUp', shiftKey: true });
    expect(onPoint).toHaveBeenLastCalledWith(0.1, 0.5); // shift: 1/8 of the box
    expect(container.querySelector('.crosshair')).toBeTruthy();
    expect(container.querySelector('.readout')?.textContent).toBe('x₁ 0.1, x₂ 0.5: class 1 (90%)');
    for (let i = 0; i < 30; i++)
      await fireEvent.keyDown(widget, { key: 'ArrowUp', shiftKey: true });
    expect(onPoint).toHaveBeenLastCalledWith(0.1, 2); // clamped to the box
  });

  it('lists the classes and the marker kinds in the legend', () => {
    const { container } = render(DecisionMap, {
      grid: splitGrid(8, 0),
      title: 'Victim',
      queries: trace,
      classNames: ['reject', 'accept'],
    });
    const items = [...container.querySelectorAll('.chart-legend li')].map((li) => li.textContent);
    expect(items).toEqual([
      'reject',
      'accept',
      'query (colour: label the API gave)',
      'watermarked answer',
      'refused',
    ]);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import DetectionTimeline from '../../../src/components/charts/DetectionTimeline.svelte';
import { makeDetection } from '../../fixtures/charts';

afterEach(cleanup);

function translateOf(el: Element | null | undefined): [number, number] {
  const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(el?.getAttribute('transform') ?? '');
  return [Number(m?.[1]), Number(m?.[2])];
}
// plot: 480 - 52 - 16 = 412 wide, 240 - 10 - 42 = 188 high

describe('DetectionTimeline', () => {
  it('draws both accounts, one vertex per test', () => {
    const { container } = render(DetectionTimeline, { detection: makeDetection(), delta: 0.9 });
    const count = (sel: string) =>
      (container.querySelector(sel)?.getAttribute('d')?.match(/[ML]/g) ?? []).length;
    expect(count('.attacker path.line')).toBe(4);
    expect(count('.benign path.line')).toBe(3);
  });

  it('puts the threshold at delta and the alarm where it fired', () => {
    const { container } = render(DetectionTimeline, {
      detection: makeDetection(),
      delta: 0.9,
      xScale: 'linear',
    });
    // y domain: lowest W 0.8 -> floor(0.8 * 20 - 0.5) / 20 = 0.75, so [0.75, 1] over 188 px
    const [, ty] = translateOf(container.querySelector('g.threshold'));
    expect(ty).toBeCloseTo(188 * (1 - (0.9 - 0.75) / 0.25), 6);
    expect(container.querySelector('g.threshold text')?.textContent).toBe('alarm below δ = 0.9');
    // x domain [0, 160] (linear, nice); alarm at 120 queries, W 0.86
    const [ax, ay] = translateOf(container.querySelector('.attacker g.alarm'));
    expect(ax).toBeCloseTo((120 / 160) * 412, 6);
    expect(ay).toBeCloseTo(188 * (1 - (0.86 - 0.75) / 0.25), 6);
    expect(container.querySelector('.benign g.alarm')).toBeNull();
  });

  it('summarises both accounts and tabulates every test', () => {
    const { getByRole, container } = render(DetectionTimeline, {
      detection: makeDetection(),
      delta: 0.9,
    });
    const label = getByRole('img').getAttribute('aria-label') ?? '';
    expect(label).toContain(
      'Attacker’s first account: 4 tests, last W 0.8 after 160 queries, alarm at 120 queries (W 0.86).',
    );
    expect(label).toContain(
      'An honest account (the busiest): 3 tests, last W 0.985 after 120 queries, no alarm.',
    );
    const firstTable = container.querySelectorAll('table')[0];
    const rows = [...(firstTable?.querySelectorAll('tbody tr') ?? [])].map((tr) => tr.textContent);
    expect(rows).toEqual(['400.97no', '800.93no', '1200.86yes', '1600.8no']);
  });

  it('explains an empty chart', () => {
    const detection = makeDetection();
    detection.attackerSeries = { queries: [], w: [], alarmAt: null };
    detection.benignSeries = { queries: [], w: [], alarmAt: null };
    const { container } = render(DetectionTimeline, { detection, delta: 0.9, minQueries: 40 });
    expect(container.querySelector('.chart-empty')?.textContent).toBe(
      'No account sent enough queries to be tested (40 needed)',
    );
  });
});

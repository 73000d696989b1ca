// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import DetectionTimeline from '../../../src/components/charts/DetectionTimeline.svelte';
import { makeDetection } from '../../fixtures/charts';
import { hiddenTablesShown } from '../hiddenTables';

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

  it('summarises both accounts and tabulates every test', async () => {
    const { getByRole, container } = render(DetectionTimeline, {
      detection: makeDetection(),
      delta: 0.9,
    });
    await hiddenTablesShown(container);
    const label = getByRole('img').getAttribute('aria-label') ?? '';
    expect(label).toContain(
      'Attacker’s account: 4 tests, last W 0.8 after 160 queries, alarm at its 120th query (W 0.86).',
    );
    expect(label).toContain(
      'An honest account (the busiest): 3 tests, last W 0.985 after 120 queries, no alarm.',
    );
    // one row per attacker account; every test of the honest account
    const rowsOf = (i: number) =>
      [...(container.querySelectorAll('table')[i]?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
        [...tr.querySelectorAll('th, td')].map((c) => c.textContent),
      );
    expect(rowsOf(0)).toEqual([['Attacker’s account', '4', '0.8', '160', 'at its 120th query']]);
    expect(rowsOf(1)).toEqual([
      ['40', '0.98', 'no'],
      ['80', '0.97', 'no'],
      ['120', '0.985', 'no'],
    ]);
  });

  it('draws every attacker account, marks each banned one, and says what the counts mean', () => {
    const detection = makeDetection();
    const account = (n: number, alarmAt: number | null) => ({
      account: n,
      queries: [40, 80, 120],
      w: [0.97, 0.95, alarmAt === null ? 0.93 : 0.85],
      alarmAt,
    });
    // ten accounts, three banned (the report lists banned ones first); account 0 never alarmed
    detection.attackerAccounts = [
      account(3, 120),
      account(6, 120),
      account(8, 120),
      ...[0, 1, 2, 4, 5, 7, 9].map((n) => account(n, null)),
    ];
    detection.attackerTested = 10;
    detection.flaggedAccounts = 3;
    const { container, getByRole } = render(DetectionTimeline, {
      detection,
      delta: 0.9,
      accounts: 10,
      firstAlarm: "query 476 of all the attacker's queries (account 4's 120th)",
    });
    expect(container.querySelectorAll('g.trace.attacker')).toHaveLength(10);
    expect(container.querySelectorAll('g.trace.attacker g.alarm')).toHaveLength(3);
    expect(container.querySelectorAll('g.trace.attacker.banned.crowded')).toHaveLength(3);
    const legend = container.querySelector('.chart-legend')?.textContent ?? '';
    expect(legend).toContain('Attacker’s accounts: 10 drawn of 10 tested (10 used), 3 banned');
    expect(legend).toContain("First alarm: query 476 of all the attacker's queries");
    expect(getByRole('img').getAttribute('aria-label')).toContain(
      'Attacker’s account 4: 3 tests, last W 0.85 after 120 queries, alarm at its 120th query',
    );
    expect(container.textContent).toContain('each account (its own count');
  });

  it('explains an empty chart', () => {
    const detection = makeDetection();
    detection.attackerSeries = { queries: [], w: [], alarmAt: null };
    detection.attackerAccounts = [];
    detection.benignSeries = { queries: [], w: [], alarmAt: null };
    const { container } = render(DetectionTimeline, { detection, delta: 0.9, minQueries: 40 });
    expect(container.querySelector('.chart-empty')?.textContent).toBe(
      'No account sent enough queries to be tested (40 needed)',
    );
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import Ledger from '../../../src/components/charts/Ledger.svelte';
import { makeResult } from '../../fixtures/charts';

afterEach(cleanup);

describe('Ledger', () => {
  it('is a captioned table with row headers and one value column', () => {
    const { getByRole, container } = render(Ledger, { result: makeResult() });
    const table = getByRole('table', { name: 'Ledger' });
    expect(table).toBeTruthy();
    const row = [...container.querySelectorAll('tr')].find((tr) =>
      tr.querySelector('th')?.textContent?.startsWith('Stolen copy'),
    );
    expect([...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      'p = 3.2e-9: ownership shown',
    ]);
    expect(row?.querySelector('td')?.className).toContain('tone-good');
    expect(container.querySelectorAll('tbody')).toHaveLength(5);
    expect(container.querySelector('thead')).toBeNull();
  });

  it('adds an A column for a pinned run', () => {
    const pinned = makeResult({
      attacker: { ...makeResult().attacker, costUSD: 12345 },
      watermark: null,
    });
    const { container } = render(Ledger, { result: makeResult(), pinned });
    const head = [...container.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(head).toEqual(['A (pinned)', 'B (current)']);
    const money = [...container.querySelectorAll('tr')].find(
      (tr) => tr.querySelector('th')?.textContent === 'Money spent',
    );
    expect([...(money?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      '$12,345',
      '$3.60',
    ]);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import AttackerView from '../../../src/components/charts/AttackerView.svelte';

afterEach(cleanup);

function rows(container: HTMLElement): string[][] {
  return [...container.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
  );
}

describe('AttackerView', () => {
  it('pairs the clean and the served probability of each class', () => {
    const { container } = render(AttackerView, {
      clean: [0.8, 0.15, 0.05],
      served: [1, 0, 0],
      mode: 'Label only',
      point: [0.4, -1.1],
    });
    expect(rows(container)).toEqual([
      ['class 0', '80.0%', '100.0%'],
      ['class 1', '15.0%', '0.0%'],
      ['class 2', '5.0%', '0.0%'],
    ]);
    const bars = [...container.querySelectorAll<HTMLElement>('.bar')].map((b) => b.style.width);
    expect(bars).toEqual(['80%', '100%', '15%', '0%', '5%', '0%']);
    expect(container.textContent).toContain('at x₁ 0.4, x₂ −1.1');
    // L1 distance: 0.2 + 0.15 + 0.05
    expect(container.querySelector('.verdict')?.textContent).toContain('distortion 0.400');
  });

  it('says when noise changed the top class', () => {
    const { container } = render(AttackerView, {
      clean: [0.55, 0.45],
      served: [0.4, 0.6],
      classes: ['reject', 'accept'],
      mode: 'Noisy probabilities',
    });
    expect(container.querySelector('.flipped')?.textContent).toBe(
      'The served answer changed the top class (reject → accept).',
    );
  });

  it('shows a refused query without served bars', () => {
    const { container } = render(AttackerView, {
      clean: [0.3, 0.7],
      served: null,
      mode: 'Probabilities',
    });
    expect(container.querySelectorAll('.bar.served')).toHaveLength(0);
    expect(container.querySelector('.verdict')?.textContent?.trim()).toBe(
      'Refused: the API gave no answer for this query.',
    );
  });
});

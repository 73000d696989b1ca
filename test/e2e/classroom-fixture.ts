// Shared pieces of the classroom browser tests: the lab's guarded `test`, a wait for the first
// drawn result, and an axe check.
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './lab-fixture';

// The guarded `test` (no console error, no request outside the origin) is the lab's own.
export { expect, test };

/** Waits until the lab shows a finished run (the maps and the final Play position). */
export async function firstResult(page: Page): Promise<void> {
  await expect(page.getByTestId('maps')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('play-position')).toContainText('Final', { timeout: 30_000 });
}

/** axe-core violations of serious or critical impact, as "id: help" lines. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

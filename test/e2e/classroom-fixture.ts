// Shared pieces of the classroom browser tests: a `test` that fails on any console error or on a
// request outside the page's origin, a wait for the first drawn result, and an axe check.
import { expect, test as base, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const errors: string[] = [];
      const foreign: string[] = [];
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin)
          foreign.push(req.url());
      });
      await use();
      expect(errors, 'console errors').toEqual([]);
      expect(foreign, 'requests outside the origin').toEqual([]);
    },
    { auto: true },
  ],
});

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

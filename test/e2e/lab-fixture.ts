// Shared pieces of the lab's browser tests: a `test` that fails on any console error or request
// outside the page's origin, and helpers that wait for the lab to settle and read what it shows.
import { expect, test as base, type Page } from '@playwright/test';

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

/** Waits until the result on screen was computed from the settings on screen. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector<HTMLElement>('[data-status]');
      return (
        el?.dataset.status === 'done' &&
        el.dataset.result !== '' &&
        el.dataset.result === el.dataset.config
      );
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** Opens the lab (optionally with a share-link fragment) and waits for its first result. */
export async function openLab(page: Page, hash = ''): Promise<void> {
  await page.goto(`./${hash}`);
  await settled(page);
}

/** The ledger as label -> value text (current run column). */
export async function readLedger(page: Page): Promise<Record<string, string>> {
  return page.locator('table.ledger').evaluate((table) => {
    const out: Record<string, string> = {};
    for (const row of table.querySelectorAll('tbody tr')) {
      const label = row.querySelector('th[scope="row"]')?.textContent?.trim();
      const cells = row.querySelectorAll('td');
      const last = cells[cells.length - 1];
      if (label && last) out[label] = (last.textContent ?? '').replace(/\s+/g, ' ').trim();
    }
    return out;
  });
}

/**
 * Everything the lab reports about a run, as text: the ledger, the maps' text alternatives and
 * "what the attacker sees". Two runs that differ in any reported number differ here.
 */
export async function fingerprint(page: Page): Promise<string> {
  const ledger = await readLedger(page);
  const maps = await page
    .getByTestId('maps')
    .getByRole('img')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  const view = await page
    .locator('#lab-charts')
    .evaluate((el) => el.querySelector('.attacker-view')?.textContent ?? '');
  return JSON.stringify({ ledger, maps, view: view.replace(/\s+/g, ' ') });
}

/** The share link the page shows in its address bar. */
export async function currentHash(page: Page): Promise<string> {
  return page.evaluate(() => location.hash);
}

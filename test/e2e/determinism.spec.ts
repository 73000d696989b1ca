// The same config gives the same numbers in the browser's worker and in Node's CLI, to the bit:
// the run's exported JSON equals `npm run sim -- --link` for the page's own share link.
// determinism-firefox.spec.ts checks the same in Firefox.
import { readFileSync } from 'node:fs';
import { DETERMINISM_CASES, simulateLink } from './determinism-cases';
import { expect, openLab, test } from './lab-fixture';

for (const [name, hash] of DETERMINISM_CASES) {
  test(`page and CLI agree bit for bit: ${name}`, async ({ page }) => {
    test.setTimeout(120_000);
    await openLab(page, hash);
    const link = page.url();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const fromPage = JSON.parse(readFileSync(await (await download).path(), 'utf8'));

    const cli = simulateLink(link);
    expect(cli.status, cli.stderr).toBe(0);
    expect(fromPage).toEqual(cli.json);
    expect(fromPage.curve.length).toBeGreaterThan(0);
  });
}

// The same config gives the same numbers in the browser's worker and in Node's CLI, to the bit:
// the run's exported JSON equals `npm run sim -- --link` for the page's own share link.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, openLab, test } from './lab-fixture';

/** Long training on purpose: it amplified engine differences in Math.exp before core/math/portable. */
const LONG_RUN =
  '#v=1&d=blobs&a=active&sh=32x32x32&se=150&wm=1&wr=0.1&om=noise&dt=1&q=600&ac=2&rl=1&rd=250';

/** The chat scenario (issue 12): soft targets and hidden reasoning, 300 prompts. */
const CHAT_RUN = '#v=2&k=chat&a=taskPrompts&q=300&om=topLogprobs&cr=hidden';

for (const [name, hash] of [
  ['default settings', ''],
  ['a long, fully defended run', LONG_RUN],
  // the chat kind: the worker fetches the teacher's weights (public/models/), the CLI reads them
  ['a chat run (top log-probabilities, reasoning hidden)', CHAT_RUN],
] as const) {
  test(`page and CLI agree bit for bit: ${name}`, async ({ page }) => {
    test.setTimeout(120_000);
    await openLab(page, hash);
    const link = page.url();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const fromPage = JSON.parse(readFileSync(await (await download).path(), 'utf8'));

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', '--link', link], {
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(cli.status, cli.stderr).toBe(0);
    const fromCli = JSON.parse(cli.stdout);
    expect(fromPage).toEqual(fromCli);
    expect(fromPage.curve.length).toBeGreaterThan(0);
  });
}

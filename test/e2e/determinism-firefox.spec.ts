// Page equals CLI in Firefox too: the runs of determinism.spec.ts, opened in Debian's firefox-esr
// (or PW_FIREFOX_PATH) driven over WebDriver BiDi by puppeteer-core against the same built site,
// must export the very JSON that `npm run sim -- --link` prints. Skipped, with a printed note,
// where no Firefox can be had (scripts/ensure-browser.mjs tries to install one).
import { expect, test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { NO_FIREFOX_NOTE, findFirefox } from '../../scripts/browser.mjs';
import { DETERMINISM_CASES, simulateLink } from './determinism-cases';
import { readWorkerTraffic, recordWorkerTraffic, trafficLines } from './workerTraffic';

const firefox = findFirefox();
if (!firefox) console.log(`[firefox] ${NO_FIREFOX_NOTE}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the result on screen was computed from the settings on screen (as lab-fixture's
 * `settled`). Polls with page.evaluate: puppeteer's waitForFunction builds its predicate with
 * Function(), which the lab's CSP (no eval) refuses.
 */
async function settled(page: Page, timeoutMs: number, errors: string[] = []): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const done = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-status]');
      return (
        el?.dataset.status === 'done' &&
        el.dataset.result !== '' &&
        el.dataset.result === el.dataset.config
      );
    });
    if (done) return;
    await sleep(250);
  }
  // what the page shows, so a failure says why (a stalled engine, an error notice, a queue)
  const state = await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-status]');
    const notices = [...document.querySelectorAll('[role="alert"], [role="status"]')]
      .map((n) => n.textContent?.trim() ?? '')
      .filter((t) => t !== '');
    const progress = document.querySelector('progress')?.value;
    return `status ${el?.dataset.status}; progress ${progress ?? 'none'}; hardwareConcurrency ${navigator.hardwareConcurrency}; result ${el?.dataset.result === el?.dataset.config ? 'matches' : 'differs from'} the settings; notices: ${notices.join(' | ').slice(0, 600)}`;
  });
  const traffic = trafficLines((await page.evaluate(readWorkerTraffic)).slice(-60));
  throw new Error(
    `the lab did not settle within ${timeoutMs} ms (${state})\nconsole errors: ${errors.join(' | ') || 'none'}\nthe workers' last messages:\n${traffic.join('\n')}`,
  );
}

/** Clicks the button whose text is `name`, waiting up to 10 s for it to appear. */
async function clickButton(page: Page, name: string): Promise<void> {
  for (let tries = 0; tries < 40; tries++) {
    const clicked = await page.evaluate((text) => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === text,
      );
      button?.click();
      return button !== undefined;
    }, name);
    if (clicked) return;
    await sleep(250);
  }
  throw new Error(`no button "${name}"`);
}

/**
 * The text of Export > JSON. The page offers it as a blob download; the blob is caught where the
 * page creates its URL (a BiDi download is not needed, and the CSP forbids fetching blob: URLs).
 */
async function exportJson(page: Page): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { labBlobs: Blob[] };
    w.labBlobs = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) w.labBlobs.push(object);
      return create(object);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (!this.download) click.call(this);
    };
  });
  await clickButton(page, 'Export');
  await clickButton(page, 'JSON');
  return page.evaluate(async () => {
    const w = window as unknown as { labBlobs: Blob[] };
    for (let i = 0; i < 100 && !w.labBlobs.some((b) => b.type.includes('json')); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const blob = w.labBlobs.find((b) => b.type.includes('json'));
    if (!blob) throw new Error('no JSON export');
    return blob.text();
  });
}

test.describe('Firefox', () => {
  // No retry. In CI, and here under a full suite's load, the long run's page computed about 50
  // times slower than alone: its worker's progress messages show the whole run slowed (0 to 13%
  // in 19 s, where the whole run takes 2 s), not one step stuck, with hardwareConcurrency 2 and
  // no console error. It was always the second page of a Firefox shared by the group, with
  // Chromium tests busy on both cores; alone, or as a browser's first page, it took 1.6-3.4 s
  // even with both cores kept busy by other processes. So each case now has a Firefox of its
  // own, and the group runs after every Chromium test has finished (the 'firefox' project of
  // playwright.config.ts). Each case prints the time its page took; a timeout prints the page's
  // state, its console errors and its workers' last messages.
  test.describe.configure({ mode: 'serial' });
  test.skip(!firefox, NO_FIREFOX_NOTE);

  let browser: Browser | undefined;
  test.beforeEach(async () => {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefox!.path,
      headless: true,
    });
    expect(await browser.version()).toMatch(/^firefox\//i);
  });
  test.afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  for (const [name, hash] of DETERMINISM_CASES) {
    test(`page in Firefox and CLI agree bit for bit: ${name}`, async ({ baseURL }) => {
      test.setTimeout(150_000);
      const page = await browser!.newPage();
      const origin = new URL(baseURL!).origin;
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin)
          foreign.push(request.url());
      });
      await page.evaluateOnNewDocument(recordWorkerTraffic);
      const t0 = Date.now();
      await page.goto(new URL(`./${hash}`, baseURL).href);
      await settled(page, 90_000, errors);
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      console.log(
        `[firefox] ${name}: hardwareConcurrency ${cores}, result after ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      const link = page.url();
      const fromPage = JSON.parse(await exportJson(page));
      await page.close();

      const cli = simulateLink(link);
      expect(cli.status, cli.stderr).toBe(0);
      expect(fromPage).toEqual(cli.json);
      expect(fromPage.curve.length).toBeGreaterThan(0);
      expect(errors, 'console errors in Firefox').toEqual([]);
      expect(foreign, 'requests outside the origin').toEqual([]);
    });
  }
});

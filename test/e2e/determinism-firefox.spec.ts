// Page equals CLI in Firefox too: the runs of determinism.spec.ts, opened in Debian's firefox-esr
// (or PW_FIREFOX_PATH) driven over WebDriver BiDi by puppeteer-core against the same built site,
// must export the very JSON that `npm run sim -- --link` prints. Skipped, with a printed note,
// where no Firefox can be had (scripts/ensure-browser.mjs tries to install one).
import { expect, test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { NO_FIREFOX_NOTE, findFirefox } from '../../scripts/browser.mjs';
import { DETERMINISM_CASES, simulateLink } from './determinism-cases';

const firefox = findFirefox();
if (!firefox) console.log(`[firefox] ${NO_FIREFOX_NOTE}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the result on screen was computed from the settings on screen (as lab-fixture's
 * `settled`). Polls with page.evaluate: puppeteer's waitForFunction builds its predicate with
 * Function(), which the lab's CSP (no eval) refuses.
 */
async function settled(page: Page, timeoutMs: number): Promise<void> {
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
    return `status ${el?.dataset.status}; result ${el?.dataset.result === el?.dataset.config ? 'matches' : 'differs from'} the settings; notices: ${notices.join(' | ').slice(0, 600)}`;
  });
  throw new Error(`the lab did not settle within ${timeoutMs} ms (${state})`);
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
  // No retry. In full runs of 2026-11-30 under load the long run's page in Firefox once gave up
  // ("The simulation engine stopped responding again"): the worker trained a model for longer
  // than the watchdog's allowance without a word. The core now pulses once per training epoch
  // and the worker says it is alive once a second (src/core/pulse.ts), so silence no longer
  // grows with a slow machine; the error names the page's status and notices if it recurs.
  test.describe.configure({ mode: 'serial' });
  test.skip(!firefox, NO_FIREFOX_NOTE);

  let browser: Browser | undefined;
  test.beforeAll(async () => {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefox!.path,
      headless: true,
    });
    expect(await browser.version()).toMatch(/^firefox\//i);
  });
  test.afterAll(async () => {
    await browser?.close();
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
      await page.goto(new URL(`./${hash}`, baseURL).href);
      await settled(page, 90_000);
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

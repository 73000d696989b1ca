// The worker can die silently (issue 15): faults injected into the real page's simulation worker.
// No test hook ships in the page: Playwright stops a worker from inside (`self.close()`: the
// script ends without an error, as when a Worker is terminated or the engine stops it), and an
// init script lets the test make the workers the lab starts after that never answer, or crash.
import type { Page } from '@playwright/test';
import { expect, openLab, settled, test } from './lab-fixture';

/** Ends every worker of the page silently: no reply, no error event, as after a terminate(). */
async function stopWorkersSilently(page: Page): Promise<void> {
  for (const worker of page.workers()) {
    await worker.evaluate(() => {
      setTimeout(() => self.close(), 0);
    });
  }
}

type Fault = 'silent' | 'crash' | null;

/**
 * Before the page loads: wraps the Worker constructor so that, while `window.labFault` is set,
 * the lab gets a worker that never answers ('silent') or fails on its first message ('crash',
 * an error event as from an uncaught exception in the worker).
 */
async function installFaultyWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const RealWorker = window.Worker;
    const scope = window as unknown as { labFault: Fault };
    scope.labFault = null;
    function FaultyWorker(url: string | URL, options?: WorkerOptions): Worker {
      const fault = scope.labFault;
      if (!fault) return new RealWorker(url, options);
      const fake = {
        onmessage: null,
        onmessageerror: null,
        onerror: null as ((event: ErrorEvent) => void) | null,
        postMessage() {
          if (fault === 'crash') {
            const event = new ErrorEvent('error', { message: 'injected fault', cancelable: true });
            setTimeout(() => fake.onerror?.(event), 0);
          }
        },
        terminate() {},
        addEventListener() {},
        removeEventListener() {},
        dispatchEvent: () => true,
      };
      return fake as unknown as Worker;
    }
    window.Worker = FaultyWorker as unknown as typeof Worker;
  });
}

async function setFault(page: Page, fault: Fault): Promise<void> {
  await page.evaluate((f) => ((window as unknown as { labFault: Fault }).labFault = f), fault);
}

/** Records, in the page, every notice text and whether stale labels were ever on screen. */
async function watchScreen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { notices: [] as string[], staleLabels: 0 };
    (window as unknown as { seen: typeof seen }).seen = seen;
    const look = () => {
      for (const n of document.querySelectorAll('.notice .message')) {
        const text = n.textContent ?? '';
        if (!seen.notices.includes(text)) seen.notices.push(text);
      }
      seen.staleLabels = Math.max(
        seen.staleLabels,
        document.querySelectorAll('[data-testid="stale-label"]').length,
      );
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

async function seen(page: Page): Promise<{ notices: string[]; staleLabels: number }> {
  return page.evaluate(
    () => (window as unknown as { seen: { notices: string[]; staleLabels: number } }).seen,
  );
}

/** Changes the query budget as a share link would (the lab re-runs). */
async function setQueries(page: Page, queries: number): Promise<void> {
  await page.evaluate((q) => (location.hash = `#v=1&q=${q}`), queries);
}

test.describe.configure({ timeout: 60_000 });

test('a worker that stops silently is restarted, the person is told, and the run is retried', async ({
  page,
}) => {
  await openLab(page);
  let started = 0;
  page.on('worker', () => started++);
  await watchScreen(page);
  await stopWorkersSilently(page);
  const t0 = Date.now();
  await setQueries(page, 300);
  await settled(page);
  const recoveryMs = Date.now() - t0;
  console.log(`[watchdog] silent worker: result on screen ${recoveryMs} ms after the change`);
  expect(started, 'a fresh worker').toBeGreaterThanOrEqual(1);
  const record = await seen(page);
  expect(record.notices.join(' | ')).toMatch(
    /stopped responding \(nothing for \d+ s\), so the lab restarted it and is running your settings again/,
  );
  // While the retry ran, the previous result said where it came from...
  expect(record.staleLabels).toBe(3);
  // ...and once the lab recovered, nothing is greyed and the notice is gone.
  await expect(page.getByTestId('stale-label')).toHaveCount(0);
  await expect(page.locator('.notice[data-kind="worker"]')).toHaveCount(0);
  await expect(page.getByTestId('scoreboard').locator('section')).toHaveAttribute(
    'data-stale',
    'false',
  );
  // The restart took the watchdog's floor (8 s) and a cold run; well under a minute.
  expect(recoveryMs).toBeLessThan(30_000);
});

test('a retry that stalls too stops with a plain error; the old result stays greyed until the lab recovers', async ({
  page,
}) => {
  await installFaultyWorkers(page);
  await openLab(page);
  const before = await page.getByTestId('scoreboard').innerText();
  await setFault(page, 'silent');
  await stopWorkersSilently(page);
  await setQueries(page, 300);
  const notice = page.locator('.notice[data-kind="worker"]');
  await expect(notice).toContainText('stopped responding again', { timeout: 40_000 });
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'error');
  // Scoreboard, maps and ledger: the previous run's, greyed and labelled, not passed off as new.
  await expect(page.getByTestId('stale-label')).toHaveCount(3);
  await expect(page.getByTestId('scoreboard').locator('section')).toHaveAttribute(
    'data-stale',
    'true',
  );
  expect(await page.getByTestId('scoreboard').innerText()).toContain(
    before.split('\n').find((line) => /%/.test(line)) ?? '',
  );
  await expect(page.locator('[data-tour="ledger"]')).toHaveAttribute('data-stale', 'true');
  await expect(page.locator('[data-tour="maps"]')).toHaveAttribute('data-stale', 'true');
  // The engine works again: the next change recovers, the error notice clears by itself.
  await setFault(page, null);
  await setQueries(page, 400);
  await settled(page);
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('stale-label')).toHaveCount(0);
});

test('a worker that crashes: the error says so, the result is marked stale, a rerun clears both', async ({
  page,
}) => {
  await installFaultyWorkers(page);
  await openLab(page);
  await setFault(page, 'crash');
  await stopWorkersSilently(page);
  await setQueries(page, 300);
  const notice = page.locator('.notice[data-kind="worker"]');
  // The silent worker is restarted by the watchdog; the new one crashes on the retried run.
  await expect(notice).toContainText('The lab restarted its simulation engine', {
    timeout: 30_000,
  });
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('stale-label')).toHaveCount(3);
  await setFault(page, null);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await settled(page);
  // The result is for the settings on screen (settled), so it is neither stale nor in error.
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('stale-label')).toHaveCount(0);
});

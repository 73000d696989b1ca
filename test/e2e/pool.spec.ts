// The sweep pool (src/worker/pool.ts) in the browser, with navigator.hardwareConcurrency set to 2,
// 3, 4 and 8 before the page starts: the page starts every core but one as workers, the "Every
// defense" frontier is drawn the same whatever the number of workers, and each count's time and
// the longest main-thread task during the sweep are printed ([pool] lines). This machine may have
// fewer real cores than the count set: the times measure the pool's overhead there, not its gain.
// POOL_FULL=1 sweeps at the default budget (1,000 queries) instead of a small one.
import type { Page } from '@playwright/test';
import { expect, openLab, test } from './lab-fixture';
import { LONG_RUN } from './determinism-cases';
import { readWorkerTraffic, recordWorkerTraffic, type Traffic } from './workerTraffic';

const HASH = process.env.POOL_FULL ? '' : '#v=1&q=300';

/** Sets hardwareConcurrency and starts a longtask observer before the page's own scripts. */
async function prepare(page: Page, cores: number): Promise<void> {
  await page.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
    const w = window as unknown as { poolLongTasks: number[]; poolWatchFrom: number };
    w.poolLongTasks = [];
    w.poolWatchFrom = Infinity;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.startTime >= w.poolWatchFrom) w.poolLongTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  }, cores);
}

/** Runs "Every defense"; returns its wall time (ms), the long tasks meanwhile, and the frontier. */
async function everyDefense(page: Page) {
  const status = page.getByTestId('sweep-status');
  // the page's first sweep (the answer format) out of the way
  await expect(status).not.toContainText(/Sweeping/, { timeout: 120_000 });
  await page.getByRole('combobox', { name: 'Sweep' }).selectOption('all');
  await page.evaluate(() => {
    (window as unknown as { poolWatchFrom: number }).poolWatchFrom = performance.now();
  });
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(status).toContainText('Every defense swept', { timeout: 280_000 });
  const wallMs = Date.now() - t0;
  const longTasks = await page.evaluate(
    () => (window as unknown as { poolLongTasks: number[] }).poolLongTasks,
  );
  // every point of every panel: its series, level and position
  const frontier = await page
    .locator('[data-tour="frontier"] svg circle, [data-tour="frontier"] svg path')
    .evaluateAll((els) =>
      els.map((el) =>
        [
          el.closest('[data-cost]')?.getAttribute('data-cost') ?? '',
          el.closest('[data-knob]')?.getAttribute('data-knob') ?? '',
          el.getAttribute('cx') ?? '',
          el.getAttribute('cy') ?? '',
          el.getAttribute('d') ?? '',
        ].join(' '),
      ),
    );
  return { wallMs, longTasks, frontier, text: (await status.textContent()) ?? '' };
}

test.describe('sweeps over a pool of workers', () => {
  test.setTimeout(600_000);
  test.describe.configure({ mode: 'serial' });

  test('every core but one as workers; the same frontier with 1, 2, 3 or 7 of them', async ({
    browser,
  }) => {
    const frontiers = new Map<number, string[]>();
    for (const cores of [2, 3, 4, 8]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await prepare(page, cores);
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await openLab(page, HASH);
      const sweep = await everyDefense(page);
      const simulators = workers.filter((url) => /sim\.worker|worker/.test(url)).length;
      const longest = Math.max(0, ...sweep.longTasks);
      console.log(
        `[pool] hardwareConcurrency ${cores}: ${simulators} workers, every defense ${(
          sweep.wallMs / 1000
        ).toFixed(1)} s wall (${sweep.text.trim()}), longest main-thread task ${longest.toFixed(
          0,
        )} ms, ${sweep.longTasks.length} over 50 ms`,
      );
      expect(simulators).toBe(Math.max(1, cores - 1));
      expect(sweep.frontier.length).toBeGreaterThan(20);
      frontiers.set(cores, sweep.frontier);
      await page.close();
    }
    for (const cores of [3, 4, 8]) expect(frontiers.get(cores)).toEqual(frontiers.get(2));
  });
});

test.describe('a run goes first on every core', () => {
  test.setTimeout(180_000);
  // Firefox counts every core of the machine, even where the page's process may use two; before
  // the gate, a long run at page load shared two cores with 15 busy sweep workers (8 s, not 1.6 s).
  test('while a run is pending, workers other than its own take no new lean run', async ({
    browser,
  }) => {
    const times: string[] = [];
    for (const cores of [2, 16]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await prepare(page, cores);
      await page.addInitScript(recordWorkerTraffic);
      const t0 = Date.now();
      await openLab(page, LONG_RUN);
      times.push(`${cores} cores: result after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      // the first sweep (the answer format), started at load, goes on over every worker after
      // the run: wait until each worker has been handed some of it
      const traffic = async () => page.evaluate(readWorkerTraffic);
      const others = (all: Traffic[]) =>
        all.filter((m) => m.dir === 'out' && m.type === 'leanRun' && m.w > 0);
      const runDone = (all: Traffic[]) => {
        const run = all.find((m) => m.dir === 'out' && m.type === 'run');
        return all.some((m) => m.dir === 'in' && m.type === 'done' && m.id === run?.id);
      };
      await expect
        .poll(
          async () => {
            const all = await traffic();
            return [runDone(all), new Set(others(all).map((m) => m.w)).size];
          },
          { timeout: 60_000 },
        )
        .toEqual([true, cores - 2]);
      const all = await traffic();
      const run = all.find((m) => m.dir === 'out' && m.type === 'run');
      expect(run?.w, 'the run goes to the first worker').toBe(0);
      const done = all.find((m) => m.dir === 'in' && m.type === 'done' && m.id === run!.id);
      expect(done, 'the run (and its comparison run) finished').toBeDefined();
      expect(
        others(all).filter((m) => m.t < done!.t),
        'lean runs handed to other workers before the run was done',
      ).toEqual([]);
      await page.close();
    }
    console.log(`[pool] long run at load: ${times.join('; ')}`);
  });
});

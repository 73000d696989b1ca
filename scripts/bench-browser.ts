/**
 * In-browser measurements of the built page (`npm run bench -- --browser`, after `npx vite build`):
 *
 * 1. latency of a control change: the page's `lab:change` measure, from the `lab:input` mark (a
 *    person changed a control) to the `lab:render` mark (the frame after the new result reached
 *    the maps and ledger), p50 and p95
 *    over a mix of changes at default settings: query budget slider, API answer format, rate-limit
 *    switch (goal: p95 <= 50 ms, issue 14; the lab's first goal was 150 ms);
 * 2. the longest main-thread task (PerformanceObserver 'longtask') while runs, Play and a sweep go
 *    on, after the page has loaded (goal: <= 50 ms);
 * 3. that sweep's time (the frontier of defense.output.sigma, 8 levels x 3 seeds, a control change
 *    during it) on the page's pool of workers (src/worker/pool.ts: every core but one); `cores`
 *    (`npm run bench -- --browser --cores 4`) sets navigator.hardwareConcurrency first, to see the
 *    pool a machine of that many cores would start (on fewer real cores it measures the overhead);
 * (The page's JavaScript size is measured without a browser: scripts/bundleSize.ts, printed by
 * `npm run bench`.)
 *
 * It serves dist/ with Vite's preview server on a free port and drives the system's (or
 * Playwright's) Chromium. Numbers are medians/percentiles on this machine, not assertions.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { findChromium } from './browser.mjs';

import type { Row } from './bench-row';

export type { Row };

export interface BrowserBenchOptions {
  /** the built site (default dist/) */
  distDir?: string;
  /** first port to try for the preview server (default 4191; the next free one is used if taken) */
  port?: number;
  /** measured control changes (default 30) */
  samples?: number;
  /** navigator.hardwareConcurrency to pretend (default: the machine's own) */
  cores?: number;
}

/** Chromium flags for a closed network (as playwright.config.ts). */
const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

/** Waits until the lab has finished its current run and stayed idle for a moment. */
async function settle(page: Page): Promise<void> {
  await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
}

interface Sample {
  /** input mark to render mark, ms */
  total: number;
  /** the simulation inside the worker, ms */
  worker: number;
  /** input to the result's arrival on the main thread, ms (worker + messaging + queueing) */
  arrival: number;
}

/**
 * Performs `change` and times it: the page measures each change from its input mark to the
 * render mark as one `lab:change` measure (src/components/controls/marks.ts) and clears the marks.
 */
async function measureChange(page: Page, change: () => Promise<void>): Promise<Sample> {
  await page.evaluate(() => performance.clearMeasures('lab:change'));
  await change();
  // No named helper functions inside: tsx would wrap them in a __name() the page does not have.
  const handle = await page.waitForFunction(
    () => {
      const measure = performance.getEntriesByName('lab:change').at(-1) as
        PerformanceMeasure | undefined;
      if (!measure) return null;
      const detail = measure.detail as { workerMs: number; arrivalMs: number };
      return { total: measure.duration, worker: detail.workerMs, arrival: detail.arrivalMs };
    },
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as Sample;
}

export async function benchBrowser(options: BrowserBenchOptions = {}): Promise<Row[]> {
  const distDir = resolve(options.distDir ?? 'dist');
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error(`benchBrowser: no build in ${distDir}; run \`npx vite build\` first`);
  const port = options.port ?? 4191;
  const samples = options.samples ?? 30;

  const server = await preview({
    build: { outDir: distDir },
    preview: { port, strictPort: false, host: '127.0.0.1', open: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  const chosen = findChromium();
  const browser = await chromium.launch({
    executablePath: chosen && chosen.kind !== 'playwright' ? chosen.path : undefined,
    args: QUIET_FLAGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (options.cores !== undefined)
      // as text: tsx would wrap a named arrow (the getter) in a __name() the page does not have
      await page.addInitScript(
        `Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get() { return ${Number(options.cores)}; } });`,
      );
    await page.addInitScript(() => {
      const w = window as unknown as { labLongTasks: number[]; labWatchFrom: number };
      w.labLongTasks = [];
      w.labWatchFrom = Infinity;
      // Entries arrive after their task: keep those that started once watching began.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (entry.startTime >= w.labWatchFrom) w.labLongTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.goto(url);
    await settle(page);
    // Let the first sweep finish so that it does not compete for the CPU during the samples.
    await page
      .getByText(/^Sweeping/)
      .waitFor({ state: 'detached', timeout: 120_000 })
      .catch(() => {});
    await page.evaluate(() => {
      (window as unknown as { labWatchFrom: number }).labWatchFrom = performance.now();
    });

    const slider = page.getByRole('slider', { name: /^Query budget/ });
    const answers = page.getByRole('combobox', { name: 'API answers' });
    const rateLimit = page.getByRole('switch', { name: /^Rate limit/ });
    let step = 0;
    const changes: (() => Promise<void>)[] = [
      () => slider.press(step % 2 === 0 ? 'ArrowRight' : 'ArrowLeft'),
      async () => {
        await answers.selectOption(step % 2 === 0 ? 'rounded' : 'probabilities');
      },
      () => rateLimit.click(),
    ];
    const latencies: Sample[] = [];
    const warmup = 3;
    for (let i = 0; i < samples + warmup; i++) {
      step = Math.floor(i / changes.length);
      const sample = await measureChange(page, changes[i % changes.length]!);
      if (i >= warmup) latencies.push(sample);
      await settle(page);
    }

    // Dataset switches after a pause (as a person reads the maps): the worker has trained the other
    // datasets' victims in idle time, so a switch costs no more than any other change.
    const dataset = page.getByRole('combobox', { name: /^Dataset/ });
    const switches: Sample[] = [];
    for (const name of ['circles', 'xor', 'spiral', 'blobs', 'moons', 'circles']) {
      await page.waitForTimeout(2500);
      switches.push(
        await measureChange(page, async () => {
          await dataset.selectOption(name);
        }),
      );
      await settle(page);
    }
    const switchMedian = percentile(
      switches.map((s) => s.total),
      0.5,
    );
    const switchMax = Math.max(...switches.map((s) => s.total));

    // Play through the slices, then a sweep while changing a control: the main thread must stay free.
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Sweep' }).selectOption('defense.output.sigma');
    const sweepStart = Date.now();
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await slider.press('ArrowRight');
    await page
      .getByText(/^Sweeping/)
      .waitFor({ state: 'detached', timeout: 120_000 })
      .catch(() => {});
    const sweepMs = Date.now() - sweepStart;
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await settle(page);
    const longTasks = await page.evaluate(
      () => (window as unknown as { labLongTasks: number[] }).labLongTasks,
    );
    const longest = longTasks.length ? Math.max(...longTasks) : 0;

    const totals = latencies.map((s) => s.total);
    const p50 = percentile(totals, 0.5);
    const p95 = percentile(totals, 0.95);
    const worker = percentile(
      latencies.map((s) => s.worker),
      0.5,
    );
    const render = percentile(
      latencies.map((s) => s.total - s.arrival),
      0.5,
    );
    if (process.env.BENCH_DEBUG)
      console.log(latencies.map((s) => `${s.total.toFixed(0)}(w${s.worker.toFixed(0)})`).join(' '));
    return [
      {
        name: 'Control change -> maps and ledger redrawn (p50, browser)',
        median: p50,
        unit: 'ms',
        goal: '',
        ok: null,
        note: `${latencies.length} changes: query slider, answer format, rate limit`,
      },
      {
        name: 'Control change -> maps and ledger redrawn (p95, browser)',
        median: p95,
        unit: 'ms',
        goal: '<= 50 ms',
        ok: p95 <= 50,
        note: "issue 14's goal (issue 5 asked for <= 150 ms)",
      },
      {
        name: 'Dataset switch after a 2.5 s pause -> redrawn (p50, browser)',
        median: switchMedian,
        unit: 'ms',
        goal: '<= 150 ms',
        ok: switchMax <= 150,
        note: `max ${switchMax.toFixed(0)} ms over ${switches.length} switches (victims prepared in idle time)`,
      },
      {
        name: '  of which: simulation in the worker (p50)',
        median: worker,
        unit: 'ms',
        goal: '',
        ok: null,
      },
      {
        name: '  of which: result arrival to drawn frame (p50)',
        median: render,
        unit: 'ms',
        goal: '',
        ok: null,
        note: 'Svelte update, canvas and SVG, up to one frame',
      },
      {
        name: `Frontier in the browser (sigma, 8 levels x 3 seeds), ${Math.max(1, cores - 1)} worker(s)`,
        median: sweepMs,
        unit: 'ms',
        goal: '<= 1000 ms',
        ok: sweepMs <= 1000,
        note: `hardwareConcurrency ${cores}${options.cores === undefined ? '' : ' (set by the bench)'}; a control change during it`,
      },
      {
        name: 'Longest main-thread task during runs, Play and a sweep',
        median: longest,
        unit: 'ms',
        goal: '<= 50 ms',
        ok: longest <= 50,
        note: `${longTasks.length} tasks over 50 ms`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

// Run directly: `npx tsx scripts/bench-browser.ts [distDir]`.
if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/bench-browser.ts')) {
  const rows = await benchBrowser({ distDir: process.argv[2] });
  for (const row of rows)
    console.log(
      `${row.name}: ${row.median.toFixed(1)} ${row.unit}${row.goal ? ` (goal ${row.goal}: ${row.ok ? 'ok' : 'MISSED'})` : ''}${row.note ? `  [${row.note}]` : ''}`,
    );
}

/**
 * The first load's main-thread tasks, measured two ways on the production build (issue 14: no task
 * over 50 ms while the page starts, no layout shift when the first result arrives):
 *
 * - a `longtask` PerformanceObserver and a `layout-shift` one, installed before the page's scripts
 *   (wall-clock durations: on a busy machine they include time the thread waited for a core);
 * - a Chromium trace of the page's main thread: each task over 40 ms with its thread (CPU) time,
 *   which a busy machine does not inflate, and what it spent it on (script, layout, style...).
 *
 *   npx tsx scripts/first-load.ts [--dist DIR] [--port N] [--loads N]
 *
 * Desktop viewport (1350 x 940, Lighthouse's desktop size), no throttling; medians over the loads.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { findChromium } from './browser.mjs';
import { median } from './bench-row';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Tasks of the renderer's main thread longer than `minMs` (wall), with their CPU time. */
function mainThreadTasks(events: TraceEvent[], origin: string, minMs = 40) {
  // the page's renderer: of the threads named CrRendererMain, the one that ran the lab's scripts
  // (Chromium's own pages have renderers too)
  const mains = events.filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain');
  const tasksOf = (m: TraceEvent) =>
    events.filter(
      (e) =>
        e.pid === m.pid &&
        e.tid === m.tid &&
        e.name === 'FunctionCall' &&
        JSON.stringify(e.args ?? {}).includes(origin),
    ).length;
  const main = mains.sort((a, b) => tasksOf(b) - tasksOf(a))[0];
  if (!main) return [];
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const start = Math.min(...own.map((e) => e.ts));
  return own
    .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > minMs * 1000)
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const parts = new Map<string, number>();
      for (const e of own) {
        if (e === task || e.ts < task.ts || e.ts + (e.dur ?? 0) > end) continue;
        if (
          ![
            'v8.evaluateModule',
            'FunctionCall',
            'Layout',
            'UpdateLayoutTree',
            'ParseHTML',
            'Paint',
          ].includes(e.name)
        )
          continue;
        parts.set(e.name, (parts.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      }
      return {
        atMs: (task.ts - start) / 1000,
        wallMs: (task.dur ?? 0) / 1000,
        cpuMs: (task.tdur ?? 0) / 1000,
        parts: [...parts].map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', '),
      };
    });
}

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const loads = Number(arg('--loads') ?? 3);
const port = Number(arg('--port') ?? process.env.PW_PORT ?? 4192);
const dist = resolve(arg('--dist') ?? 'dist');
const traceDir = mkdtempSync(join(tmpdir(), 'extraction-lab-first-load-'));
const server = await preview({
  build: { outDir: dist },
  preview: { port, strictPort: true, host: '127.0.0.1' },
  logLevel: 'silent',
});
const chosen = findChromium();
const browser = await chromium.launch({
  executablePath: chosen && chosen.kind !== 'playwright' ? chosen.path : undefined,
  args: ['--disable-background-networking', '--no-first-run'],
});
const longest: number[] = [];
const longestCpu: number[] = [];
const shifts: number[] = [];
try {
  for (let i = 0; i < loads; i++) {
    const page = await browser.newPage({ viewport: { width: 1350, height: 940 } });
    await page.addInitScript(() => {
      const w = window as unknown as { firstLoad: { tasks: number[]; cls: number } };
      w.firstLoad = { tasks: [], cls: 0 };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.firstLoad.tasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[])
          if (!e.hadRecentInput) w.firstLoad.cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const path = join(traceDir, `trace-${i}.json`);
    await browser.startTracing(page, {
      path,
      categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2500); // the frontier's region, the first sweep, prefetches
    await browser.stopTracing();
    const seen = await page.evaluate(
      () => (window as unknown as { firstLoad: { tasks: number[]; cls: number } }).firstLoad,
    );
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as
      { traceEvents: TraceEvent[] } | TraceEvent[];
    const tasks = mainThreadTasks(
      Array.isArray(parsed) ? parsed : parsed.traceEvents,
      `127.0.0.1:${port}`,
    );
    longest.push(Math.max(0, ...seen.tasks));
    longestCpu.push(Math.max(0, ...tasks.map((t) => t.cpuMs)));
    shifts.push(seen.cls);
    console.log(
      `load ${i + 1}: long tasks (observer, wall ms) [${seen.tasks.map((d) => d.toFixed(0)).join(', ')}], layout shift ${seen.cls.toFixed(4)}`,
    );
    for (const t of tasks)
      console.log(
        `  task at ${t.atMs.toFixed(0)} ms: ${t.wallMs.toFixed(0)} ms wall, ${t.cpuMs.toFixed(0)} ms CPU (${t.parts})`,
      );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  if (!process.env.KEEP_TRACE) rmSync(traceDir, { recursive: true, force: true });
  else console.log(traceDir);
}
console.log(
  `median over ${loads} loads: longest task ${median(longest).toFixed(0)} ms wall, ` +
    `${median(longestCpu).toFixed(0)} ms CPU; layout shift ${median(shifts).toFixed(4)}`,
);

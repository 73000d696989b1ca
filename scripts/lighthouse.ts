/**
 * Lighthouse 12.2.3 on the production build, with the machine's Chromium (scripts/browser.mjs:
 * PW_CHROMIUM_PATH, Playwright's, or the system `chromium`), mobile emulation and the desktop
 * preset: the four category scores, the first-load metrics the issue's goals name (total blocking
 * time, cumulative layout shift, largest contentful paint) and the longest main-thread task.
 *
 *   npm run bench -- --lighthouse        (after the core benchmarks)
 *   npx tsx scripts/lighthouse.ts [--dist DIR] [--port N]
 *
 * Without --dist it builds into a temporary folder; the preview server listens on --port, else
 * PW_PORT, else 4190. Lighthouse's numbers move with the machine's load: run it on a quiet machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { build, preview } from 'vite';
import { findChromium } from './browser.mjs';
import type { Row } from './bench-row';

export interface LighthouseRow {
  /** 'mobile' or 'desktop' */
  form: string;
  scores: Record<string, number>;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  largestContentfulPaintMs: number;
  longestTaskMs: number;
}

/** Audits `url` once per form factor with a fresh headless Chromium. */
export async function audit(url: string): Promise<LighthouseRow[]> {
  const chromium = findChromium();
  if (chromium === null) throw new Error('no Chromium found (node scripts/ensure-browser.mjs)');
  const rows: LighthouseRow[] = [];
  for (const form of ['mobile', 'desktop'] as const) {
    const chrome = await chromeLauncher.launch({
      chromePath: chromium.path,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const result = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error' },
        form === 'desktop' ? desktopConfig : undefined,
      );
      if (!result) throw new Error('Lighthouse returned no result');
      const { lhr } = result;
      const scores: Record<string, number> = {};
      for (const [id, category] of Object.entries(lhr.categories)) {
        scores[id] = Math.round((category.score ?? 0) * 100);
      }
      const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const details = lhr.audits['long-tasks']?.details as
        { items?: { duration?: number }[] } | undefined;
      const longest = Math.max(0, ...(details?.items ?? []).map((item) => item.duration ?? 0));
      rows.push({
        form,
        scores,
        totalBlockingTimeMs: numeric('total-blocking-time'),
        cumulativeLayoutShift: numeric('cumulative-layout-shift'),
        largestContentfulPaintMs: numeric('largest-contentful-paint'),
        longestTaskMs: longest,
      });
    } finally {
      chrome.kill();
    }
  }
  return rows;
}

/** Builds (unless `distDir`), serves the build with Vite's preview server, audits it. */
export async function lighthouseBuild(distDir?: string, port?: number): Promise<LighthouseRow[]> {
  const dir = distDir ?? mkdtempSync(join(tmpdir(), 'extraction-lab-lighthouse-'));
  const listen = port ?? Number(process.env.PW_PORT ?? 4190);
  try {
    if (!distDir) {
      await build({ logLevel: 'silent', build: { outDir: dir, emptyOutDir: true } });
    }
    const server = await preview({
      logLevel: 'silent',
      build: { outDir: dir },
      preview: { port: listen, strictPort: true, host: '127.0.0.1' },
    });
    try {
      return await audit(`http://127.0.0.1:${listen}/`);
    } finally {
      await server.close();
    }
  } finally {
    if (!distDir) rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench's rows (scripts/bench-row.ts) for these results, with the issue's goals. */
export function lighthouseRows(results: LighthouseRow[]): Row[] {
  const rows: Row[] = [];
  for (const r of results) {
    const desktop = r.form === 'desktop';
    rows.push(
      {
        name: `Lighthouse ${r.form}: performance score`,
        median: r.scores.performance ?? Number.NaN,
        unit: 'score',
        goal: desktop ? '' : '>= 95',
        ok: desktop ? null : (r.scores.performance ?? 0) >= 95,
        note: `TBT ${r.totalBlockingTimeMs.toFixed(0)} ms, LCP ${r.largestContentfulPaintMs.toFixed(0)} ms; ${Object.entries(
          r.scores,
        )
          .map(([id, v]) => `${id} ${v}`)
          .join(', ')}`,
      },
      {
        name: `Lighthouse ${r.form}: cumulative layout shift`,
        median: r.cumulativeLayoutShift,
        unit: 'CLS',
        goal: desktop ? '< 0.05' : '',
        ok: desktop ? r.cumulativeLayoutShift < 0.05 : null,
      },
      {
        name: `Lighthouse ${r.form}: longest main-thread task`,
        median: r.longestTaskMs,
        unit: 'ms',
        goal: '<= 50 ms',
        ok: r.longestTaskMs <= 50,
      },
    );
  }
  return rows;
}

/** One line per form factor. */
export function formatLighthouse(rows: LighthouseRow[]): string {
  return rows
    .map(
      (r) =>
        `Lighthouse 12.2.3 ${r.form.padEnd(7)} ` +
        Object.entries(r.scores)
          .map(([id, score]) => `${id} ${score}`)
          .join(', ') +
        `; TBT ${r.totalBlockingTimeMs.toFixed(0)} ms, CLS ${r.cumulativeLayoutShift.toFixed(3)}, ` +
        `LCP ${r.largestContentfulPaintMs.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms`,
    )
    .join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const dist = arg('--dist');
  const port = arg('--port');
  const rows = await lighthouseBuild(
    dist ? resolve(dist) : undefined,
    port ? Number(port) : undefined,
  );
  console.log(formatLighthouse(rows));
}

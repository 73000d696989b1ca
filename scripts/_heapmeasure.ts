import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { findChromium } from './browser.mjs';
async function heap(page: Page) { const cdp = await page.context().newCDPSession(page); for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage'); const { usedSize } = await cdp.send('Runtime.getHeapUsage'); await cdp.detach(); return usedSize; }
async function settled(page: Page) { await page.waitForFunction(() => { const el = document.querySelector<HTMLElement>('[data-status]'); return el?.dataset.status === 'done' && el.dataset.result === el.dataset.config; }, undefined, { timeout: 60000 }); }
async function change(page: Page, n: number) { const slider = page.getByRole('slider', { name: 'Query budget' }); await slider.focus(); for (let i = 0; i < n; i++) { await slider.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft'); if (i % 25 === 24) await settled(page); } await settled(page); }
for (const dist of process.argv.slice(2)) {
  const server = await preview({ build: { outDir: dist }, preview: { port: 4421, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  const chosen = findChromium();
  const browser = await chromium.launch({ executablePath: chosen && chosen.kind !== 'playwright' ? chosen.path : undefined });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto('http://127.0.0.1:4421/'); await settled(page); await page.waitForTimeout(1500);
  const h0 = await heap(page);
  await change(page, 40); await page.waitForTimeout(1500); const h40 = await heap(page);
  await change(page, 110); await page.waitForTimeout(1500); const h150 = await heap(page);
  await change(page, 500); await page.waitForTimeout(1500); const h650 = await heap(page);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').length);
  const mb = (x: number) => (x / 1e6).toFixed(2);
  console.log(dist, `load ${mb(h0)} | +40 ${mb(h40)} | +150 ${mb(h150)} | +650 ${mb(h650)} MB; 500 after 150 warm-up: ${(100 * (h650 / h150 - 1)).toFixed(1)}%; 500 after 40: n/a; marks ${marks}`);
  await browser.close(); await server.close();
}

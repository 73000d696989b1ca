// First-load profile: longtask observer + CDP trace of the main thread, then the top functions.
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { writeFileSync } from 'node:fs';
const dist = process.argv[2] ?? 'dist';
const port = Number(process.argv[3] ?? 4335);
const runs = Number(process.argv[4] ?? 3);
const server = await preview({ build: { outDir: dist }, preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-background-networking','--no-first-run'] });
for (let r = 0; r < runs; r++) {
  const page = await browser.newPage({ viewport: { width: 1350, height: 940 } });
  await page.addInitScript(() => {
    const w = window as any; w.lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
    w.cls = 0; w.shifts = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries() as any[]) { if (!e.hadRecentInput) { w.cls += e.value; w.shifts.push([Math.round(e.startTime), +e.value.toFixed(4), (e.sources||[]).map((s:any)=> s.node?.nodeName + '.' + (s.node?.className?.baseVal ?? s.node?.className ?? ''))]); } } }).observe({ type: 'layout-shift', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  const trace = r === 0 && process.env.PROFILE;
  if (trace) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60000 });
  await page.waitForTimeout(3000);
  const out = await page.evaluate(() => ({ lt: (window as any).lt, cls: (window as any).cls, shifts: (window as any).shifts, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime }));
  console.log(`run ${r}: fcp ${out.fcp?.toFixed(0)} long tasks [start,dur]: ${JSON.stringify(out.lt)} CLS ${out.cls.toFixed(4)} shifts ${JSON.stringify(out.shifts)}`);
  if (trace) { const { profile } = await cdp.send('Profiler.stop'); writeFileSync('/tmp/pool/first.cpuprofile', JSON.stringify(profile)); }
  await page.close();
}
await browser.close(); await server.close();

import { chromium } from '@playwright/test';
const [,, base, out, name, hash, w, h, screens] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, colorScheme: process.env.SCHEME || "light" });
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto(base + '/' + hash);
await page.waitForTimeout(+process.env.WAIT || 6000);
const total = await page.evaluate(() => document.documentElement.scrollHeight);
const wide = await page.evaluate(() => document.documentElement.scrollWidth);
const n = Math.min(+screens || 12, Math.ceil(total / +h));
for (let i = 0; i < n; i++) {
  await page.evaluate((y) => window.scrollTo(0, y), i * (+h - 60));
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${out}/${name}-${String(i).padStart(2, '0')}.png` });
}
console.log(name, 'height', total, 'scrollWidth', wide, 'screens', n, 'errors:', errors.length, errors.slice(0, 3).join(' | '));
await browser.close();

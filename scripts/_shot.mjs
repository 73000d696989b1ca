import { chromium } from '@playwright/test';
const [,, base, out, ...specs] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const spec of specs) {
  const [name, hash, w, h, scheme] = spec.split('|');
  const page = await browser.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme || 'light' });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(base + '/' + hash);
  await page.waitForTimeout(+process.env.WAIT || 6000);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: process.env.FULL === '1' });
  console.log(name, 'errors:', errors.length, errors.slice(0, 3).join(' | '));
  await page.close();
}
await browser.close();

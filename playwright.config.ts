import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/browser.mjs';

const chosen = findChromium();
if (!process.env.PW_QUIET_BROWSER) {
  console.log(
    chosen
      ? `[playwright] Chromium: ${chosen.kind} (${chosen.path})`
      : '[playwright] Chromium: none found (run `node scripts/ensure-browser.mjs`)',
  );
  process.env.PW_QUIET_BROWSER = '1'; // workers re-read this file; print once
}

/** Flags for a headless Chromium on a closed network (no background calls home). */
const quietFlags = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The preview server's port. Each run starts its own server on it and never reuses one that is
 * already listening (it could be serving another checkout's build); set PW_PORT to run two suites
 * side by side.
 */
const port = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chosen && chosen.kind !== 'playwright' ? chosen.path : undefined,
      args: quietFlags,
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
      testIgnore: /determinism-firefox\.spec\.ts/,
    },
    // Firefox (driven by puppeteer-core, test/e2e/determinism-firefox.spec.ts) runs once every
    // Chromium test has finished: beside them, under a full suite's load, its page ran about 50
    // times slower than alone (the spec says what was measured).
    { name: 'firefox', testMatch: /determinism-firefox\.spec\.ts/, dependencies: ['chromium'] },
  ],
  webServer: {
    // The tests run against the production build (`npm run test:e2e` builds first).
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

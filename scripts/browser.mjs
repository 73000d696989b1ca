// Finds a Chromium for the browser tests: Playwright's own if installed, else a system one.
// Shared by playwright.config.ts and scripts/ensure-browser.mjs so both choose the same way.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';

/** Candidate system Chromium commands, in order of preference. */
const SYSTEM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

function which(command) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** @returns {{ kind: 'env' | 'playwright' | 'system', path: string } | null} */
export function findChromium() {
  const fromEnv = process.env.PW_CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return { kind: 'env', path: fromEnv };
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return { kind: 'playwright', path: bundled };
  for (const command of SYSTEM_COMMANDS) {
    const found = which(command);
    if (found) return { kind: 'system', path: found };
  }
  return null;
}

/** Candidate system Firefox commands (Debian's ESR first), in order of preference. */
const FIREFOX_COMMANDS = ['firefox-esr', 'firefox'];

/**
 * Finds a Firefox for the Firefox determinism test (driven over WebDriver BiDi by puppeteer-core):
 * the path in PW_FIREFOX_PATH, else a system `firefox-esr` or `firefox`.
 * @returns {{ kind: 'env' | 'system', path: string } | null}
 */
export function findFirefox() {
  const fromEnv = process.env.PW_FIREFOX_PATH;
  if (fromEnv && existsSync(fromEnv)) return { kind: 'env', path: fromEnv };
  for (const command of FIREFOX_COMMANDS) {
    const found = which(command);
    if (found) return { kind: 'system', path: found };
  }
  return null;
}

/** The note printed wherever the Firefox test cannot run. */
export const NO_FIREFOX_NOTE =
  'No Firefox: the Firefox determinism test is skipped (on Debian: apt-get install firefox-esr; elsewhere set PW_FIREFOX_PATH to a Firefox 128 or newer).';

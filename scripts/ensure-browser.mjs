// Makes sure a Chromium exists for the browser tests, so `npm test` works on a fresh machine:
// 1. Playwright's own Chromium or PW_CHROMIUM_PATH or a system `chromium`;
// 2. else `npx playwright install chromium`;
// 3. else, on Debian as root, `apt-get install -y chromium`;
// 4. else stop with a one-line instruction.
// Then a Firefox for test/e2e/determinism-firefox.spec.ts: PW_FIREFOX_PATH or a system
// `firefox-esr`/`firefox`, else (on Debian as root) `apt-get install -y firefox-esr`, else a
// printed note: that one test is skipped, the rest run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { NO_FIREFOX_NOTE, findChromium, findFirefox } from './browser.mjs';

function attempt(label, command, find = findChromium, browser = 'Chromium') {
  console.log(`[ensure-browser] no ${browser} found; trying: ${label}`);
  try {
    execSync(command, { stdio: 'inherit', timeout: 10 * 60 * 1000 });
  } catch {
    console.log(`[ensure-browser] ${label} did not work`);
  }
  return find();
}

let found = findChromium();
if (!found) found = attempt('npx playwright install chromium', 'npx playwright install chromium');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!found && isRoot && existsSync('/etc/debian_version')) {
  found = attempt(
    'apt-get install -y chromium',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
  );
}
if (!found) {
  console.error(
    '[ensure-browser] No Chromium: run `npx playwright install chromium` (or install your system chromium and set PW_CHROMIUM_PATH to it).',
  );
  process.exit(1);
}
console.log(`[ensure-browser] using ${found.kind} Chromium at ${found.path}`);

let firefox = findFirefox();
if (!firefox && isRoot && existsSync('/etc/debian_version')) {
  firefox = attempt(
    'apt-get install -y firefox-esr',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr',
    findFirefox,
    'Firefox',
  );
}
console.log(
  firefox
    ? `[ensure-browser] using ${firefox.kind} Firefox at ${firefox.path}`
    : `[ensure-browser] ${NO_FIREFOX_NOTE}`,
);

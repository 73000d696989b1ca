// The initial-JavaScript measure of `npm run bench`: a hand-made build folder where the entry
// imports a shared chunk statically (counted) and a lazy chunk dynamically (not counted).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { entryScripts, scriptSizes, staticImports } from '../../scripts/bundleSize';

const FILES: Record<string, string> = {
  'index.html':
    '<html><head><script type="module" crossorigin src="./assets/index-a1.js"></script>' +
    '<link rel="stylesheet" href="./assets/style.css"></head></html>',
  'assets/index-a1.js':
    'import{s as t}from"./shared-b2.js";import"./polyfill-c3.js";' +
    'const l=()=>import("./lazy-d4.js");export{t as a,l as b};',
  'assets/shared-b2.js': 'export * from "./deep-e5.js";const s=1;export{s};',
  'assets/deep-e5.js': 'export const d="deep";',
  'assets/polyfill-c3.js': 'globalThis.p=1;',
  'assets/lazy-d4.js': 'import{s}from"./shared-b2.js";export default s+"lazy".repeat(50);',
  'assets/worker-f6.js': 'self.onmessage=()=>{};',
  'sw.js': 'self.addEventListener("fetch",()=>{});',
};

const dir = mkdtempSync(join(tmpdir(), 'bundle-size-'));
mkdirSync(join(dir, 'assets'));
for (const [file, text] of Object.entries(FILES)) writeFileSync(join(dir, file), text);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gz = (file: string) => gzipSync(FILES[file] ?? '', { level: 9 }).length;

describe('staticImports', () => {
  it('lists import and export-from sources, never a dynamic import()', () => {
    expect(staticImports(FILES['assets/index-a1.js'] ?? '')).toEqual([
      './shared-b2.js',
      './polyfill-c3.js',
    ]);
    expect(staticImports(FILES['assets/shared-b2.js'] ?? '')).toEqual(['./deep-e5.js']);
    expect(staticImports('const m = await import("./x.js"); import.meta.url;')).toEqual([]);
  });
});

describe('scriptSizes', () => {
  it('counts the entry and its static imports, transitively and once each', () => {
    expect(entryScripts(FILES['index.html'] ?? '')).toEqual(['assets/index-a1.js']);
    const sizes = scriptSizes(dir);
    expect(sizes.initialFiles).toEqual([
      'assets/index-a1.js',
      'assets/shared-b2.js',
      'assets/polyfill-c3.js',
      'assets/deep-e5.js',
    ]);
    expect(sizes.initialGzipBytes).toBe(
      gz('assets/index-a1.js') +
        gz('assets/shared-b2.js') +
        gz('assets/polyfill-c3.js') +
        gz('assets/deep-e5.js'),
    );
  });

  it('totals every .js file: lazy chunks and workers too', () => {
    const sizes = scriptSizes(dir);
    const js = Object.keys(FILES).filter((f) => f.endsWith('.js'));
    expect(sizes.allFiles).toEqual([...js].sort());
    expect(sizes.totalGzipBytes).toBe(js.reduce((s, f) => s + gz(f), 0));
    expect(sizes.totalGzipBytes - sizes.initialGzipBytes).toBe(
      gz('assets/lazy-d4.js') + gz('assets/worker-f6.js') + gz('sw.js'),
    );
  });
});

/**
 * The size of the built page's JavaScript, gzip-compressed at level 9 (what a static host serves):
 *
 * - initial: the module scripts index.html loads and everything they import statically, followed
 *   file by file (the browser fetches and runs all of it before the page works; chunks reached only
 *   through `import()` are not counted: they load on demand);
 * - total: every .js file of the build (on-demand chunks, the simulation worker and the service
 *   worker included).
 *
 * Imports are read from each file's syntax tree (Vite's `parseAst`), not guessed with a pattern.
 * Used by `npm run bench` (scripts/bench.ts) and scripts/bench-browser.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

export interface ScriptSizes {
  /** the initial files, relative to the build folder ("assets/index-abc.js"), in load order */
  initialFiles: string[];
  initialGzipBytes: number;
  /** every .js file of the build (sw.js too), relative to the build folder */
  allFiles: string[];
  totalGzipBytes: number;
}

/** Gzip size (level 9) of one file of the build. */
function gzipBytes(distDir: string, file: string): number {
  return gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
}

/** The module scripts of index.html (`<script type="module" src>`), relative to the build. */
export function entryScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) =>
    posix.normalize(m[1] ?? ''),
  );
}

/**
 * The relative specifiers a module imports statically: `import … from`, `import "…"` and
 * `export … from` at the top level (dynamic `import()` is an expression, never one of these).
 * @param code the module's source
 */
export function staticImports(code: string): string[] {
  const specifiers: string[] = [];
  for (const node of parseAst(code).body) {
    if (
      (node.type === 'ImportDeclaration' ||
        node.type === 'ExportAllDeclaration' ||
        node.type === 'ExportNamedDeclaration') &&
      node.source &&
      typeof node.source.value === 'string'
    )
      specifiers.push(node.source.value);
  }
  return specifiers.filter((s) => s.startsWith('./') || s.startsWith('../'));
}

/**
 * Sizes of the build in `distDir` (a folder written by `vite build`).
 * @param distDir the build folder, holding index.html
 */
export function scriptSizes(distDir: string): ScriptSizes {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initialFiles: string[] = [];
  const queue = entryScripts(html);
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (initialFiles.includes(file)) continue;
    initialFiles.push(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const specifier of staticImports(code))
      queue.push(posix.join(posix.dirname(file), specifier));
  }
  const allFiles = readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.js'))
    .sort();
  const sum = (files: string[]) => files.reduce((s, file) => s + gzipBytes(distDir, file), 0);
  return {
    initialFiles,
    initialGzipBytes: sum(initialFiles),
    allFiles,
    totalGzipBytes: sum(allFiles),
  };
}

import { defineConfig, type Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Strict Content-Security-Policy for the production build only (Vite's dev server injects
 * inline scripts for hot reload, so dev runs without it). No inline script, no eval, no
 * external origin: the lab must work offline and leak nothing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'extraction-lab-csp',
    apply: 'build',
    transformIndexHtml(html) {
      const tag = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${tag}`);
    },
  };
}

/** Files the service worker must not precache: itself, its manifest, source maps. */
const NOT_PRECACHED = /(^sw\.js$|^precache-manifest\.json$|\.map$)/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Offline support: after the build, lists every file of the output folder in
 * precache-manifest.json (relative paths, plus './' for the folder itself) with a version hashed
 * from their contents. public/sw.js precaches that list, so the lab works offline after one visit.
 */
function precacheManifest(): Plugin {
  let outDir = 'dist';
  return {
    name: 'extraction-lab-precache-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const hash = createHash('sha256');
      const files = filesUnder(outDir)
        .map((file) => relative(outDir, file).split(sep).join('/'))
        .filter((file) => !NOT_PRECACHED.test(file))
        .sort();
      for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
      const manifest = { version: hash.digest('hex').slice(0, 16), files: ['./', ...files] };
      writeFileSync(
        join(outDir, 'precache-manifest.json'),
        `${JSON.stringify(manifest, null, 2)}\n`,
      );
    },
  };
}

export default defineConfig({
  // Relative asset paths: the built folder works from any static host and any sub-path.
  base: './',
  plugins: [svelte(), contentSecurityPolicy(), precacheManifest()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // One stylesheet for the whole page, lazy classroom parts included (src/components/classroom/
    // lazy.ts): their few KB of CSS come with the first paint, so a dialog never shows unstyled
    // and the cascade's order is the same as when every part was in the entry chunk.
    cssCodeSplit: false,
  },
  preview: { port: 4173, strictPort: true },
});

import { defineConfig, type Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Strict Content-Security-Policy for the production build only (Vite's dev server injects
 * inline scripts for hot reload, so dev runs without it). No inline script, no eval, no
 * external origin: the lab must work offline and leak nothing.
 *
 * It ships twice. As a <meta> tag in index.html, which every host serves but which cannot carry
 * `frame-ancestors` and does not cover the worker script; and as a real header in
 * public/_headers (Netlify, Cloudflare Pages) and the README's nginx and Apache snippets, which
 * covers every file, worker included, and adds `frame-ancestors`. test/build/headers.test.ts keeps
 * the three equal. `manifest-src` is left out of both: the lab has no web-app manifest, default-src
 * already limits it to 'self', and WebKit logs every page load with an unknown directive as a
 * console error.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
] as const;

/**
 * Who may frame the lab: its own pages and any HTTPS page, so Moodle, Canvas, Open edX or a
 * course's own site can embed it (the Embed dialog's snippet) while plain-HTTP pages cannot. The
 * lab holds no account, secret or server action a framing page could trick a click into, so the
 * usual clickjacking reason for `'none'` does not apply; a host that serves the lab for one
 * platform can narrow `https:` to that platform's origin.
 */
export const FRAME_ANCESTORS = "frame-ancestors 'self' https:";

/** The policy of the meta tag: what a meta tag can carry. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** The policy of the header: the meta tag's plus frame-ancestors. */
export const HEADER_CONTENT_SECURITY_POLICY = [...CSP_DIRECTIVES, FRAME_ANCESTORS].join('; ');

/**
 * The headers of the `/*` rule of a `_headers` file (Netlify and Cloudflare Pages syntax: a path
 * line, then indented `Name: value` lines; `#` starts a comment).
 * @param text the file's content
 */
export function readHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inRule = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inRule = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inRule && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The headers every response of the lab should carry, from public/_headers. */
const SITE_HEADERS = readHeadersFile(
  readFileSync(new URL('./public/_headers', import.meta.url), 'utf8'),
);

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'extraction-lab-csp',
    apply: 'build',
    transformIndexHtml(html) {
      const tag = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${tag}`);
    },
  };
}

/** Files the service worker must not precache: itself, its manifest, source maps, host config. */
const NOT_PRECACHED = /(^sw\.js$|^precache-manifest\.json$|\.map$|^_headers$)/;

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
    rolldownOptions: {
      // src/core is a pure library (no module runs anything on import: a house rule, see
      // CONTRIBUTING.md), so a core module the page imports only for metadata brings none of its
      // neighbours' run code along.
      treeshake: {
        moduleSideEffects: [
          { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
          { test: /./, sideEffects: true },
        ],
      },
    },
  },
  // The preview server (and so every browser test) sends the same headers as a static host would.
  preview: { port: 4173, strictPort: true, headers: SITE_HEADERS },
});

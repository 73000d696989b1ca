/*
 * Extraction Lab's service worker: after the first visit the lab works with the network off.
 *
 * Install: reads precache-manifest.json (written at build time by the precache plugin in
 * vite.config.ts: every file of the build and its content hash) and caches every file.
 * Fetch, same origin only:
 *   - hashed build assets (assets/name-HASH.ext) never change: cache first, network on a miss;
 *   - pages, lessons and other unhashed files may change: network first, so a new build shows at
 *     once when online, with the cached copy after NETWORK_TIMEOUT_MS (a workshop's weak Wi-Fi) or
 *     when offline.
 * Every URL is relative to the registration scope, so the lab works under any sub-path.
 * Hand-written (about 100 lines) rather than generated: it must run under the page's strict CSP
 * with no inline registration script, and it needs no dependency.
 */
const MANIFEST = 'precache-manifest.json';
const CACHE_PREFIX = 'extraction-lab-';
const META_CACHE = `${CACHE_PREFIX}meta`;
const CURRENT_KEY = 'current-cache';
/** wait this long for the network before answering from the cache (ms) */
const NETWORK_TIMEOUT_MS = 3000;
const HASHED = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

const scopeUrl = (path) => new URL(path, self.registration.scope).href;

async function currentCacheName() {
  const meta = await caches.open(META_CACHE);
  const entry = await meta.match(CURRENT_KEY);
  return entry ? entry.text() : null;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch(scopeUrl(MANIFEST), { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${MANIFEST}: ${response.status}`);
      const manifest = await response.json();
      const name = `${CACHE_PREFIX}${manifest.version}`;
      const cache = await caches.open(name);
      await cache.addAll(manifest.files.map(scopeUrl));
      const meta = await caches.open(META_CACHE);
      await meta.put(CURRENT_KEY, new Response(name));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = await currentCacheName();
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((n) => n.startsWith(CACHE_PREFIX) && n !== META_CACHE && n !== current)
          .map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

async function fromCache(request) {
  const name = await currentCacheName();
  if (!name) return undefined;
  const cache = await caches.open(name);
  // ignoreVary: a preview server may send "Vary: Origin", and module scripts carry an Origin header
  // that the precache requests did not.
  const hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  if (hit || request.mode !== 'navigate') return hit;
  // A navigation to the lab's folder or any page under it: the cached index.
  const options = { ignoreVary: true };
  return (
    (await cache.match(scopeUrl('./'), options)) ??
    (await cache.match(scopeUrl('index.html'), options))
  );
}

async function remember(request, response) {
  const name = await currentCacheName();
  if (!name || !response.ok || response.type !== 'basic') return;
  const cache = await caches.open(name);
  await cache.put(request, response);
}

async function cacheFirst(request) {
  const hit = await fromCache(request);
  if (hit) return hit;
  const response = await fetch(request);
  await remember(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const network = fetch(request).then(async (response) => {
    await remember(request, response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, undefined));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch {
    // offline: fall through to the cache
  }
  const hit = await fromCache(request);
  return hit ?? network;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope))
    return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});

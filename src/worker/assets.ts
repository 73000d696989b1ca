/**
 * The files under public/ a simulation needs (ScenarioRuntime.assets: the chat teacher's weights),
 * fetched by the worker before it runs a request that needs them. The core does no I/O; the CLI
 * reads the same paths from disk (src/cli/args.ts, loadAssets).
 *
 * URLs are relative to the site's root, found from the worker's own URL, so the lab works when
 * hosted under a sub-path: a built worker lives in <root>/assets/, so the root is one folder up;
 * the dev server serves public/ at the origin's root.
 */
import type { Config } from '../core/config';
import { kindRuntime } from '../core/registry/runtime';
import { assetsFor } from '../core/scenarios/contract';
import type { WorkerRequest } from './protocol';

/** The site's root URL, from the worker script's URL (`dev`: the Vite dev server). */
export function siteRoot(workerUrl: string, dev: boolean): URL {
  return dev ? new URL('/', workerUrl) : new URL('../', workerUrl);
}

/** The asset paths a request's configs need (none for a cancel). */
export function requestAssets(request: WorkerRequest): string[] {
  const configs: Config[] = [];
  if (request.type === 'run') {
    configs.push(request.config);
    if (request.baseline) configs.push(request.baseline);
  } else if (request.type !== 'cancel') configs.push(request.config);
  const paths = new Set<string>();
  for (const config of configs) {
    for (const path of assetsFor(kindRuntime(config), config)) paths.add(path);
  }
  return [...paths];
}

/**
 * Fetches the paths not yet in `store` (relative to `root`) into it. A failed fetch is left out:
 * the simulation then reports the missing file as its error.
 */
export async function loadAssets(
  paths: readonly string[],
  root: URL,
  store: Map<string, ArrayBuffer>,
  fetchFn: (url: string) => Promise<Response> = (url) => fetch(url),
): Promise<void> {
  await Promise.all(
    paths
      .filter((path) => !store.has(path))
      .map(async (path) => {
        try {
          const response = await fetchFn(new URL(path, root).href);
          if (response.ok) store.set(path, await response.arrayBuffer());
        } catch {
          // left out: simulate() names the file it lacks
        }
      }),
  );
}

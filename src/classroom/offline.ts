/**
 * Offline support: registers the service worker (public/sw.js) that precaches the built lab, so
 * after a first visit the page, its workers and its lessons load with the network off. Relative
 * URL and scope: the lab works under any sub-path. Only the production build registers it (the
 * dev server's modules change on every edit).
 */

export interface ServiceWorkerHost {
  serviceWorker?: { register(url: string, options?: { scope?: string }): Promise<unknown> };
}

/** Registers ./sw.js; resolves false when the browser has no service workers or refuses. */
export async function registerOfflineSupport(
  host: ServiceWorkerHost,
  enabled: boolean,
): Promise<boolean> {
  if (!enabled || !host.serviceWorker) return false;
  try {
    await host.serviceWorker.register('./sw.js', { scope: './' });
    return true;
  } catch {
    return false; // file:// pages, private modes: the lab still works online
  }
}

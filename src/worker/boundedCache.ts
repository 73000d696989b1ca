/**
 * A Map that keeps at most `limit` entries, dropping the least recently used: the worker's cache
 * of trained victims. Unbounded, it kept every victim of a session (one per seed, dataset and
 * network tried; issue 15's leaks). A cached victim only saves time, never changes a result, so
 * dropping one is always safe.
 */
export class BoundedCache<V> extends Map<string, V> {
  /**
   * @param limit most entries kept (at least 1)
   */
  constructor(private readonly limit: number) {
    super();
  }

  override get(key: string): V | undefined {
    if (!super.has(key)) return undefined;
    const value = super.get(key) as V;
    // Most recently used last: Map iterates in insertion order.
    super.delete(key);
    super.set(key, value);
    return value;
  }

  override set(key: string, value: V): this {
    super.delete(key);
    super.set(key, value);
    const limit = Math.max(1, this.limit);
    while (this.size > limit) {
      const oldest = this.keys().next().value;
      if (oldest === undefined) break;
      super.delete(oldest);
    }
    return this;
  }
}

/**
 * Victims the worker keeps: the current settings, the other datasets trained ahead of time
 * (./prewarm.ts, 4) and a sweep's seeds (3), with room for going back and forth.
 */
export const VICTIM_CACHE_LIMIT = 16;

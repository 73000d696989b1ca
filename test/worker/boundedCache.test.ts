import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/worker/boundedCache';

describe('BoundedCache', () => {
  it('keeps at most `limit` entries, dropping the least recently used', () => {
    const cache = new BoundedCache<number>(3);
    cache.set('a', 1).set('b', 2).set('c', 3);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('d', 4);
    expect([...cache.keys()]).toEqual(['c', 'a', 'd']);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('b')).toBeUndefined();
  });

  it('replacing a key does not grow it; 500 distinct keys leave `limit`', () => {
    const cache = new BoundedCache<string>(16);
    for (let i = 0; i < 500; i++) cache.set(`victim ${i % 700}`, 'weights');
    cache.set('victim 499', 'again');
    expect(cache.size).toBe(16);
    expect(cache.get('victim 499')).toBe('again');
  });
});

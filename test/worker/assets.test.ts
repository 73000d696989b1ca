// The worker's asset loading (src/worker/assets.ts): URLs relative to the site's root (sub-path
// hosting), the paths a request needs, fetching only what is missing and surviving a failed fetch.
import { describe, expect, it } from 'vitest';
import { checkKindChoices, defaultConfig, setPath } from '../../src/core/config';
import { loadAssets, requestAssets, siteRoot } from '../../src/worker/assets';

const chat = checkKindChoices(setPath(defaultConfig(), 'scenario.kind', 'chat')).config;

describe('worker assets', () => {
  it('finds the site root from a built worker under a sub-path, and at the dev origin', () => {
    const built = 'https://example.org/labs/extraction/assets/sim.worker-abc123.js';
    expect(new URL('models/chat-teacher-k4.bin', siteRoot(built, false)).href).toBe(
      'https://example.org/labs/extraction/models/chat-teacher-k4.bin',
    );
    expect(siteRoot('http://localhost:5173/src/worker/sim.worker.ts', true).href).toBe(
      'http://localhost:5173/',
    );
  });

  it('asks for the teacher of a chat run (its baseline, a lean run), nothing for planar or cancel', () => {
    const k3 = setPath(chat, 'scenario.operands', 3);
    expect(requestAssets({ type: 'run', id: 1, config: chat, baseline: k3 })).toEqual([
      'models/chat-teacher-k4.bin',
      'models/chat-teacher-k3.bin',
    ]);
    // a lean run of a sweep on the pool
    expect(requestAssets({ type: 'leanRun', id: 2, config: chat })).toEqual([
      'models/chat-teacher-k4.bin',
    ]);
    expect(requestAssets({ type: 'run', id: 3, config: defaultConfig(), baseline: null })).toEqual(
      [],
    );
    expect(requestAssets({ type: 'cancel', id: 4 })).toEqual([]);
  });

  it('fetches only missing files, relative to the root, and leaves out a failed one', async () => {
    const store = new Map<string, ArrayBuffer>([['a.bin', new ArrayBuffer(1)]]);
    const asked: string[] = [];
    const fetchFn = async (url: string) => {
      asked.push(url);
      if (url.endsWith('missing.bin')) return new Response(null, { status: 404 });
      return new Response(new Uint8Array([1, 2, 3]));
    };
    await loadAssets(
      ['a.bin', 'models/b.bin', 'missing.bin'],
      new URL('https://x.org/lab/'),
      store,
      fetchFn,
    );
    expect(asked.sort()).toEqual([
      'https://x.org/lab/missing.bin',
      'https://x.org/lab/models/b.bin',
    ]);
    expect(store.get('models/b.bin')?.byteLength).toBe(3);
    expect(store.has('missing.bin')).toBe(false);
  });
});

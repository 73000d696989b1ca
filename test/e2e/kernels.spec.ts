// The worker runs the trainer's WebAssembly kernels (src/worker/kernels.ts): it fetches the module
// Vite emitted, and the site's Content-Security-Policy ('wasm-unsafe-eval') lets the worker
// compile it. Without either, the lab would silently fall back to the slower TypeScript path
// (same results, so determinism.spec.ts alone would not notice).
import { expect, openLab, test } from './lab-fixture';

test('the worker fetches and may compile the WebAssembly kernels', async ({ page }) => {
  const fetched: { url: string; status: number }[] = [];
  page.on('response', (response) => {
    if (/mlp-kernels[^/]*\.wasm$/.test(response.url())) {
      fetched.push({ url: response.url(), status: response.status() });
    }
  });
  await openLab(page);
  expect(fetched.length).toBeGreaterThan(0);
  for (const { status } of fetched) expect(status).toBe(200);
  const worker = page.workers().find((w) => w.url().includes('sim.worker'));
  expect(
    worker,
    page
      .workers()
      .map((w) => w.url())
      .join(', '),
  ).toBeDefined();
  const compiled = await worker!.evaluate(async (url) => {
    const bytes = await (await fetch(url)).arrayBuffer();
    const module = await WebAssembly.compile(bytes);
    return WebAssembly.Module.exports(module).map((e) => e.name);
  }, fetched[0]!.url);
  expect(compiled).toEqual(expect.arrayContaining(['gradient', 'sgdStep', 'adamStep', 'memory']));
});

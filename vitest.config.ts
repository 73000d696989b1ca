import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { wasmKernels } from './scripts/build-wasm.mjs';

export default defineConfig({
  plugins: [wasmKernels(), svelte()],
  // Svelte component tests must resolve the browser build of svelte.
  resolve: { conditions: ['browser'] },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup-kernels.ts'],
    testTimeout: 60_000,
  },
});

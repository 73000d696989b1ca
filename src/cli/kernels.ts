/**
 * The CLI's half of the WebAssembly kernels (src/core/models/kernels.ts): reads the compiled
 * module from disk, building it first from assembly/ when it is missing (scripts/build-wasm.mjs),
 * and installs it for this process. Results are the same bits with or without it; set
 * LAB_KERNELS=off to run the TypeScript path (e.g. to time the two side by side).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  installMlpKernels,
  instantiateMlpKernels,
  type MlpKernelExports,
} from '../core/models/kernels';

// Paths from this file's own location (not `new URL(path, import.meta.url)`, which Vite rewrites
// into a served URL when a test runs in a browser-like environment).
const HERE = dirname(fileURLToPath(import.meta.url));
export const KERNELS_PATH = join(HERE, '../core/models/mlp-kernels.wasm');
const BUILD_SCRIPT = join(HERE, '../../scripts/build-wasm.mjs');

/** A fresh instance of the kernels (its own linear memory), built first when missing; or null. */
export function loadNodeKernels(): MlpKernelExports | null {
  if (!existsSync(KERNELS_PATH)) {
    spawnSync(process.execPath, [BUILD_SCRIPT], { stdio: 'ignore' });
    if (!existsSync(KERNELS_PATH)) return null;
  }
  return instantiateMlpKernels(readFileSync(KERNELS_PATH));
}

/** Installs the kernels for this process unless LAB_KERNELS=off; returns whether they are on. */
export function installNodeKernels(): boolean {
  if (process.env.LAB_KERNELS === 'off') return false;
  const kernels = loadNodeKernels();
  installMlpKernels(kernels);
  return kernels !== null;
}

/**
 * The worker's half of the WebAssembly kernels (src/core/models/kernels.ts): fetches the module
 * Vite emitted from assembly/ (scripts/build-wasm.mjs builds it before every build and dev start),
 * compiles it and installs one instance, one linear memory, for this worker. If anything fails
 * (an old browser without WebAssembly SIMD, a host whose policy forbids compiling WebAssembly),
 * the worker runs the TypeScript path, which gives the same bits, only slower.
 */
import kernelsUrl from '../core/models/mlp-kernels.wasm?url';
import { installMlpKernels, instantiateMlpKernels } from '../core/models/kernels';

/** Loads and installs the kernels; resolves to whether they are on (never rejects). */
export async function installWorkerKernels(): Promise<boolean> {
  try {
    const response = await fetch(kernelsUrl);
    if (!response.ok) return false;
    installMlpKernels(instantiateMlpKernels(await response.arrayBuffer()));
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the trainer's WebAssembly kernels from their AssemblyScript source (assembly/mlp.ts) into
 * src/core/models/mlp-kernels.wasm, which the worker (bundled by Vite) and the CLI (read from disk)
 * load. Run by the Vite plugin below on every `vite build`, `vite` (dev) and vitest start, and by
 * the CLI's loader when the file is missing; skipped when the output is newer than every source.
 *
 *   node scripts/build-wasm.mjs [--force]
 *
 * Flags: -O3 (binaryen keeps IEEE semantics: it never reassociates or fuses float operations),
 * SIMD on, relaxed SIMD off (its results may differ by engine), the stub runtime (the kernels never
 * allocate: src/core/models/kernels.ts lays its buffers out in the linear memory), no assertions.
 */
import { readdirSync, renameSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIR = `${ROOT}assembly`;
export const KERNELS_WASM = `${ROOT}src/core/models/mlp-kernels.wasm`;

/** The compiler's arguments, writing to `outFile`. */
export const ascArgs = (outFile) => [
  `${SOURCE_DIR}/mlp.ts`,
  '--outFile',
  outFile,
  '-O3',
  '--runtime',
  'stub',
  '--noAssert',
  '--enable',
  'simd',
  '--disable',
  'bulk-memory',
  '--initialMemory',
  '1',
];

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** True when the .wasm is missing or older than a source file or this script. */
export function kernelsStale() {
  const built = mtime(KERNELS_WASM);
  const sources = [
    fileURLToPath(import.meta.url),
    ...readdirSync(SOURCE_DIR).map((name) => `${SOURCE_DIR}/${name}`),
  ];
  return built < 0 || sources.some((file) => mtime(file) > built);
}

/** Compiles the kernels when stale (or always with force); throws with the compiler's messages. */
export async function buildKernels(force = false) {
  if (!force && !kernelsStale()) return false;
  const { default: asc } = await import('assemblyscript/asc');
  let messages = '';
  // Written beside the target and renamed into place, so a concurrent reader (parallel test
  // workers, the CLI) never sees half a file.
  const temporary = `${KERNELS_WASM}.${process.pid}.tmp`;
  const { error } = await asc.main(ascArgs(temporary), {
    stdout: { write: (text) => void (messages += text) },
    stderr: { write: (text) => void (messages += text) },
  });
  if (error) throw new Error(`AssemblyScript build failed: ${error.message}\n${messages}`);
  renameSync(temporary, KERNELS_WASM);
  return true;
}

/** The Vite plugin: builds the kernels before Vite (or vitest) resolves any import. */
export function wasmKernels() {
  return {
    name: 'extraction-lab-wasm-kernels',
    async buildStart() {
      await buildKernels();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const built = await buildKernels(process.argv.includes('--force'));
  console.log(built ? `built ${KERNELS_WASM}` : `${KERNELS_WASM} is up to date`);
}

// Types of build-wasm.mjs for the TypeScript files that import it.
import type { Plugin } from 'vite';
export const KERNELS_WASM: string;
export function ascArgs(outFile: string): string[];
export function kernelsStale(): boolean;
export function buildKernels(force?: boolean): Promise<boolean>;
export function wasmKernels(): Plugin;

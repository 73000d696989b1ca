// Every unit test runs with the WebAssembly kernels installed, as the worker and the CLI do;
// LAB_KERNELS=off runs the same tests on the TypeScript path (the results must not change).
// test/core/models/kernels.test.ts compares the two directly.
import { installNodeKernels } from '../src/cli/kernels';

installNodeKernels();

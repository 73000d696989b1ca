// The C reference of `npm run bench` (scripts/reference-mlp.c) runs the same algorithm as the
// TypeScript trainer: built with the machine's compiler, it ends the reference workload on the
// same weights, bit for bit. Skipped where no C compiler is installed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference, findCompiler, runReference, workloadBytes } from '../../scripts/reference';
import { referenceWorkload } from '../../scripts/throughput';

const compiler = findCompiler();
const dir = mkdtempSync(join(tmpdir(), 'reference-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(compiler === null)('C reference of the trainer', () => {
  it('ends the SGD reference workload on the TypeScript trainer’s weights, bit for bit', () => {
    const { binary } = buildReference(compiler!, dir);
    const { bytes, finalParams } = workloadBytes(2);
    const c = runReference(binary, bytes);
    expect(c.seconds).toHaveLength(2);
    for (const s of c.seconds) expect(s).toBeGreaterThan(0);
    const js = finalParams();
    expect(c.bits).toHaveLength(js.length);
    const hex = (values: Float64Array) =>
      Array.from(values, (v) => {
        const view = new DataView(new ArrayBuffer(8));
        view.setFloat64(0, v);
        return view.getBigUint64(0).toString(16).padStart(16, '0');
      });
    // Training moved the weights away from the start, and both languages agree on every bit.
    expect(c.bits).not.toEqual(hex(referenceWorkload('sgd').initialParams));
    expect(c.bits).toEqual(hex(js));
  });
});

// The eslint boundary: src/core stays a pure, deterministic library.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('src/core boundary rule', () => {
  it.each([
    ["import { createStore } from '../state/store';", 'src/core/simulate.ts'],
    ["import { x } from '../../components/panels/Ledger';", 'src/core/attacks/random.ts'],
    ["export { y } from '../worker/protocol';", 'src/core/index.ts'],
  ])('rejects an import that leaves src/core: %s', async (code, file) => {
    expect(await ruleIds(`${code}\nexport const z = 1;\n`, file)).toContain('local/core-boundary');
  });

  it.each([
    "import { mount } from 'svelte';",
    "import { select } from 'd3-selection';",
    "import * as d3 from 'd3';",
  ])('rejects a UI package: %s', async (code) => {
    expect(await ruleIds(`${code}\nexport const z = 1;\n`, 'src/core/models/mlp.ts')).toContain(
      'local/core-boundary',
    );
  });

  it('rejects Math.random in src/core', async () => {
    expect(await ruleIds('export const r = Math.random();\n', 'src/core/rng.ts')).toContain(
      'no-restricted-properties',
    );
  });

  it('rejects DOM globals and the clock in src/core', async () => {
    const ids = await ruleIds(
      'export const a = document.title;\nexport const b = Date.now();\nexport const c = window.innerWidth;\n',
      'src/core/config.ts',
    );
    expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(3);
  });

  it('allows imports inside src/core and from pure packages', async () => {
    const code =
      "import { a } from './rng';\nimport { b } from '../models/mlp';\nimport { randomLcg } from 'd3-random';\nexport const z = [a, b, randomLcg];\n";
    expect(await ruleIds(code, 'src/core/attacks/random.ts')).toEqual([]);
  });

  it('does not restrict code outside src/core', async () => {
    expect(await ruleIds('export const r = Math.random();\n', 'src/state/store.ts')).toEqual([]);
  });
});

describe('main-thread boundary rule', () => {
  it.each([
    ["import { simulate } from '../core/simulate';", 'src/state/runner.ts'],
    ["import { sweep } from '../../core/sweep';", 'src/components/panels/Sweeps.svelte.ts'],
    ["import { Mlp } from '../../core/models/mlp';", 'src/charts/heatmap.ts'],
  ])('rejects a simulation import outside the worker: %s', async (code, file) => {
    expect(await ruleIds(`${code}\nexport const z = 1;\n`, file)).toContain(
      'no-restricted-imports',
    );
  });

  it('lets the worker and the page import the schema and types', async () => {
    expect(
      await ruleIds(
        "import { simulate } from '../core/simulate';\nexport const z = simulate;\n",
        'src/worker/serve.ts',
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        "import { FIELDS } from '../core/config';\nexport const z = FIELDS;\n",
        'src/state/url.ts',
      ),
    ).toEqual([]);
  });
});

// The page's first JavaScript stays small (goal: <= 80 KB gzip, `npm run bench`) because the
// main thread reaches only the core's metadata: no simulation, model, trainer, attack run or
// defense stage. The bundler places a module by what imports it, not by what it uses, so one
// stray static import (a constant read from a run-time module, say) pulls a run-time module's
// chunk into the first load. This test follows every static import from src/main.ts (dynamic
// `import()` is where the page may load more) and names the chain to any run-time module reached.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'src');

/** Value imports and re-exports of a module (type-only ones are erased by the compiler). */
function staticImports(file: string): string[] {
  let code = readFileSync(file, 'utf8');
  if (file.endsWith('.svelte'))
    code = [...code.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  const specifiers: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of code.matchAll(statement)) if (!match[2]) specifiers.push(match[3]!);
  return specifiers;
}

/** The file a relative specifier names (".ts", "/index.ts" or as written), or null. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = normalize(join(dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Every module the page loads before it works, with the module that first imported it. */
function pageGraph(entry: string): Map<string, string | null> {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of staticImports(file)) {
      const target = resolve(file, specifier);
      if (target && !parent.has(target)) {
        parent.set(target, file);
        queue.push(target);
      }
    }
  }
  return parent;
}

/** Core modules that run simulations: worker and CLI only. */
const RUN_TIME = [
  /^core\/models\//,
  /^core\/(api|session|simulate|sweep|benign|outcome|stolenSet|schedule)\.ts$/,
  /^core\/registry\/runtime\.ts$/,
  /^core\/attacks\/(index|[^/]+\/index)\.ts$/,
  /^core\/scenarios\/[^/]+\/index\.ts$/,
  /^core\/defenses\/[^/]+\/index\.ts$/,
  /^core\/defenses\/output\/(prepared|mad|owner-models)\.ts$/,
  /^core\/defenses\/output\/modes\/index\.ts$/,
  /^core\/scenarios\/credit\/(session|student|attacks\/)/,
];

describe("the page's static module graph", () => {
  const graph = pageGraph(join(SRC, 'main.ts'));
  const name = (file: string) => relative(SRC, file).split('\\').join('/');

  it('is found (the walker follows .ts, index.ts and .svelte imports)', () => {
    const files = [...graph.keys()].map(name);
    expect(files).toContain('App.svelte');
    expect(files).toContain('core/registry/meta.ts');
    expect(files.length).toBeGreaterThan(50);
  });

  it('reaches no run-time module of the core (each would come with its chunk)', () => {
    const chains: string[] = [];
    for (const file of graph.keys()) {
      if (!RUN_TIME.some((pattern) => pattern.test(name(file)))) continue;
      const chain: string[] = [];
      for (let at: string | null = file; at; at = graph.get(at) ?? null) chain.push(name(at));
      chains.push(chain.join(' <- '));
    }
    expect(chains).toEqual([]);
  });

  it('imports no package whose generic code cannot be shaken out (d3-scale brings d3-color)', () => {
    // d3-scale's scales interpolate any value through d3-interpolate and d3-color (about 7 KB
    // gzip); the page's charts use src/charts/numericScale.ts, and charts that need more import
    // d3-scale from a lazy chunk.
    const heavy = ['d3-scale', 'd3-interpolate', 'd3-color', 'd3-scale-chromatic', 'd3-shape'];
    const found: string[] = [];
    for (const file of graph.keys())
      for (const specifier of staticImports(file))
        if (heavy.includes(specifier)) found.push(`${specifier} <- ${name(file)}`);
    expect(found).toEqual([]);
  });

  it('would catch one: a page module importing the simulation is reported', () => {
    // The walker itself, on a module that imports the simulation (the worker's entry).
    const worker = pageGraph(join(SRC, 'worker/sim.worker.ts'));
    expect([...worker.keys()].map(name)).toContain('core/simulate.ts');
  });
});

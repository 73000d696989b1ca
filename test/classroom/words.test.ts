// One honest name for the rate limit's cost. The share of honest accounts whose own daily use went
// over the limit on at least one simulated day is "hit the daily limit" everywhere a person reads
// it (src/core/registry/costWords.ts); "blocked" and "rate-limited" overstate it (those users are
// not shut out) and a second name makes readers think it is a second number. This scans every
// source of text the page, the printed report, the CLI and the lessons show.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HONEST_COST_WORDS } from '../../src/core/registry/costWords';

/** Banned synonyms; identifiers such as `benignBlocked` do not match (no word boundary inside). */
const BANNED = [
  /\bblocked\b/i,
  /\bblocks\b/i,
  /\bblocking\b/i,
  /\brate[- ]limited\b/i,
  /\brate[- ]limiting\b/i,
];

function walk(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** Every file a person's words come from: lessons, cards, registry labels, components, CLI. */
const SOURCES = [
  ...walk('public/lessons', (p) => p.endsWith('.json')),
  ...walk('src/classroom', (p) => /\.(ts|md)$/.test(p)),
  ...walk('src/components', (p) => /\.(ts|svelte)$/.test(p)),
  ...walk('src/charts', (p) => p.endsWith('.ts')),
  ...walk('src/cli', (p) => p.endsWith('.ts')),
  ...walk('src/core', (p) => /(meta|metas|registry\/[a-zA-Z]+)\.ts$/.test(p)),
  ...walk('src/core/defenses/output/modes', (p) => p.endsWith('.ts')),
  'src/App.svelte',
  'index.html',
];

describe('the rate limit cost has one name', () => {
  it('scans a real set of sources', () => {
    // a scan that finds no files cannot fail: make sure it reads the lessons, cards and registries
    expect(SOURCES).toContain('public/lessons/rate-limits.json');
    expect(SOURCES).toContain('src/classroom/policyCards.ts');
    expect(SOURCES).toContain('src/core/defenses/rateLimit/meta.ts');
    expect(SOURCES).toContain('src/components/panels/scoreboard.ts');
    expect(SOURCES.length).toBeGreaterThan(80);
  });

  it.each(SOURCES)('%s uses no banned synonym', (path) => {
    const lines = readFileSync(path, 'utf8').split('\n');
    const hits = lines.flatMap((line, i) =>
      BANNED.some((re) => re.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : [],
    );
    expect(hits).toEqual([]);
  });

  it('the pattern catches the old words and spares the identifiers', () => {
    const banned = (text: string) => BANNED.some((re) => re.test(text));
    expect(banned('Honest users blocked')).toBe(true);
    expect(banned('Weakens the copy, and blocks some honest users')).toBe(true);
    expect(banned('Honest accounts rate-limited (%)')).toBe(true);
    expect(banned('cost.benignBlocked')).toBe(false);
    expect(banned(HONEST_COST_WORDS.benignBlocked.name)).toBe(false);
  });

  it('names the cost by the daily limit', () => {
    expect(HONEST_COST_WORDS.benignBlocked.name).toBe('Honest accounts that hit the daily limit');
    expect(HONEST_COST_WORDS.benignBlocked.short).toBe('hit the daily limit');
  });
});

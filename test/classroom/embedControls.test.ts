// The embed checklist: every field a kind reads appears once, in the panel's groups; the chosen
// paths compact to prefixes that cover exactly the chosen fields (checked over random choices).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIELDS } from '../../src/core/config';
import { KINDS } from '../../src/core/registry/meta';
import { compactPaths, controlGroups, expandPaths } from '../../src/classroom/embedControls';
import { coveredBy } from '../../src/classroom/viewFlags';

const TINY = [
  { path: 'seed' },
  { path: 'attack.queries' },
  { path: 'attack.accounts' },
  { path: 'defense.watermark.on' },
  { path: 'defense.watermark.rate' },
  { path: 'defense.rateLimit.on' },
];

describe('controlGroups', () => {
  it.each(KINDS.map((k) => k.id))('lists each field of kind %s once', (kind) => {
    const listed = controlGroups(kind).flatMap((g) => g.fields.map((f) => f.path));
    const expected = FIELDS.filter((f) => !f.kinds || f.kinds.includes(kind)).map((f) => f.path);
    expect([...listed].sort()).toEqual([...expected].sort());
  });
  it('groups the planar defenses by name, in the defender panel', () => {
    const groups = controlGroups('planar');
    expect(groups[0]).toMatchObject({ title: "The attacker's settings", panel: 'attacker-panel' });
    const watermark = groups.find((g) => g.title === 'Watermark');
    expect(watermark?.panel).toBe('defender-panel');
    expect(watermark?.fields.map((f) => f.label)).toEqual([
      'Watermark',
      'Watermark rate',
      'Significance',
    ]);
    expect(groups.at(-1)?.title).toBe('Honest users');
  });
});

describe('compactPaths', () => {
  it('uses a prefix only when every field under it is chosen', () => {
    expect(compactPaths(new Set(['defense.watermark.on', 'defense.watermark.rate']), TINY)).toEqual(
      ['defense.watermark'],
    );
    expect(compactPaths(new Set(['defense.watermark.on']), TINY)).toEqual(['defense.watermark.on']);
    expect(
      compactPaths(
        new Set(['defense.watermark.on', 'defense.watermark.rate', 'defense.rateLimit.on']),
        TINY,
      ),
    ).toEqual(['defense']);
    expect(compactPaths(new Set(['seed', 'attack.accounts']), TINY)).toEqual([
      'seed',
      'attack.accounts',
    ]);
    expect(compactPaths(new Set(), TINY)).toEqual([]);
  });
  it('covers exactly the chosen fields of the real table, and expands back to them', () => {
    const paths = FIELDS.map((f) => f.path as string);
    fc.assert(
      fc.property(fc.subarray(paths), (chosen) => {
        const compact = compactPaths(new Set(chosen));
        for (const path of paths) expect(coveredBy(path, compact)).toBe(chosen.includes(path));
        expect([...expandPaths(compact)].sort()).toEqual([...chosen].sort());
        expect(compact.length).toBeLessThanOrEqual(chosen.length);
      }),
      { numRuns: 200 },
    );
  });
});

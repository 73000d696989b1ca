// Naming a scenario kind, in a link, a config file, a CLI call or the page's select, gives that
// kind's own strategy and answer format without a complaint; a choice given explicitly that the
// kind does not offer is replaced by the kind's default and named.
import { describe, expect, it } from 'vitest';
import { applyAssignments, defaultConfig, parseConfig } from '../../../src/core/config';
import { KINDS } from '../../../src/core/registry/meta';
import { createLabStore } from '../../../src/state/store';
import { parseShareHash } from '../../../src/state/url';

describe('a kind named alone starts from its own choices', () => {
  for (const kind of KINDS) {
    it(`${kind.id}: link, config file, CLI and page agree, with no issue`, () => {
      const fromLink = parseShareHash(`#v=2&k=${kind.id}`);
      const fromFile = parseConfig({ version: 2, scenario: { kind: kind.id } });
      const fromCli = applyAssignments(defaultConfig(), [`scenario.kind=${kind.id}`]);
      const store = createLabStore();
      expect(store.getState().setField('scenario.kind', kind.id)).toEqual({ ok: true });
      for (const parsed of [fromLink, fromFile, fromCli]) {
        expect(parsed.issues).toEqual([]);
        expect(parsed.config.attack.strategy).toBe(kind.defaultStrategy);
      }
      expect(store.getState().config.attack.strategy).toBe(kind.defaultStrategy);
      expect(fromLink.config).toEqual(fromFile.config);
      expect(fromLink.config).toEqual(fromCli.config);
      expect(fromLink.config).toEqual(store.getState().config);
    });
  }

  it('the credit kind starts with equation solving and the chat kind with task prompts', () => {
    expect(parseShareHash('#v=2&k=credit').config.attack.strategy).toBe('equationSolving');
    expect(parseShareHash('#v=2&k=chat').config.attack.strategy).toBe('taskPrompts');
    expect(parseShareHash('#v=2&k=chat').config.defense.output.mode).toBe('text');
  });
});

describe('a choice given for another kind', () => {
  it('is named and replaced by the kind default (link, config file, CLI)', () => {
    const fromLink = parseShareHash('#v=2&k=chat&a=jacobian');
    const fromFile = parseConfig({
      version: 2,
      scenario: { kind: 'chat' },
      attack: { strategy: 'jacobian' },
    });
    const fromCli = applyAssignments(defaultConfig(), [
      'scenario.kind=chat',
      'attack.strategy=jacobian',
    ]);
    for (const parsed of [fromLink, fromFile, fromCli]) {
      expect(parsed.issues.map((i) => i.field)).toEqual(['attack.strategy']);
      expect(parsed.issues[0]!.message).toContain('using taskPrompts');
      expect(parsed.config.attack.strategy).toBe('taskPrompts');
    }
  });

  it('is kept when the kind offers it (random points on the credit kind)', () => {
    const parsed = parseShareHash('#v=2&k=credit&a=random');
    expect(parsed.issues).toEqual([]);
    expect(parsed.config.attack.strategy).toBe('random');
  });

  it('a planar link is unchanged: the planar kind starts from the global defaults', () => {
    expect(parseShareHash('#v=1&d=xor').config.attack.strategy).toBe('random');
    expect(parseShareHash('#v=1&d=xor').config.defense.output.mode).toBe('probabilities');
  });
});

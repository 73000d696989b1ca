import { describe, expect, it } from 'vitest';
import {
  coveredBy,
  formatViewFlags,
  parseViewFlags,
  withViewFlags,
  NO_VIEW_FLAGS,
} from '../../src/classroom/viewFlags';
import { EMBED_PARTS } from '../../src/classroom/tour';
import { parseShareHash, viewPart } from '../../src/state/url';

describe('view flags', () => {
  it('reads lesson, step, embed parts, locks, hides and presenter mode beside the settings', () => {
    const { flags, issues } = parseViewFlags(
      '#v=1&q=300&lesson=watermarks&step=2&embed=maps,curve&lock=defense.output.mode,defense.watermark&hide=attack.accounts&present=1',
    );
    expect(issues).toEqual([]);
    expect(flags).toEqual({
      lesson: 'watermarks',
      step: 2,
      embed: ['maps', 'curve'],
      lock: ['defense.output.mode', 'defense.watermark'],
      hide: ['attack.accounts'],
      present: true,
    });
  });

  it('names each bad value and keeps the good ones', () => {
    const { flags, issues } = parseViewFlags(
      'embed=maps,chart&lock=defense.nothing,attack.queries&step=0&lesson=Bad Name',
    );
    expect(flags.embed).toEqual(['maps']);
    expect(flags.lock).toEqual(['attack.queries']);
    expect(flags.step).toBeNull();
    expect(flags.lesson).toBeNull();
    expect(issues).toEqual([
      'embed: "chart" is not a part of the lab (maps, curve, attacker-sees, ledger, frontier, detection, playback, attacker-panel, defender-panel)',
      'lock: "defense.nothing" is not a setting or a group of settings',
      'step="0" must be a step number from 1',
      'lesson="Bad Name" is not a lesson name (lower-case letters, digits, -)',
    ]);
  });

  it('reads embed=all (or a bare embed) as every part', () => {
    expect(parseViewFlags('embed=all').flags.embed).toEqual([...EMBED_PARTS]);
    expect(parseViewFlags('embed').flags.embed).toEqual([...EMBED_PARTS]);
    expect(parseViewFlags('v=1').flags.embed).toBeNull();
  });

  it('matches whole path segments only', () => {
    expect(coveredBy('defense.watermark.rate', ['defense'])).toBe(true);
    expect(coveredBy('defense.watermark.rate', ['defense.watermark'])).toBe(true);
    expect(coveredBy('defense.watermarkish', ['defense.watermark'])).toBe(false);
    expect(coveredBy('attack.queries', [])).toBe(false);
  });

  it('formats and replaces the view part, round-tripping through the parser', () => {
    const flags = {
      ...NO_VIEW_FLAGS,
      lesson: 'frontier',
      step: 3,
      lock: ['defense'],
      present: true,
    };
    expect(formatViewFlags(flags)).toBe('&lesson=frontier&step=3&lock=defense&present=1');
    const hash = withViewFlags('#v=1&q=300&lesson=old&step=9&embed=maps', flags);
    expect(hash).toBe('#v=1&q=300&lesson=frontier&step=3&lock=defense&present=1');
    expect(parseViewFlags(hash).flags).toEqual({ ...flags, embed: null, hide: [] });
    expect(withViewFlags('', NO_VIEW_FLAGS)).toBe('#');
  });
});

describe('share links keep the view keys out of the settings', () => {
  it('parses the settings without reporting view keys as unknown', () => {
    const parsed = parseShareHash(
      '#v=1&q=300&lesson=x&step=2&embed=maps&lock=attack&hide=seed&present=1',
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.config.attack.queries).toBe(300);
  });

  it('extracts the view part to carry it over when the settings are rewritten', () => {
    expect(viewPart('#v=1&q=300&lesson=x&step=2&zz=1')).toBe('&lesson=x&step=2');
    expect(viewPart('#v=1&q=300')).toBe('');
  });
});

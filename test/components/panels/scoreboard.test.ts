import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../../src/core/config';
import { scoreTiles } from '../../../src/components/panels/scoreboard';
import { fakeResult } from '../../state/fixtures';

/** A tile's lines as "value what" text, for readable expectations. */
const text = (tiles: ReturnType<typeof scoreTiles>, id: string) => {
  const tile = tiles.find((t) => t.id === id);
  if (!tile) return null;
  const lines = tile.lines.map((l) => [l.lead, l.value, l.what].filter(Boolean).join(' '));
  return { lines, note: tile.note.replace(/\u00a0/g, ' ') };
};

describe('scoreTiles', () => {
  it('an undefended run: the copy, the spend, "Nothing" for honest users, no evidence yet', () => {
    const result = fakeResult(defaultConfig(), { fidelity: 0.987 }); // 1,000 queries at $2.00 per 1,000
    const tiles = scoreTiles(result, result, null);
    // the owner's tile stays (saying "None") so switching a watermark on does not add a tile
    expect(tiles.map((t) => t.id)).toEqual(['copy', 'attacker', 'honest', 'owner']);
    expect(tiles[3]?.lines.map((l) => l.value)).toEqual(['None']);
    expect(tiles[3]?.note).toBe('watermark and detection are off');
    expect(text(tiles, 'copy')).toEqual({ lines: ['98.7% agreement'], note: '' });
    expect(text(tiles, 'attacker')).toEqual({
      lines: ['$2.00 spent'],
      note: '1,000 queries · 1 account · 1 day',
    });
    expect(text(tiles, 'honest')).toEqual({ lines: ['Nothing'], note: 'no defense is on' });
  });

  it('lists only the costs of the defenses that are on, and compares with the undefended run', () => {
    let config = setPath(defaultConfig(), 'defense.output.mode', 'noise');
    config = setPath(config, 'defense.detection.on', true);
    const result = fakeResult(config, { fidelity: 0.9 }); // drop 0.012, flagged 0.005
    const baseline = fakeResult(defaultConfig(), { fidelity: 0.98 });
    const tiles = scoreTiles(result, baseline, null);
    expect(text(tiles, 'honest')?.lines).toEqual(['\u22121.2 pts accuracy', '0.5% flagged']);
    expect(text(tiles, 'copy')?.note).toBe('98.0% without defenses');
  });

  it('names denied queries and banned accounts in the attacker note', () => {
    const config = setPath(setPath(defaultConfig(), 'attack.accounts', 3), 'attack.days', 2);
    const result = fakeResult(config);
    result.attacker = {
      ...result.attacker,
      queriesAnswered: 284,
      queriesDenied: 716,
      accountsBanned: 2,
    };
    expect(text(scoreTiles(result, null, null), 'attacker')?.note).toBe(
      '284 of 1,000 queries answered · 3 accounts, 2 banned · 2 days',
    );
  });

  it('follows the Play position for the copy (and the baseline), not for the costs', () => {
    const config = setPath(defaultConfig(), 'defense.rateLimit.on', true);
    const result = fakeResult(config, { slices: 4, fidelity: 0.8 }); // slice 1: 500 queries, 40%
    const baseline = fakeResult(defaultConfig(), { slices: 4, fidelity: 1 }); // slice 1: 50%
    const tiles = scoreTiles(result, baseline, 1);
    expect(text(tiles, 'copy')).toEqual({
      lines: ['40.0% agreement'],
      note: 'after 500 queries; final 80.0% · 50.0% without defenses',
    });
    expect(text(tiles, 'honest')?.lines).toEqual(['3.0% hit the daily limit']);
  });

  it("gives the owner's evidence: watermark verdict and the first alarm", () => {
    let config = setPath(defaultConfig(), 'defense.watermark.on', true);
    config = setPath(config, 'defense.detection.on', true);
    const result = fakeResult(config);
    result.watermark = {
      pValue: 3e-9,
      controlPValue: 0.6,
      matchRate: 0.9,
      baselineRate: 0.1,
      controlMatchRate: 0.1,
      controlBaselineRate: 0.1,
      watermarkedQueries: 12,
      shown: true,
      controlAccused: false,
    };
    const noSeries = { queries: [], w: [], alarmAt: null };
    result.detection = {
      flaggedAccounts: 1,
      firstAlarmAtQuery: 375,
      benignFlagged: 0,
      benignTested: 32,
      attackerSeries: noSeries,
      attackerAccounts: [],
      attackerTested: 0,
      benignSeries: noSeries,
    };
    const owner = scoreTiles(result, null, null).find((t) => t.id === 'owner');
    expect(owner?.lines.map((l) => [l.lead, l.value, l.what, l.tone])).toEqual([
      ['Watermark:', 'ownership shown', '(p = 3e-9)', 'good'],
      ['Detection:', 'alarm', '(first at query 376)', 'good'],
    ]);
    result.watermark = { ...result.watermark, pValue: 1, shown: false };
    result.detection = { ...result.detection, firstAlarmAtQuery: null };
    const later = scoreTiles(result, null, null).find((t) => t.id === 'owner');
    expect(later?.lines.map((l) => [l.value, l.tone])).toEqual([
      ['ownership not shown', 'bad'],
      ['never alarmed', 'bad'],
    ]);
  });

  it("gives campaign detection's bans as the owner's evidence", () => {
    const config = setPath(
      setPath(defaultConfig(), 'scenario.kind', 'chat'),
      'defense.campaign.on',
      true,
    );
    const result = fakeResult(config, { fidelity: 0.9 });
    const campaign = {
      flaggedAccounts: 90,
      attackerAccounts: 100,
      attackerAccountsFlagged: 0.9,
      honestAccounts: 200,
      honestFlagged: 0,
      groups: 3,
      answeredBeforeFlag: 1500,
      stoppedAfterDay: null,
      flaggedByDay: [90],
      honestFlaggedByDay: [0],
      coverPrompts: 0,
      projection: {} as never,
    };
    result.campaign = campaign;
    const owner = () => scoreTiles(result, null, null).find((t) => t.id === 'owner');
    expect(owner()?.lines.map((l) => [l.lead, l.value, l.what, l.tone])).toEqual([
      ['Campaign detection:', '90 of 100 accounts banned', '', 'good'],
    ]);
    result.campaign = { ...campaign, flaggedAccounts: 100, stoppedAfterDay: 1 };
    expect(owner()?.lines[0]?.what).toBe('(all by the end of day 2)');
    result.campaign = { ...campaign, flaggedAccounts: 0 };
    expect(owner()?.lines.map((l) => [l.value, l.tone])).toEqual([['no account flagged', 'bad']]);
  });
});

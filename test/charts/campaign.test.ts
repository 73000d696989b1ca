// The cluster picture's words and extents (src/charts/campaign.ts).
import { describe, expect, it } from 'vitest';
import { campaignSentence, paddedExtent, projectionCounts } from '../../src/charts/campaign';
import type { CampaignReport } from '../../src/core/defenses/campaign/report';

function report(overrides: Partial<CampaignReport> = {}): CampaignReport {
  return {
    flaggedAccounts: 93,
    attackerAccounts: 100,
    attackerAccountsFlagged: 0.93,
    honestAccounts: 200,
    honestFlagged: 1,
    groups: 4,
    answeredBeforeFlag: 400,
    stoppedAfterDay: null,
    flaggedByDay: [93, 93],
    honestFlaggedByDay: [1, 1],
    coverPrompts: 1000,
    projection: {
      x: [0, 1, 2, 3],
      y: [0, 1, 0, 1],
      attacker: [1, 1, 0, 0],
      flagged: [1, 0, 1, 0],
      explained: [0.5, 0.2],
      attackerAccounts: 2,
      honestAccounts: 2,
    },
    ...overrides,
  };
}

describe('campaignSentence', () => {
  it('says who was flagged, when, and whether the campaign was stopped', () => {
    expect(campaignSentence(report())).toBe(
      "93 of the attacker's 100 accounts flagged (93%); 1 of 200 honest accounts (0.5%). It got 400 prompts answered before its first account was flagged. The campaign was not stopped.",
    );
    expect(
      campaignSentence(
        report({ flaggedAccounts: 100, attackerAccountsFlagged: 1, stoppedAfterDay: 0 }),
      ),
    ).toContain('Every account it used was banned after day 1.');
  });

  it('says nothing of a first flag when nothing was flagged', () => {
    const text = campaignSentence(report({ flaggedAccounts: 0, attackerAccountsFlagged: 0 }));
    expect(text).not.toContain('before its first account');
    expect(text).toContain("0 of the attacker's 100 accounts flagged (0%)");
  });
});

describe('paddedExtent and projectionCounts', () => {
  it('pads the extent by 8% of the span each side; a unit box for nothing; a span of 1 for one value', () => {
    expect(paddedExtent([0, 10])).toEqual([-0.8, 10.8]);
    expect(paddedExtent([])).toEqual([-1, 1]);
    expect(paddedExtent([2, 2])).toEqual([1.92, 2.08]);
  });

  it('counts the shown accounts by side and flag', () => {
    expect(projectionCounts(report().projection)).toEqual([1, 1, 1, 1]);
  });
});

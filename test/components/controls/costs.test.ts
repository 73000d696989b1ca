import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../../src/core/config';
import { costBadge, formatPointsDrop } from '../../../src/components/controls/costs';
import { fakeResult } from '../../state/fixtures';

const withDefenses = (() => {
  let c = defaultConfig();
  c = setPath(c, 'defense.output.mode', 'noise');
  c = setPath(c, 'defense.rateLimit.on', true);
  c = setPath(c, 'defense.detection.on', true);
  return c;
})();

describe('costBadge', () => {
  it('says off for a defense that is off', () => {
    expect(costBadge('watermark', withDefenses, fakeResult(withDefenses))).toMatchObject({
      text: 'off',
      tone: 'off',
    });
  });

  it('reads the latest result: accuracy drop, blocked and flagged honest users', () => {
    const result = fakeResult(withDefenses); // drop 0.012, blocked 0.03, flagged 0.005
    expect(costBadge('output', withDefenses, result)).toMatchObject({
      text: '\u22121.2 pts accuracy',
      tone: 'low',
    });
    expect(costBadge('rateLimit', withDefenses, result)).toMatchObject({
      text: '3% hit the daily limit',
      tone: 'low',
    });
    expect(costBadge('detection', withDefenses, result).text).toBe('0.5% honest users flagged');
  });

  it('hidden reasoning (chat) shows the share of honest requests that lost the steps', () => {
    const chat = setPath(
      setPath(
        setPath(
          setPath(defaultConfig(), 'scenario.kind', 'chat'),
          'attack.strategy',
          'taskPrompts',
        ),
        'defense.output.mode',
        'text',
      ),
      'defense.chat.reasoning',
      'hidden',
    );
    const result = fakeResult(chat);
    result.defenseCost = { ...result.defenseCost, stepsDenied: 0.3 };
    expect(costBadge('chat', chat, result)).toMatchObject({
      text: '30% denied the steps',
      tone: 'high',
    });
    result.defenseCost = { ...result.defenseCost, stepsDenied: 0.01 };
    expect(costBadge('chat', chat, result).tone).toBe('low');
    const shown = setPath(chat, 'defense.chat.reasoning', 'shown');
    expect(costBadge('chat', shown, fakeResult(shown)).text).toBe('off');
  });

  it('marks high costs', () => {
    const result = fakeResult(withDefenses);
    result.defenseCost = {
      ...result.defenseCost,
      benignBlocked: 0.2,
      benignAccuracyDrop: 0.05,
      accuracyDropBy: { watermark: 0, output: 0.05 },
    };
    expect(costBadge('rateLimit', withDefenses, result).tone).toBe('high');
    expect(costBadge('output', withDefenses, result).tone).toBe('high');
  });

  it('gives the output defense and the watermark each its own share of the accuracy drop', () => {
    const config = setPath(withDefenses, 'defense.watermark.on', true);
    const result = fakeResult(config);
    result.defenseCost = {
      ...result.defenseCost,
      benignAccuracyDrop: 0.012,
      accuracyDropBy: { watermark: 0.01, output: 0.002 },
    };
    expect(costBadge('watermark', config, result).text).toBe('\u22121.0 pts accuracy');
    expect(costBadge('output', config, result).text).toBe('\u22120.2 pts accuracy');
    expect(costBadge('watermark', config, result).description).toContain('to this defense');
  });

  it('shows "measuring" while the result is for other defense settings, not for another attack', () => {
    const stronger = setPath(withDefenses, 'defense.output.sigma', 0.9);
    expect(costBadge('output', stronger, fakeResult(withDefenses)).tone).toBe('pending');
    expect(costBadge('output', withDefenses, null).tone).toBe('pending');
    const otherAttack = setPath(withDefenses, 'attack.queries', 20);
    expect(costBadge('output', otherAttack, fakeResult(withDefenses)).tone).toBe('low');
  });
});

describe('formatPointsDrop', () => {
  it.each([
    [0, '0.0 pts'],
    [0.0004, '0.0 pts'],
    [0.01, '\u22121.0 pts'],
    [0.012, '\u22121.2 pts'],
    [0.1, '\u221210 pts'],
    [0.256, '\u221226 pts'],
    [-0.01, '0.0 pts'],
  ])('%s -> %s', (drop, text) => expect(formatPointsDrop(drop)).toBe(text));
});

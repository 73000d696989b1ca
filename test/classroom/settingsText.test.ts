// Settings in the controls' words (exports, report): labels and choice names from the registry,
// switches as on/off, units in the singular for one; the key settings of a run and the caption
// that says how run A differs.
import { describe, expect, it } from 'vitest';
import { defaultConfig, FIELD_BY_PATH, setPath } from '../../src/core/config';
import {
  exportCaption,
  keySettings,
  keySettingsLine,
  settingValueText,
} from '../../src/classroom/settingsText';

const spec = (path: string) => FIELD_BY_PATH.get(path)!;

describe('settingValueText', () => {
  it.each([
    ['defense.rateLimit.on', true, 'on'],
    ['defense.rateLimit.on', false, 'off'],
    ['defense.output.mode', 'label', 'Label only'],
    ['attack.queries', 10000, '10,000 queries'],
    ['attack.queries', 1, '1 query'],
    ['attack.days', 1, '1 day'],
    ['attack.days', 7, '7 days'],
    ['defense.rateLimit.perDay', 1, '1 query/day'],
    ['attack.student.hidden', [16, 16], '16x16'],
    ['defense.watermark.rate', 0.123456, '0.1235'],
  ])('%s = %j reads "%s"', (path, value, text) => {
    expect(settingValueText(spec(path), value)).toBe(text);
  });
});

describe('keySettings', () => {
  it('names the attack, every defense of the kind and the seed', () => {
    expect(keySettingsLine(defaultConfig())).toBe(
      'Scenario: 2-D points · Dataset: Two moons · Strategy: Random points · ' +
        'Query budget: 1,000 queries · Accounts: 1 · Days: 1 day · ' +
        'API answers: Full probabilities (no defense) · Rate limit: off · Watermark: off · ' +
        'Detection (PRADA): off · Seed: 1',
    );
  });
  it("adds a defense's knobs when it is on", () => {
    const config = setPath(defaultConfig(), 'defense.rateLimit.on', true);
    const labels = keySettings(config).map((s) => s.label);
    expect(labels.indexOf('Per account per day')).toBe(labels.indexOf('Rate limit') + 1);
    expect(keySettings(defaultConfig()).map((s) => s.label)).not.toContain('Per account per day');
  });
  it("captions run A's differences beside run B's settings", () => {
    const b = setPath(defaultConfig(), 'defense.output.mode', 'label');
    const caption = exportCaption(b, defaultConfig());
    expect(caption).toContain('Run B (this run): Scenario: 2-D points');
    expect(caption).toContain('API answers: Label only');
    expect(caption.endsWith('Run A (pinned): API answers: Full probabilities (no defense)')).toBe(
      true,
    );
    expect(exportCaption(b, b).endsWith('Run A (pinned): the same settings')).toBe(true);
    expect(exportCaption(b, null)).toBe(keySettingsLine(b));
  });
});

import { describe, expect, it } from 'vitest';
import { ledgerSections } from '../../src/charts/ledger';
import { makeResult } from '../fixtures/charts';

function table(result = makeResult()) {
  return ledgerSections([result]).map((s) => [
    s.title,
    s.rows.map((r) => [r.label, r.value(result)]),
  ]);
}

describe('ledgerSections', () => {
  it('writes every number in words and units', () => {
    expect(table()).toEqual([
      [
        'The attacker',
        [
          ['Queries asked', '1,000'],
          ['Queries answered', '800 (cap 800)'],
          ['Queries denied', '200'],
          ['Accounts used / banned', '4 / 1'],
          ['Days', '2 days'],
          ['Money spent', '$3.60'],
        ],
      ],
      [
        'The stolen copy',
        [
          ['Fidelity (agrees with victim, held-out inputs)', '96.0%'],
          ['Fidelity on uniform inputs', '88.0%'],
          ['Copy’s accuracy', '93.0%'],
          ['Victim’s accuracy', '97.0%'],
        ],
      ],
      [
        'What honest users pay',
        [
          ['Honest users’ accuracy drop', '1.2 points'],
          ['Answer distortion (mean L1 distance, 0 to 2)', '0.084'],
          ['Honest accounts that hit the daily limit', '5.0%'],
          ['Honest accounts wrongly flagged', '1.0%'],
        ],
      ],
      [
        'Watermark (ownership test)',
        [
          ['Stolen copy', 'p = 3.2e-9: ownership shown'],
          ['Independent control model', 'p = 0.41: not accused'],
          ['Watermarked answers logged', '10'],
        ],
      ],
      [
        'Detection (PRADA)',
        [
          ['Attacker accounts flagged', '1'],
          ['First alarm', 'at query 121 (all accounts)'],
          ['Honest accounts flagged', '0 of 180 tested'],
        ],
      ],
    ]);
  });

  it('drops the watermark and detection sections when neither run used them', () => {
    const plain = makeResult({ watermark: null, detection: null });
    expect(ledgerSections([plain]).map((s) => s.title)).toEqual([
      'The attacker',
      'The stolen copy',
      'What honest users pay',
    ]);
    // ...but keeps them, marked off, when the other run of an A/B pair used them
    const sections = ledgerSections([plain, makeResult()]);
    const stolen = sections[3]?.rows[0];
    expect(stolen?.value(plain)).toBe('watermark off');
  });

  it('colours only verdicts: shown is good, an accused control is bad', () => {
    const accused = makeResult();
    if (accused.watermark)
      accused.watermark = { ...accused.watermark, controlAccused: true, shown: false };
    const [stolen, control] = ledgerSections([accused])[3]?.rows ?? [];
    expect(stolen?.tone?.(makeResult())).toBe('good');
    expect(stolen?.tone?.(accused)).toBe('neutral');
    expect(control?.tone?.(accused)).toBe('bad');
  });
});

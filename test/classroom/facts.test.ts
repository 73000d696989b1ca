import { describe, expect, it } from 'vitest';
import {
  fillTemplate,
  isFactPath,
  lessonFacts,
  needsRun,
  placeholders,
  RUN_FACTS,
  runFacts,
} from '../../src/classroom/facts';
import { defaultConfig, setPath } from '../../src/core/config';
import { fakeResult } from '../state/fixtures';

describe('lesson facts', () => {
  it('lists exactly the facts runFacts produces', () => {
    expect(Object.keys(runFacts(fakeResult())).sort()).toEqual([...RUN_FACTS].sort());
  });

  it('fills templates from the run, the baseline and the pinned run, with formats', () => {
    const config = setPath(defaultConfig(), 'attack.queries', 16000);
    const result = fakeResult(config, { fidelity: 0.987 });
    const baseline = fakeResult(config, { fidelity: 0.5 });
    const facts = lessonFacts({ result, baseline, pinned: null });
    expect(
      fillTemplate(
        '{student.fidelity:%} vs {baseline.student.fidelity:%0}; {attacker.queriesAsked:int} queries for {attacker.costUSD:usd}; drop {defenseCost.benignAccuracyDrop:pts}; L1 {defenseCost.distortion:2}; budget {config.attack.queries}; A {A.student.fidelity:%}',
        facts,
      ),
    ).toBe('98.7% vs 50%; 16,000 queries for $32.00; drop 1.2 points; L1 0.05; budget 16,000; A –');
  });

  it('writes yes/no, p-values and a dash for facts the run does not have', () => {
    const result = fakeResult();
    result.watermark = {
      pValue: 9.4e-12,
      controlPValue: 0.47,
      matchRate: 0.24,
      baselineRate: 0.03,
      controlMatchRate: 0.04,
      controlBaselineRate: 0.04,
      watermarkedQueries: 92,
      shown: true,
      controlAccused: false,
    };
    const facts = lessonFacts({ result });
    expect(
      fillTemplate('{watermark.pValue:p} {watermark.shown} {watermark.controlAccused}', facts),
    ).toBe('p = 9.4e-12 yes no');
    expect(fillTemplate('{detection.flaggedAccounts:int}', facts)).toBe('–');
  });

  it('knows which paths are facts and which texts need the comparison runs', () => {
    expect(isFactPath('baseline.student.fidelity')).toBe(true);
    expect(isFactPath('A.watermark.pValue')).toBe(true);
    expect(isFactPath('B.student.fidelity')).toBe(false);
    expect(placeholders('{a.b:%} and {c}')).toEqual([
      { path: 'a.b', format: '%' },
      { path: 'c', format: undefined },
    ]);
    expect(needsRun('x {baseline.student.fidelity:%}', 'baseline.')).toBe(true);
    expect(needsRun('x {student.fidelity:%}', 'A.')).toBe(false);
  });
});

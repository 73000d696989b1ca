// The latency marks stay bounded: one change's marks and one measure at most (issue 15).
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHANGE_MEASURE,
  markInput,
  markRender,
  markResult,
  type ChangeDetail,
} from '../../../src/components/controls/marks';

afterEach(() => {
  performance.clearMarks();
  performance.clearMeasures();
});

describe('latency marks', () => {
  it('measures a change from input to render and clears its marks', () => {
    markInput('attack.queries');
    markResult(12);
    markRender();
    const measures = performance.getEntriesByName(CHANGE_MEASURE);
    expect(measures).toHaveLength(1);
    const detail = (measures[0] as PerformanceMeasure).detail as ChangeDetail;
    expect(detail.field).toBe('attack.queries');
    expect(detail.workerMs).toBe(12);
    expect(detail.arrivalMs).toBeGreaterThanOrEqual(0);
    expect(measures[0]!.duration).toBeGreaterThanOrEqual(detail.arrivalMs);
    expect(performance.getEntriesByType('mark')).toHaveLength(0);
  });

  it('holds at most three marks and one measure over 500 changes, bursts and unmeasured ones', () => {
    let most = 0;
    for (let i = 0; i < 500; i++) {
      markInput(`field${i % 7}`);
      if (i % 3 === 0) markInput('burst'); // a second change before the run
      if (i % 5 !== 0) markResult(i);
      if (i % 11 !== 0) markRender();
      most = Math.max(most, performance.getEntriesByType('mark').length);
    }
    expect(most).toBeLessThanOrEqual(3);
    expect(performance.getEntriesByType('measure')).toHaveLength(1);
  });

  it('a render with no change before it (the first run) measures nothing', () => {
    markResult(5);
    markRender();
    expect(performance.getEntriesByType('measure')).toHaveLength(0);
    expect(performance.getEntriesByType('mark')).toHaveLength(0);
  });
});

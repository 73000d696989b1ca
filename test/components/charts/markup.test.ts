// @vitest-environment happy-dom
// Snapshots of the charts' SVG markup on fixed data: any change to what is drawn shows up in review.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import LearningCurve from '../../../src/components/charts/LearningCurve.svelte';
import FrontierPanel from '../../../src/components/charts/FrontierPanel.svelte';
import { frontierSeries } from '../../../src/charts/frontier';
import DetectionTimeline from '../../../src/components/charts/DetectionTimeline.svelte';
import DecisionMap from '../../../src/components/charts/DecisionMap.svelte';
import { QUERY_STATUS } from '../../../src/core/types';
import {
  makeCurve,
  makeDetection,
  makeLevel,
  makeSweep,
  makeTrace,
  splitGrid,
} from '../../fixtures/charts';

afterEach(cleanup);

/**
 * The chart's SVG without Svelte's style-scoping hashes (they change with any CSS edit) and its
 * empty anchor comments (they change with how the template is split into components).
 */
function svgMarkup(container: HTMLElement): string {
  const svg = container.querySelector('svg.chart-svg');
  return (svg?.outerHTML ?? '').replace(/ ?svelte-[a-z0-9]+/g, '').replace(/<!---->/g, '');
}

describe('chart markup', () => {
  it('LearningCurve', () => {
    const { container } = render(LearningCurve, {
      curve: makeCurve([10, 100, 1000]),
      pinned: makeCurve([10, 100, 1000], 0.9),
      sliceIndex: 1,
    });
    expect(svgMarkup(container)).toMatchSnapshot();
  });

  it('Frontier', () => {
    const sweep = makeSweep('defense.output.sigma', [
      makeLevel(0, 'σ 0', 0.96, { drop: 0 }),
      makeLevel(0.4, 'σ 0.4', 0.9, { drop: 0.02 }, 0.01),
    ]);
    const { container } = render(FrontierPanel, {
      series: frontierSeries([sweep], 'benignAccuracyDrop'),
      measure: 'benignAccuracyDrop',
      yDomain: [0.5, 1],
      title: 'What each defense costs',
    });
    expect(svgMarkup(container)).toMatchSnapshot();
  });

  it('DetectionTimeline', () => {
    const { container } = render(DetectionTimeline, { detection: makeDetection(), delta: 0.9 });
    expect(svgMarkup(container)).toMatchSnapshot();
  });

  it('DecisionMap', () => {
    const { container } = render(DecisionMap, {
      grid: splitGrid(4, 0),
      compareGrid: splitGrid(4, 1),
      showDisagreement: true,
      title: 'Student',
      queries: makeTrace([
        [1, 1, QUERY_STATUS.answered, 1, 1],
        [-1, 0, QUERY_STATUS.banned, 255, 0],
      ]),
    });
    expect(svgMarkup(container)).toMatchSnapshot();
  });
});

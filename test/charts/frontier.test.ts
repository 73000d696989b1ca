import { linearTicks } from '../../src/charts/scales';
import { scaleLinear } from '../../src/charts/numericScale';
import { describe, expect, it } from 'vitest';
import { COST_MEASURES, costSpec } from '../../src/charts/costs';
import {
  costPanels,
  frontierSeries,
  PANEL_MEASURE,
  panelSeries,
  labelOrder,
  placeLabels,
  spreadExtent,
  styleIndex,
} from '../../src/charts/frontier';
import { DEFENSES, defensesFor, KINDS, knobsFor } from '../../src/core/registry/meta';
import { makeLevel, makeSweep } from '../fixtures/charts';

const sigma = makeSweep('defense.output.sigma', [
  makeLevel(0, 'σ 0', 0.96, { drop: 0, distortion: 0 }),
  makeLevel(0.4, 'σ 0.4', 0.9, { drop: 0.02, distortion: 0.3 }, 0.01),
  makeLevel(0.8, 'σ 0.8', NaN, { drop: 0.05, distortion: 0.6 }),
]);

describe('frontierSeries', () => {
  it('takes the chosen cost, names the knob from the schema and skips non-finite levels', () => {
    const [series] = frontierSeries([sigma], 'distortion');
    expect(series?.name).toBe('Gaussian noise');
    expect(series?.points.map((p) => [p.label, p.cost.mean, p.fidelity.mean])).toEqual([
      ['σ 0', 0, 0.96],
      ['σ 0.4', 0.3, 0.9],
    ]);
  });
  it('uses given names before the schema', () => {
    const [series] = frontierSeries([sigma], 'distortion', { 'defense.output.sigma': 'Noise' });
    expect(series?.name).toBe('Noise');
  });
  it('spreadExtent covers mean ± std', () => {
    const series = frontierSeries([sigma], 'distortion');
    expect(spreadExtent(series, 'cost')).toEqual([0, 0.31]);
    const fid = spreadExtent(series, 'fidelity');
    expect(fid?.[0]).toBeCloseTo(0.89, 12);
    expect(fid?.[1]).toBeCloseTo(0.96, 12);
    expect(spreadExtent([], 'cost')).toBeNull();
  });
});

describe('cost measures', () => {
  it('cover the four DefenseCost fields with units', () => {
    expect(COST_MEASURES.map((m) => m.measure)).toEqual([
      'benignAccuracyDrop',
      'distortion',
      'benignBlocked',
      'falsePositives',
    ]);
    expect(costSpec('benignAccuracyDrop').text(0.012)).toBe('1.2 points');
    expect(costSpec('benignAccuracyDrop').tick(0.012, 0.002)).toBe('1.2');
    expect(costSpec('benignBlocked').text(0.05)).toBe('5.0%');
    expect(costSpec('falsePositives').axis).toBe('Honest accounts wrongly flagged (%)');
  });

  it('label ticks so that neighbours differ, however narrow the axis', () => {
    // a chat run's distortion axis spans [0, 0.01]: two decimals read 0, 0, 0, 0.01, 0.01, 0.01
    for (const measure of COST_MEASURES) {
      for (const top of [0.001, 0.01, 0.05, 0.3, 1, 2]) {
        const ticks = linearTicks(scaleLinear().domain([0, top]).nice(), 6, measure.tick);
        const labels = ticks.map((t) => t.label);
        expect(new Set(labels).size, `${measure.measure} on [0, ${top}]: ${labels}`).toBe(
          labels.length,
        );
      }
    }
    expect(costSpec('distortion').tick(0.004, 0.002)).toBe('0.004');
    expect(costSpec('distortion').tick(0.4, 0.2)).toBe('0.4');
    expect(costSpec('benignBlocked').tick(0.004, 0.002)).toBe('0.4');
    expect(costSpec('benignBlocked').tick(0.0005, 0.0005)).toBe('0.05');
  });
});

describe('costPanels: every defense in the panel of each cost it moves (from the registry)', () => {
  it('every registered defense declares at least one honest-user cost', () => {
    for (const defense of DEFENSES) {
      expect(defense.costs.length, `${defense.id} declares no cost`).toBeGreaterThan(0);
      for (const cost of defense.costs) expect(PANEL_MEASURE[cost]).toBeDefined();
    }
  });

  for (const { id: kind } of KINDS) {
    it(`${kind}: each knob lands in exactly the panels of its defense's costs`, () => {
      const panels = costPanels(kind);
      for (const knob of knobsFor(kind)) {
        const defense = defensesFor(kind).find((d) => d.id === knob.defense)!;
        const inPanels = panels.filter((p) => p.knobs.includes(knob)).map((p) => p.cost);
        expect(inPanels, knob.name).toEqual(
          panels.map((p) => p.cost).filter((c) => defense.costs.includes(c)),
        );
        expect(new Set(inPanels), knob.name).toEqual(new Set(defense.costs));
      }
      // no panel without a knob
      for (const panel of panels) expect(panel.knobs.length).toBeGreaterThan(0);
    });
  }

  it('planar: the rate limit only in "blocked", detection only in "flagged", never at x = 0 of accuracy', () => {
    const panels = costPanels('planar');
    const where = (name: string) =>
      panels.filter((p) => p.knobs.some((k) => k.name === name)).map((p) => p.cost);
    expect(where('defense.rateLimit.perDay')).toEqual(['benignBlocked']);
    expect(where('defense.detection.delta')).toEqual(['falsePositives']);
    expect(where('defense.output.sigma')).toEqual(['accuracyDrop', 'distortion']);
    expect(where('defense.watermark.rate')).toEqual(['accuracyDrop', 'distortion']);
  });

  it('chat: hidden reasoning and the elicitation filter share a panel of their own (steps withheld)', () => {
    const panels = costPanels('chat');
    const steps = panels.find((p) => p.cost === 'stepsDenied');
    expect(steps?.knobs.map((k) => k.name)).toEqual([
      'defense.chat.reasoning',
      'defense.elicitation.recall',
    ]);
    expect(steps?.measure).toBe('stepsDenied');
  });

  it("panelSeries keeps a knob's style across panels and picks only the panel's knobs", () => {
    const [accuracy, distortion] = costPanels('planar');
    const a = panelSeries(accuracy!, [sigma], 'planar');
    const d = panelSeries(distortion!, [sigma], 'planar');
    expect(a[0]?.style).toBe(styleIndex('planar', 'defense.output.sigma'));
    expect(d[0]?.style).toBe(a[0]?.style);
    const blocked = costPanels('planar').find((p) => p.cost === 'benignBlocked')!;
    expect(panelSeries(blocked, [sigma], 'planar')).toEqual([]);
  });
});

describe('placeLabels', () => {
  const options = { charWidth: 5, lineHeight: 10, gap: 4, width: 200 };
  it('puts a label right of its point, or left when the right is taken, or leaves it out', () => {
    const sides = placeLabels(
      [
        { x: 50, y: 50, text: 'aaaa' }, // right: [54, 74]
        { x: 60, y: 52, text: 'bb' }, // right [64, 74] overlaps; left [46, 56] overlaps too
        { x: 100, y: 52, text: 'cc' },
        { x: 198, y: 100, text: 'dd' }, // right would leave the plot
      ],
      options,
    );
    expect(sides).toEqual(['right', null, 'right', 'left']);
  });
  it('keeps clear of occupied boxes and follows the given order', () => {
    const labels = [
      { x: 50, y: 50, text: 'aaaa' },
      { x: 60, y: 52, text: 'bb' },
    ];
    expect(placeLabels(labels, { ...options, order: [1, 0] })).toEqual(['left', 'right']);
    expect(placeLabels(labels, { ...options, occupied: [[0, 0, 200, 200]] })).toEqual([null, null]);
  });
  it("labelOrder: each series' strongest level, then its weakest, then the middle", () => {
    expect(labelOrder([3, 2, 1])).toEqual([2, 4, 5, 0, 3, 1]);
  });
});

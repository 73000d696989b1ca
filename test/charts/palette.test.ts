import { describe, expect, it } from 'vitest';
import { MAX_ALPHA, MAX_ALPHA_DARK } from '../../src/charts/heatmap';
import fc from 'fast-check';
import { rgb } from 'd3-color';
import {
  CLASS_COLOURS_DARK,
  CLASS_COLOURS_LIGHT,
  mix,
  parseColour,
  relativeLuminance,
  type Rgb,
} from '../../src/charts/palette';
import { deltaE76, simulateDeficiency, type Deficiency } from '../../src/charts/colourVision';

const rgbOf = (hex: string): Rgb => {
  const c = parseColour(hex);
  if (!c) throw new Error(`bad colour ${hex}`);
  return c;
};

/** Smallest CIE76 difference over all pairs, as a viewer with `deficiency` sees them. */
function minPairDelta(colours: Rgb[], deficiency: Deficiency | null): number {
  const seen = colours.map((c) => (deficiency ? simulateDeficiency(c, deficiency) : c));
  let least = Infinity;
  for (let i = 0; i < seen.length; i++) {
    for (let j = i + 1; j < seen.length; j++) {
      least = Math.min(least, deltaE76(seen[i] as Rgb, seen[j] as Rgb));
    }
  }
  return least;
}

/**
 * Thresholds: CIE76 differences above ~10 are obvious side by side; categorical map colours need
 * far more. We ask 40 for the full colours (a classic red/green pair fails this under deuteranopia
 * and protanopia, see the control below) and 20 for the same colours mixed onto the panel at the
 * opacity of a confident region of the decision map (MAX_ALPHA) and at 50%.
 */
const FULL = 40;
const HALF = 20;

describe('Okabe-Ito class colours under colour-vision deficiency (Machado et al. 2009)', () => {
  const themes = [
    ['light', CLASS_COLOURS_LIGHT, '#ffffff'],
    ['dark', CLASS_COLOURS_DARK, '#1b1e23'],
  ] as const;
  for (const [theme, palette, panel] of themes) {
    for (const deficiency of [null, 'deuteranopia', 'protanopia'] as const) {
      it(`${theme} theme, ${deficiency ?? 'typical vision'}: every pair stays apart`, () => {
        const colours = palette.map(rgbOf);
        expect(minPairDelta(colours, deficiency)).toBeGreaterThan(FULL);
        // a confident region of the map, and a half-confident one
        for (const alpha of [theme === 'dark' ? MAX_ALPHA_DARK : MAX_ALPHA, 0.5]) {
          const mixed = colours.map((c) => mix(rgbOf(panel), c, alpha));
          expect(minPairDelta(mixed, deficiency)).toBeGreaterThan(HALF);
        }
      });
    }
  }

  it('control: a red/green pair fails the same test, so the test can fail', () => {
    const redGreen = [rgbOf('#ff0000'), rgbOf('#00a000')];
    expect(minPairDelta(redGreen, null)).toBeGreaterThan(FULL);
    expect(minPairDelta(redGreen, 'deuteranopia')).toBeLessThan(FULL);
    expect(minPairDelta(redGreen, 'protanopia')).toBeLessThan(FULL);
  });

  it('known weakness, recorded: under tritanopia (about 1 in 10,000) blue and bluish green come close', () => {
    const colours = CLASS_COLOURS_LIGHT.map(rgbOf);
    const d = minPairDelta(colours, 'tritanopia');
    expect(d).toBeGreaterThan(10);
    expect(d).toBeLessThan(FULL);
  });
});

describe('colour maths', () => {
  it('leaves greys unchanged under simulation (the matrices preserve the achromatic axis)', () => {
    for (const deficiency of ['deuteranopia', 'protanopia', 'tritanopia'] as const) {
      const grey = simulateDeficiency([128, 128, 128], deficiency);
      grey.forEach((channel) => expect(channel).toBeCloseTo(128, 0));
    }
  });
  it('measures known differences and luminances', () => {
    expect(deltaE76([0, 0, 0], [255, 255, 255])).toBeCloseTo(100, 0);
    expect(deltaE76([10, 20, 30], [10, 20, 30])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 9);
    expect(relativeLuminance([0, 0, 0])).toBe(0);
  });
  it('mixes like a canvas composites', () => {
    expect(mix([0, 0, 0], [200, 100, 50], 0.5)).toEqual([100, 50, 25]);
  });
  it('parses CSS colours and rejects garbage', () => {
    expect(parseColour('#0072b2')).toEqual([0, 114, 178]);
    expect(parseColour(' rgb(1, 2, 3) ')).toEqual([1, 2, 3]);
    expect(parseColour('')).toBeNull();
    expect(parseColour('not-a-colour')).toBeNull();
    expect(parseColour('#0072')).toEqual([0, 0, 119]);
    expect(parseColour('rgb(10% 20% 30% / 0.5)')).toEqual([25.5, 51, 76.5]);
    expect(parseColour('rgb(1, 2)')).toBeNull();
  });

  it('reads hex and rgb() colours as d3-color does', () => {
    const byte = fc.integer({ min: 0, max: 255 });
    const hex = (v: number) => v.toString(16).padStart(2, '0');
    fc.assert(
      fc.property(byte, byte, byte, fc.integer({ min: 0, max: 4 }), (r, g, b, form) => {
        const css = [
          `#${hex(r)}${hex(g)}${hex(b)}`,
          `#${hex(r)}${hex(g)}${hex(b)}${hex(g)}`,
          `rgba(${r},${g},${b},${(b % 3) / 2})`,
          `rgb(${r}, ${g}, ${b})`,
          `rgba(${r},${g},${b},0.5)`,
        ][form] as string;
        const theirs = rgb(css);
        const expected = Number.isNaN(theirs.r) ? null : [theirs.r, theirs.g, theirs.b];
        expect(parseColour(css)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

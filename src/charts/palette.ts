/**
 * Colours of the charts: the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), chosen
 * because its eight colours stay apart for the common colour-vision deficiencies, plus a simulator of
 * those deficiencies (Machado, Oliveira & Fernandes 2009, severity 1.0, applied in linear sRGB) and
 * the CIE 1976 colour difference, so a test can check the claim instead of trusting it.
 */
import { lab, rgb } from 'd3-color';

/** The eight Okabe-Ito colours (sRGB hex). */
export const OKABE_ITO = {
  orange: '#e69f00',
  skyBlue: '#56b4e9',
  bluishGreen: '#009e73',
  yellow: '#f0e442',
  blue: '#0072b2',
  vermillion: '#d55e00',
  reddishPurple: '#cc79a7',
  black: '#000000',
} as const;

/** Class colours, same as --class-0..2 in src/styles/global.css (light theme / dark theme). */
export const CLASS_COLOURS_LIGHT = [OKABE_ITO.orange, OKABE_ITO.blue, OKABE_ITO.bluishGreen];
export const CLASS_COLOURS_DARK = [OKABE_ITO.orange, OKABE_ITO.skyBlue, OKABE_ITO.bluishGreen];

/** Colours for series that are not classes (one line per defense knob, run A / run B). */
export const SERIES_COLOURS = [
  OKABE_ITO.vermillion,
  OKABE_ITO.blue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.orange,
];

/** Extra class colours when a scenario has more classes than the CSS defines. */
const CLASS_FALLBACK = [
  OKABE_ITO.orange,
  OKABE_ITO.blue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.yellow,
];

export type Rgb = [number, number, number];

/** Parses any CSS colour d3-color understands to 0..255 sRGB; null when it cannot. */
export function parseColour(css: string): Rgb | null {
  const text = css.trim();
  if (text === '') return null;
  const c = rgb(text);
  if (!Number.isFinite(c.r) || !Number.isFinite(c.g) || !Number.isFinite(c.b)) return null;
  return [c.r, c.g, c.b];
}

/** The default colour of class `index` (light theme), cycling when there are many classes. */
export function fallbackClassColour(index: number): string {
  return CLASS_FALLBACK[index % CLASS_FALLBACK.length] ?? OKABE_ITO.black;
}

/**
 * Reads `--class-0..` from the computed style of `element` (so the colours follow the theme the
 * element actually sees), falling back to the Okabe-Ito defaults for missing variables.
 */
export function readClassColours(element: Element, classes: number): Rgb[] {
  const style = getComputedStyle(element);
  const colours: Rgb[] = [];
  for (let i = 0; i < classes; i++) {
    const css = style.getPropertyValue(`--class-${i}`);
    colours.push(parseColour(css) ?? parseColour(fallbackClassColour(i)) ?? [0, 0, 0]);
  }
  return colours;
}

/** Reads one colour variable (e.g. '--panel') from `element`, or parses `fallback`. */
export function readColourVariable(element: Element, name: string, fallback: string): Rgb {
  const css = getComputedStyle(element).getPropertyValue(name);
  return parseColour(css) ?? parseColour(fallback) ?? [0, 0, 0];
}

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

/**
 * Machado et al. 2009, Table 1 at severity 1.0: 3x3 matrices on linear sRGB (row-major).
 * Their model is physiologically based and is the one Chrome DevTools and Firefox use.
 */
const MACHADO_2009: Record<Deficiency, readonly number[]> = {
  protanopia: [
    0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998,
  ],
  deuteranopia: [
    0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881,
  ],
  tritanopia: [
    1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039,
  ],
};

/** sRGB transfer function (IEC 61966-2-1): 0..255 -> linear 0..1, and back. */
function toLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
function fromLinear(linear: number): number {
  const c = Math.min(1, Math.max(0, linear));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
}

/** How a colour looks to a dichromat (Machado et al. 2009): sRGB in, sRGB out. */
export function simulateDeficiency(colour: Rgb, deficiency: Deficiency): Rgb {
  const m = MACHADO_2009[deficiency];
  const lin = colour.map(toLinear);
  const out: number[] = [];
  for (let row = 0; row < 3; row++) {
    let sum = 0;
    for (let col = 0; col < 3; col++) sum += (m[row * 3 + col] ?? 0) * (lin[col] ?? 0);
    out.push(fromLinear(sum));
  }
  return [out[0] ?? 0, out[1] ?? 0, out[2] ?? 0];
}

/** CIE 1976 colour difference: Euclidean distance in CIELAB (d3-color's lab). */
export function deltaE76(a: Rgb, b: Rgb): number {
  const la = lab(rgb(a[0], a[1], a[2]));
  const lb = lab(rgb(b[0], b[1], b[2]));
  return Math.hypot(la.l - lb.l, la.a - lb.a, la.b - lb.b);
}

/** WCAG 2 relative luminance of an sRGB colour (0 = black, 1 = white). */
export function relativeLuminance(colour: Rgb): number {
  const [r, g, b] = colour.map(toLinear);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** Mixes `over` onto `under` with opacity `alpha` (straight sRGB compositing, as a canvas does). */
export function mix(under: Rgb, over: Rgb, alpha: number): Rgb {
  return [
    under[0] + (over[0] - under[0]) * alpha,
    under[1] + (over[1] - under[1]) * alpha,
    under[2] + (over[2] - under[2]) * alpha,
  ];
}

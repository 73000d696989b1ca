/**
 * Colours of the charts: the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), chosen
 * because its eight colours stay apart for the common colour-vision deficiencies, plus a simulator of
 * a simulator of colour-vision deficiencies and the CIE 1976 colour difference in
 * ./colourVision.ts, so a test can check the claim instead of trusting it.
 */

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

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTIONAL = /^rgba?\(\s*([^)]*)\)$/i;

/** One rgb() channel: a number 0..255 or a percentage (rounded as d3-color does). */
function channel(text: string): number {
  const percent = text.endsWith('%');
  const value = Number(percent ? text.slice(0, -1) : text);
  return percent ? (value * 255) / 100 : value;
}

/**
 * Parses a CSS colour in the forms the lab's styles and palettes write (#rgb, #rrggbb, with or
 * without alpha, and rgb()/rgba() with commas or spaces) to 0..255 sRGB; null for a transparent
 * colour (as d3-color, whose channels are then NaN) and for anything else (named colours included). Hand-written so the first load does not carry
 * d3-color's parser and its table of 148 named colours; test/charts/palette.test.ts checks it
 * against d3-color on random colours.
 */
export function parseColour(css: string): Rgb | null {
  const text = css.trim();
  const hex = HEX.exec(text)?.[1];
  if (hex) {
    const short = hex.length <= 4;
    const at = (i: number) =>
      short ? parseInt(hex.charAt(i).repeat(2), 16) : parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    if (hex.length % 4 === 0 && at(3) === 0) return null; // transparent
    return [at(0), at(1), at(2)];
  }
  const args = FUNCTIONAL.exec(text)?.[1];
  if (args === undefined) return null;
  const parts = args.split(/\s*[,/]\s*|\s+/).filter((part) => part !== '');
  if (parts.length < 3 || parts.length > 4) return null;
  const rgb = parts.slice(0, 3).map(channel);
  if (!rgb.every(Number.isFinite)) return null;
  const alpha = parts[3] === undefined ? 1 : channel(parts[3]) / (parts[3].endsWith('%') ? 255 : 1);
  if (!(alpha > 0)) return null; // transparent
  return [rgb[0] ?? 0, rgb[1] ?? 0, rgb[2] ?? 0];
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

/** sRGB transfer function (IEC 61966-2-1): 0..255 -> linear 0..1. */
export function toLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
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

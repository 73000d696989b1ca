/**
 * Colour vision, for the tests that check the palettes: how a colour looks with a colour-vision
 * deficiency (Machado, Oliveira & Fernandes 2009, severity 1.0, applied in linear sRGB) and the
 * CIE 1976 colour difference. Not on the page (d3-color's CIELAB stays out of the first load).
 */
import { lab, rgb } from 'd3-color';
import { toLinear, type Rgb } from './palette';

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

/** The sRGB transfer function back (IEC 61966-2-1): linear 0..1 -> 0..255. */
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

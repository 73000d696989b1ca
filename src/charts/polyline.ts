/**
 * The SVG path of a polyline: straight segments through the points in order. Written by hand
 * rather than with d3-shape's `line()` because it is all the always-visible learning curve needs,
 * and importing d3-shape put its whole module (line, area, symbols, curves: about 4 KB gzip) into
 * the page's first JavaScript. Charts that need curves or symbols (the frontier) load on demand and
 * use d3-shape.
 */

/** A coordinate to a thousandth of a pixel. */
const round = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * "M x0,y0 L x1,y1 …" through the points, or "" for none. Coordinates are rounded to three
 * decimals of a pixel (as d3-shape's `line()` does by default), so the path is the same string.
 * @param points the points in drawing order
 * @param x the horizontal pixel position of a point
 * @param y the vertical pixel position of a point
 */
export function polylinePath<P>(
  points: readonly P[],
  x: (point: P) => number,
  y: (point: P) => number,
): string {
  let path = '';
  for (const point of points)
    path += `${path === '' ? 'M' : 'L'}${round(x(point))},${round(y(point))}`;
  return path;
}

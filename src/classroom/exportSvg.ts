/**
 * Chart export: serialises a chart on the page as a standalone SVG file. The strict CSP allows no
 * style attributes, and an exported file has no stylesheet, so every element's computed style is
 * written as SVG presentation attributes (fill="rgb(...)", font-size="11px"). Canvas layers (the
 * decision maps' heatmaps) become <image> elements holding a PNG data URL at their place under the
 * SVG. The chart's HTML legend is redrawn under it and the run's key settings are written under
 * its title (exportLegend.ts), so the file stands on its own. The document is passed in (never a
 * global), so tests can run it in happy-dom.
 */
import { GLYPH_EM, drawLegend, drawLines, legendItems, wrapText } from './exportLegend';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Computed properties copied as presentation attributes (the ones the charts' CSS sets). */
export const PRESENTATION_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'shape-rendering',
  'visibility',
] as const;

export interface ExportedSvg {
  /** the SVG file's text, with an XML declaration */
  text: string;
  width: number;
  height: number;
}

export interface ChartExportOptions {
  /** title drawn above the chart (defaults to the figure's caption) */
  title?: string;
  /** background colour of the file (defaults to the page's computed background) */
  background?: string;
  /** a line under the title saying what the chart shows: the run's key settings (wrapped) */
  caption?: string;
  /** redraw the chart's legend under it (default true) */
  legend?: boolean;
}

/** margin around everything in the file, px */
const PAD = 10;
/** the narrowest file, px (a legend and a caption need room even under a small chart) */
const MIN_WIDTH = 360;

/** Copies computed styles of `source` and its descendants onto the parallel nodes of `target`. */
export function inlineStyles(view: Window, source: Element, target: Element): void {
  const sources = [source, ...source.querySelectorAll('*')];
  const targets = [target, ...target.querySelectorAll('*')];
  const removed: Element[] = [];
  sources.forEach((from, i) => {
    const to = targets[i];
    if (!to) return;
    const style = view.getComputedStyle(from);
    if (style.getPropertyValue('display') === 'none') {
      removed.push(to);
      return;
    }
    for (const property of PRESENTATION_PROPERTIES) {
      const value = style.getPropertyValue(property).trim();
      if (value !== '') to.setAttribute(property, value);
    }
    to.removeAttribute('style');
  });
  for (const node of removed) node.remove();
}

/** The chart's main SVG: the first `svg.chart-svg` of the figure (legend swatches are skipped). */
export function chartSvgOf(figure: Element): SVGSVGElement | null {
  return figure.querySelector<SVGSVGElement>('svg.chart-svg');
}

function numberAttribute(element: Element, name: string, fallback: number): number {
  const value = Number(element.getAttribute(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Serialises the chart in `figure` (a `.chart-figure` element): its title, its canvas layers and
 * its SVG with styles inlined. Returns null when the figure holds no chart SVG.
 */
export function exportChartSvg(
  doc: Document,
  figure: Element,
  options: ChartExportOptions = {},
): ExportedSvg | null {
  const view = doc.defaultView;
  const chart = chartSvgOf(figure);
  if (!view || !chart) return null;
  const box = chart.getBoundingClientRect();
  const chartWidth = numberAttribute(chart, 'width', box.width || 400);
  const chartHeight = numberAttribute(chart, 'height', box.height || 300);
  const title =
    options.title ?? figure.querySelector('figcaption, .chart-title')?.textContent?.trim() ?? '';
  const width = Math.ceil(Math.max(chartWidth, MIN_WIDTH) + 2 * PAD);
  const inner = width - 2 * PAD;
  const titleStyle = view.getComputedStyle(figure.querySelector('figcaption') ?? figure);
  const fontFamily = titleStyle.getPropertyValue('font-family') || 'sans-serif';
  const ink = titleStyle.getPropertyValue('color') || '#000000';
  const small = { fontFamily, fontSize: 11, colour: ink };
  const caption = options.caption
    ? drawLines(doc, wrapText(options.caption, inner / (11 * GLYPH_EM)), small)
    : null;
  const legend =
    options.legend === false
      ? null
      : drawLegend(doc, legendItems(figure), inner, small, (from, to) =>
          inlineStyles(view, from, to),
        );
  const titleHeight = title ? 24 : 0;
  const captionTop = PAD + titleHeight;
  const chartTop = captionTop + (caption ? caption.height + 6 : 0);
  const legendTop = chartTop + chartHeight + 6;
  const height = Math.ceil(legendTop + (legend?.height ?? 0) + PAD);

  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('xmlns:xlink', XLINK_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background =
    options.background ?? view.getComputedStyle(doc.body).getPropertyValue('background-color');
  const rect = doc.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute(
    'fill',
    background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff',
  );
  root.append(rect);

  if (title) {
    const text = doc.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(PAD));
    text.setAttribute('y', String(PAD + 16));
    text.setAttribute('font-family', fontFamily);
    text.setAttribute('font-size', '14px');
    text.setAttribute('font-weight', '600');
    text.setAttribute('fill', ink);
    text.textContent = title;
    root.append(text);
  }
  if (caption) {
    caption.group.setAttribute('transform', `translate(${PAD},${captionTop})`);
    root.append(caption.group);
  }

  const body = doc.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(${PAD},${chartTop})`);
  // Canvas layers (heatmaps) under the SVG, at their offset from the SVG's corner.
  for (const canvas of figure.querySelectorAll('canvas')) {
    const at = canvas.getBoundingClientRect();
    let href: string;
    try {
      href = canvas.toDataURL('image/png');
    } catch {
      continue; // a canvas that cannot be read is left out rather than failing the export
    }
    if (!href.startsWith('data:image/png')) continue;
    const image = doc.createElementNS(SVG_NS, 'image');
    image.setAttribute('x', String(at.left - box.left));
    image.setAttribute('y', String(at.top - box.top));
    image.setAttribute('width', String(at.width || canvas.width));
    image.setAttribute('height', String(at.height || canvas.height));
    image.setAttribute('preserveAspectRatio', 'none');
    image.setAttribute('href', href);
    body.append(image);
  }
  const clone = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(view, chart, clone);
  clone.removeAttribute('class');
  clone.setAttribute('x', '0');
  clone.setAttribute('y', '0');
  clone.setAttribute('overflow', 'visible');
  body.append(clone);
  root.append(body);
  if (legend && legend.height > 0) {
    legend.group.setAttribute('transform', `translate(${PAD},${legendTop})`);
    root.append(legend.group);
  }

  const serializer = new view.XMLSerializer();
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(root)}`;
  return { text, width, height };
}

export interface ChartOnPage {
  /** the chart's title, from its caption */
  title: string;
  figure: Element;
  /** the page region it sits in (its closest data-tour name: "maps", "curve", "frontier"…) */
  region: string | null;
  /** true when the chart says it has nothing to show yet (an `.chart-empty` note in its SVG) */
  empty: boolean;
}

/** The exportable charts under `root`: figures holding a chart SVG, titled by their caption. */
export function findCharts(root: ParentNode): ChartOnPage[] {
  return [...root.querySelectorAll('figure.chart-figure')]
    .filter((figure) => chartSvgOf(figure) !== null)
    .map((figure, i) => ({
      title:
        figure.querySelector('.chart-title')?.textContent?.trim() ||
        figure.querySelector('figcaption')?.textContent?.trim() ||
        `Chart ${i + 1}`,
      figure,
      region: figure.closest<HTMLElement>('[data-tour]')?.dataset.tour ?? null,
      empty: figure.querySelector('svg.chart-svg .chart-empty') !== null,
    }));
}

/** An exported SVG as a data URL for an <img> (the CSP allows img-src data:). */
export function svgDataUrl(svg: ExportedSvg): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
}

/**
 * The legend and caption of an exported chart. On the page a chart's legend is an HTML list under
 * its SVG (ChartFrame's `.chart-legend`), so a file holding the SVG alone lost it: who is run A and
 * who is B, what solid and dashed mean, which colour is which class. These helpers redraw that
 * list as SVG (each item's swatch cloned with its styles, then its words) and wrap the caption
 * (the run's key settings) into lines, so an exported chart stands on its own.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface LegendItem {
  /** the item's swatch (a small inline SVG), or null for a text-only item */
  swatch: SVGSVGElement | null;
  text: string;
}

/** The legend items under a chart figure, in their order on the page. */
export function legendItems(figure: Element): LegendItem[] {
  return [...figure.querySelectorAll('.chart-legend > li')].flatMap((li) => {
    const text = (li.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '') return [];
    return [{ swatch: li.querySelector<SVGSVGElement>(':scope > svg'), text }];
  });
}

/**
 * Splits `text` into lines of at most `maxChars` characters, breaking at `separator` first and at
 * spaces when one piece is longer than a line. Character counts stand in for measured widths
 * (an average glyph is about 0.55 em wide in the sans-serif fonts the page uses).
 */
export function wrapText(text: string, maxChars: number, separator = ' · '): string[] {
  const limit = Math.max(8, Math.floor(maxChars));
  const lines: string[] = [];
  let line = '';
  const push = (piece: string, joiner: string) => {
    if (line === '') line = piece;
    else if (line.length + joiner.length + piece.length <= limit) line += joiner + piece;
    else {
      lines.push(line);
      line = piece;
    }
  };
  for (const piece of text.split(separator)) {
    if (piece.length <= limit) push(piece, separator);
    else piece.split(' ').forEach((word, i) => push(word, i === 0 ? separator : ' '));
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Average glyph width as a share of the font size (for the wrapping and the legend's flow). */
export const GLYPH_EM = 0.55;

export interface DrawnBlock {
  group: SVGGElement;
  height: number;
}

export interface LegendStyle {
  fontFamily: string;
  fontSize: number;
  colour: string;
}

/**
 * Draws the legend items in rows that wrap at `width`, each swatch followed by its words.
 * `copyStyle(source, clone)` writes a swatch's computed styles onto its clone (exportSvg.ts).
 */
export function drawLegend(
  doc: Document,
  items: readonly LegendItem[],
  width: number,
  style: LegendStyle,
  copyStyle: (source: Element, clone: Element) => void,
): DrawnBlock {
  const group = doc.createElementNS(SVG_NS, 'g') as SVGGElement;
  const rowHeight = Math.round(style.fontSize * 1.6);
  let x = 0;
  let row = 0;
  for (const item of items) {
    const swatchWidth = item.swatch ? Number(item.swatch.getAttribute('width')) || 12 : 0;
    const swatchHeight = item.swatch ? Number(item.swatch.getAttribute('height')) || 12 : 0;
    const itemWidth =
      swatchWidth + (swatchWidth > 0 ? 5 : 0) + item.text.length * style.fontSize * GLYPH_EM;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    const top = row * rowHeight;
    if (item.swatch) {
      const clone = item.swatch.cloneNode(true) as SVGSVGElement;
      copyStyle(item.swatch, clone);
      clone.setAttribute('x', String(x));
      clone.setAttribute('y', String(top + (rowHeight - swatchHeight) / 2));
      clone.setAttribute('overflow', 'visible');
      clone.removeAttribute('aria-hidden');
      group.append(clone);
    }
    const label = doc.createElementNS(SVG_NS, 'text');
    label.setAttribute('x', String(x + swatchWidth + (swatchWidth > 0 ? 5 : 0)));
    label.setAttribute('y', String(top + rowHeight / 2));
    label.setAttribute('dominant-baseline', 'central');
    label.setAttribute('font-family', style.fontFamily);
    label.setAttribute('font-size', `${style.fontSize}px`);
    label.setAttribute('fill', style.colour);
    label.textContent = item.text;
    group.append(label);
    x += itemWidth + style.fontSize * 1.4;
  }
  return { group, height: items.length === 0 ? 0 : (row + 1) * rowHeight };
}

/** Draws wrapped lines of text (the caption) from y = 0; returns the block and its height. */
export function drawLines(doc: Document, lines: readonly string[], style: LegendStyle): DrawnBlock {
  const group = doc.createElementNS(SVG_NS, 'g') as SVGGElement;
  const lineHeight = Math.round(style.fontSize * 1.4);
  lines.forEach((line, i) => {
    const text = doc.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', '0');
    text.setAttribute('y', String(i * lineHeight + style.fontSize));
    text.setAttribute('font-family', style.fontFamily);
    text.setAttribute('font-size', `${style.fontSize}px`);
    text.setAttribute('fill', style.colour);
    text.textContent = line;
    group.append(text);
  });
  return { group, height: lines.length * lineHeight };
}

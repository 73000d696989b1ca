// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { exportChartSvg, findCharts, svgDataUrl } from '../../src/classroom/exportSvg';
import { slug } from '../../src/classroom/files';

function page(): HTMLElement {
  document.head.innerHTML = `<style>
    .series { stroke: rgb(1, 2, 3); fill: none; stroke-width: 2px; }
    .gone { display: none; }
    .chart-svg text { font-size: 11px; }
  </style>`;
  document.body.innerHTML = `
    <div id="lab-charts">
      <figure class="chart-figure">
        <figcaption class="chart-title">Learning curve</figcaption>
        <svg class="chart-svg" width="300" height="200" role="img" aria-label="curve">
          <g transform="translate(10,10)">
            <path class="series" d="M0,0L10,10" />
            <text x="0" y="0">100%</text>
            <circle class="gone" r="3" />
          </g>
        </svg>
        <ul><li><svg width="10" height="10" aria-hidden="true"><line /></svg>legend</li></ul>
      </figure>
      <figure class="chart-figure"><figcaption>Not drawn yet</figcaption></figure>
    </div>`;
  return document.getElementById('lab-charts') as HTMLElement;
}

describe('chart export', () => {
  it('finds the drawn charts by their figures and titles', () => {
    const charts = findCharts(page());
    expect(charts.map((c) => c.title)).toEqual(['Learning curve']);
  });

  it('writes a standalone SVG: styles as presentation attributes, hidden parts dropped, a title', () => {
    const [chart] = findCharts(page());
    const svg = exportChartSvg(document, chart!.figure, { background: '#ffffff' });
    expect(svg).not.toBeNull();
    if (!svg) return;
    // 10 px margins, the 360 px minimum width, a 24 px title, 6 px under the chart
    expect([svg.width, svg.height]).toEqual([380, 250]);
    const parsed = new DOMParser().parseFromString(svg.text, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    const root = parsed.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe('0 0 380 250');
    const path = root.querySelector('path');
    expect(path?.getAttribute('stroke')).toBe('rgb(1, 2, 3)');
    expect(path?.getAttribute('fill')).toBe('none');
    expect(root.querySelector('circle')).toBeNull();
    expect(svg.text).not.toMatch(/\sstyle=/);
    expect(root.querySelector('text')?.textContent).toBe('Learning curve');
    expect(svgDataUrl(svg).startsWith('data:image/svg+xml;charset=utf-8,%3C%3Fxml')).toBe(true);
  });

  it("redraws the chart's legend under it and writes the caption under the title", () => {
    const root = page();
    root.querySelector('ul')!.className = 'chart-legend';
    root.querySelector('ul')!.innerHTML =
      '<li><svg width="18" height="8" aria-hidden="true"><line class="series" x2="18" /></svg>Run A (pinned)</li>' +
      '<li><svg width="18" height="8" aria-hidden="true"><line class="series" x2="18" /></svg>Run B (current)</li>' +
      '<li>+ 15 single cells</li>';
    const [chart] = findCharts(root);
    const caption = Array.from({ length: 12 }, (_, i) => `Setting ${i}: value ${i}`).join(' · ');
    const svg = exportChartSvg(document, chart!.figure, { background: '#ffffff', caption })!;
    const parsed = new DOMParser().parseFromString(svg.text, 'image/svg+xml').documentElement;
    const texts = [...parsed.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('Run A (pinned)');
    expect(texts).toContain('Run B (current)');
    expect(texts).toContain('+ 15 single cells');
    // the caption wraps at the separators and keeps every setting
    const captionLines = texts.filter((t) => t?.startsWith('Setting'));
    expect(captionLines.length).toBeGreaterThan(1);
    expect(captionLines.join(' · ')).toBe(caption);
    // the swatches keep their styles, and the file grew to hold the legend and caption
    expect(parsed.querySelectorAll('g > svg > line[stroke="rgb(1, 2, 3)"]').length).toBe(2);
    expect(svg.height).toBeGreaterThan(250 + 2 * 14);
  });

  it('makes file names from titles', () => {
    expect(slug("Victim: the owner's model")).toBe('victim-the-owner-s-model');
    expect(slug('***')).toBe('chart');
  });
});

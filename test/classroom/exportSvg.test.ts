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
    expect([svg.width, svg.height]).toEqual([300, 224]);
    const parsed = new DOMParser().parseFromString(svg.text, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    const root = parsed.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe('0 0 300 224');
    const path = root.querySelector('path');
    expect(path?.getAttribute('stroke')).toBe('rgb(1, 2, 3)');
    expect(path?.getAttribute('fill')).toBe('none');
    expect(root.querySelector('circle')).toBeNull();
    expect(svg.text).not.toMatch(/\sstyle=/);
    expect(root.querySelector('text')?.textContent).toBe('Learning curve');
    expect(svgDataUrl(svg).startsWith('data:image/svg+xml;charset=utf-8,%3C%3Fxml')).toBe(true);
  });

  it('makes file names from titles', () => {
    expect(slug("Victim: the owner's model")).toBe('victim-the-owner-s-model');
    expect(slug('***')).toBe('chart');
  });
});

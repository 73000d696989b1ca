/**
 * The attacker's queries as SVG path data over a decision map: one path per served class (filled
 * dots), one for watermarked answers (rings), one for refused queries (crosses). A handful of
 * paths instead of thousands of elements keeps a 10,000-query trace cheap to redraw during Play.
 * Refused queries are thinned to at most MAX_REFUSED_MARKS crosses (every k-th refused query, so
 * the sample is spread over the run) and drawn under the answered dots: when a rate limit refuses
 * most of 10,000 queries, 9,000 crosses hid the victim's map entirely.
 */
import { scaleLinear, type ScaleLinear } from './numericScale';
import { QUERY_STATUS, type InputBox, type QueryTrace } from '../core/types';

/** Linear scales from the first two input dimensions of `box` to a width x height plot (y up). */
export function boxScales(
  box: InputBox,
  width: number,
  height: number,
): { x: ScaleLinear; y: ScaleLinear } {
  return {
    x: scaleLinear()
      .domain([box.min[0] ?? -1, box.max[0] ?? 1])
      .range([0, width]),
    y: scaleLinear()
      .domain([box.min[1] ?? -1, box.max[1] ?? 1])
      .range([height, 0]),
  };
}

export interface QueryMarks {
  /** dot path per served class (index = label) */
  answered: string[];
  /** ring path around watermarked answers */
  watermarked: string;
  /** cross path at refused queries (over the daily limit, or from a banned account): every
   * `refusedStride`-th one */
  refused: string;
  /** one refused query in this many is drawn (1: all of them) */
  refusedStride: number;
  /** queries drawn (the first `limit` of the trace) */
  shown: number;
  answeredCount: number;
  watermarkedCount: number;
  refusedCount: number;
}

/** How many of a trace's queries a map draws, and of which kind (see QueryMarks). */
export type QueryCounts = Pick<
  QueryMarks,
  'shown' | 'answeredCount' | 'watermarkedCount' | 'refusedCount'
>;

/**
 * The counts queryMarks reports, without building any path: for the legend and the text
 * alternative, which do not depend on the plot's size (the marks are redrawn per size).
 *
 * @param trace the attacker's queries
 * @param limit count only the first `limit` (the Play position); default all
 */
export function queryCounts(trace: QueryTrace, limit?: number): QueryCounts {
  const counts = { shown: 0, answeredCount: 0, watermarkedCount: 0, refusedCount: 0 };
  if (trace.dims < 2) return counts;
  counts.shown = Math.max(0, Math.min(trace.count, limit ?? trace.count));
  for (let i = 0; i < counts.shown; i++) {
    if (trace.status[i] !== QUERY_STATUS.answered) {
      counts.refusedCount++;
    } else {
      counts.answeredCount++;
      if (trace.watermarked[i] === 1) counts.watermarkedCount++;
    }
  }
  return counts;
}

/** Most refused queries drawn as crosses on a map; past this, every k-th one is drawn. */
export const MAX_REFUSED_MARKS = 300;

/**
 * Draw one refused query in this many: 1 up to MAX_REFUSED_MARKS refusals, then the smallest k
 * that keeps the crosses drawn at or under MAX_REFUSED_MARKS.
 * @param refused refused queries among those shown
 */
export function refusedStride(refused: number): number {
  return refused <= MAX_REFUSED_MARKS ? 1 : Math.ceil(refused / MAX_REFUSED_MARKS);
}

/** Dot radius in px: smaller as the map fills up, so 10,000 queries do not hide the map. */
export function markerRadius(count: number): number {
  if (count > 4000) return 1.4;
  if (count > 1500) return 1.9;
  if (count > 400) return 2.4;
  return 3.2;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** The two arcs that draw a full circle of radius r after a move to its leftmost point. */
function circleArcs(radius: number): string {
  const r = r2(radius);
  const d = r2(2 * r);
  return `a${r},${r} 0 1,0 ${d},0a${r},${r} 0 1,0 ${-d},0`;
}

/** An x-shaped cross of half-size s. */
function cross(cx: number, cy: number, s: number): string {
  return `M${r2(cx - s)},${r2(cy - s)}L${r2(cx + s)},${r2(cy + s)}M${r2(cx - s)},${r2(cy + s)}L${r2(cx + s)},${r2(cy - s)}`;
}

/**
 * Builds the query marks for the first `limit` queries of `trace` (all when limit is undefined),
 * placing query i at (x(inputs[i*dims]), y(inputs[i*dims+1])). `options.refused`, the refused
 * count of those queries when the caller has it (queryCounts), saves a counting pass.
 */
export function queryMarks(
  trace: QueryTrace,
  classes: number,
  x: (value: number) => number,
  y: (value: number) => number,
  options: { limit?: number; radius?: number; refused?: number } = {},
): QueryMarks {
  const shown = Math.max(0, Math.min(trace.count, options.limit ?? trace.count));
  const radius = options.radius ?? markerRadius(shown);
  // Plain string appends with the arcs formatted once: 3.5 ms for 10,000 queries against 10.6 ms
  // for arrays of parts (vitest, this machine), which matters when Play redraws every frame.
  const answered: string[] = Array.from({ length: classes }, () => '');
  const dotArcs = circleArcs(radius);
  const ringRadius = radius + 2.6;
  const ringArcs = circleArcs(ringRadius);
  let rings = '';
  let crosses = '';
  let answeredCount = 0;
  let watermarkedCount = 0;
  let refusedCount = 0;
  if (trace.dims < 2) {
    return {
      answered,
      watermarked: '',
      refused: '',
      refusedStride: 1,
      shown: 0,
      answeredCount: 0,
      watermarkedCount: 0,
      refusedCount: 0,
    };
  }
  const stride = refusedStride(options.refused ?? queryCounts(trace, shown).refusedCount);
  for (let i = 0; i < shown; i++) {
    if (trace.status[i] !== QUERY_STATUS.answered) {
      if (refusedCount % stride === 0)
        crosses += cross(
          x(trace.inputs[i * trace.dims] ?? 0),
          y(trace.inputs[i * trace.dims + 1] ?? 0),
          radius + 0.6,
        );
      refusedCount++;
      continue;
    }
    const px = x(trace.inputs[i * trace.dims] ?? 0);
    const py = y(trace.inputs[i * trace.dims + 1] ?? 0);
    answeredCount++;
    const label = trace.servedLabel[i] ?? 0;
    if (label < classes) answered[label] += `M${r2(px - radius)},${r2(py)}${dotArcs}`;
    if (trace.watermarked[i] === 1) {
      rings += `M${r2(px - ringRadius)},${r2(py)}${ringArcs}`;
      watermarkedCount++;
    }
  }
  return {
    answered,
    watermarked: rings,
    refused: crosses,
    refusedStride: stride,
    shown,
    answeredCount,
    watermarkedCount,
    refusedCount,
  };
}

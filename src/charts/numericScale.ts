/**
 * Linear and log scales from numbers to pixels: the part of d3-scale's `scaleLinear` and
 * `scaleLog` the charts use (domain, range, clamp, invert, nice, ticks), with the same arithmetic,
 * so a chart draws the same pixels with either (test/charts/numericScale.test.ts compares them on
 * random domains and ranges).
 *
 * Written by hand for the first load's size: d3-scale's scales interpolate any value (colours,
 * strings, dates) through d3-interpolate, which pulls all of d3-color in with it. That generic path
 * cannot be shaken out, and it is about 7 KB of the page's first JavaScript (gzip) that a chart of
 * numbers never runs. Ticks and nice bounds still come from d3-array, so they match d3 exactly.
 * Charts that need other scales (bands, colour ramps) import d3-scale in their own lazy chunk.
 */
import { tickIncrement, ticks as niceTicks } from 'd3-array';

/** A scale from a two-number domain to a two-number range (d3's chainable setters). */
interface ScaleBase<Self> {
  (value: number): number;
  /** pixel back to data: the inverse map (clamped to the domain when the scale clamps) */
  invert(pixel: number): number;
  domain(): [number, number];
  domain(domain: readonly [number, number] | readonly number[]): Self;
  range(): [number, number];
  range(range: readonly [number, number] | readonly number[]): Self;
  /** keep outputs inside the range (and inverted values inside the domain) */
  clamp(on: boolean): Self;
}

export interface ScaleLinear extends ScaleBase<ScaleLinear> {
  /** widens the domain to round numbers (d3's `linear.nice`) */
  nice(count?: number): ScaleLinear;
  /** about `count` round values inside the domain (d3-array's `ticks`) */
  ticks(count?: number): number[];
}

export type ScaleLog = ScaleBase<ScaleLog>;

/**
 * t in [0, 1] along [a, b]: d3-scale's `normalize` (a constant 0.5 for an empty interval, so a
 * one-value domain maps to the middle of the range).
 */
function normalize(a: number, b: number): (x: number) => number {
  const span = b - a;
  if (span) return (x) => (x - a) / span;
  const middle = Number.isNaN(span) ? NaN : 0.5;
  return () => middle;
}

/** d3-interpolate's `interpolateNumber`: a at t = 0, b at t = 1. */
function lerp(a: number, b: number): (t: number) => number {
  return (t) => a * (1 - t) + b * t;
}

/** d3-scale's `bimap`: from [d0, d1] to [r0, r1], a descending domain flipped first. */
function bimap(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const t = d1 < d0 ? normalize(d1, d0) : normalize(d0, d1);
  const out = d1 < d0 ? lerp(r1, r0) : lerp(r0, r1);
  return (x) => out(t(x));
}

function clamper(a: number, b: number): (x: number) => number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return (x) => Math.max(lo, Math.min(hi, x));
}

function pair(values: readonly number[]): [number, number] {
  return [Number(values[0]), Number(values[values.length - 1])];
}

/**
 * A continuous scale through `transform` (identity for linear, ln for log), as d3-scale's
 * `continuous`: scale(x) = range at the position of transform(x) between the transformed domain
 * ends; invert goes back through `untransform`.
 */
function continuous<Self extends ScaleBase<Self>>(
  transform: (x: number) => number,
  untransform: (y: number) => number,
  extend: (scale: Self, state: { domain: [number, number] }) => void,
): Self {
  const state = { domain: [0, 1] as [number, number] };
  let range: [number, number] = [0, 1];
  let clamping = false;
  let forward: ((x: number) => number) | null = null;
  let backward: ((y: number) => number) | null = null;
  const clampDomain = (x: number) => (clamping ? clamper(...state.domain)(x) : x);
  const rebuild = () => {
    forward = null;
    backward = null;
  };
  const scale = ((x: number): number => {
    if (Number.isNaN(x)) return NaN;
    forward ??= bimap(transform(state.domain[0]), transform(state.domain[1]), ...range);
    return forward(transform(clampDomain(x)));
  }) as Self;
  scale.invert = (y: number) => {
    backward ??= bimap(range[0], range[1], transform(state.domain[0]), transform(state.domain[1]));
    return clampDomain(untransform(backward(y)));
  };
  scale.domain = ((domain?: readonly number[]) => {
    if (domain === undefined) return [...state.domain];
    state.domain = pair(domain);
    rebuild();
    return scale;
  }) as Self['domain'];
  scale.range = ((next?: readonly number[]) => {
    if (next === undefined) return [...range];
    range = pair(next);
    rebuild();
    return scale;
  }) as Self['range'];
  scale.clamp = (on: boolean) => {
    clamping = on;
    return scale;
  };
  extend(scale, state);
  return scale;
}

/** A linear scale, domain and range [0, 1] until set (d3's `scaleLinear()`). */
export function scaleLinear(): ScaleLinear {
  return continuous<ScaleLinear>(
    (x) => x,
    (y) => y,
    (scale, state) => {
      scale.ticks = (count = 10) => niceTicks(state.domain[0], state.domain[1], count);
      // d3-scale's linear.nice: snap the ends outwards to the tick step until the step settles
      // (at most ten rounds; the domain stays as it was if it never settles).
      scale.nice = (count = 10) => {
        const [d0, d1] = state.domain;
        const descending = d1 < d0;
        let [start, stop] = descending ? [d1, d0] : [d0, d1];
        let previous: number | undefined;
        for (let round = 0; round < 10; round++) {
          const step = tickIncrement(start, stop, count);
          if (step === previous) return scale.domain(descending ? [stop, start] : [start, stop]);
          if (step > 0) {
            start = Math.floor(start / step) * step;
            stop = Math.ceil(stop / step) * step;
          } else if (step < 0) {
            start = Math.ceil(start * step) / step;
            stop = Math.floor(stop * step) / step;
          } else break;
          previous = step;
        }
        return scale;
      };
    },
  );
}

/**
 * A log scale over a positive domain, domain [1, 10] until set (d3's `scaleLog()`, natural log as
 * its transform whatever the base: the base only chooses d3's ticks, which the charts draw
 * themselves, src/charts/scales.ts logTicks).
 */
export function scaleLog(): ScaleLog {
  return continuous<ScaleLog>(Math.log, Math.exp, () => undefined).domain([1, 10]);
}

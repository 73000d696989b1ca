/**
 * Seeded randomness for the whole simulator. Every random choice in src/core draws from an `Rng`
 * created here from the config's seed and passed down; nothing reads a global generator or the
 * clock, so the same config and seed give the same numbers in Node and in the browser.
 *
 * The base generator is d3-random's `randomLcg` (a 32-bit linear congruential generator, the one
 * Observable Plot uses for reproducible tests). Independent streams are derived with `fork(label)`
 * so that, for example, switching a defense on never changes the victim's data or weights.
 */
import { randomLcg } from 'd3-random';
import { log } from './math/portable';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal N(0, 1) (Marsaglia's polar method). */
  normal(): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
  /** An independent generator whose seed depends on this generator's seed and a label. */
  fork(label: string): Rng;
  /** The integer seed this generator started from (for logging and forking). */
  readonly seed: number;
}

/** FNV-1a, 32 bit: mixes a label into a seed. Small and hot enough to write by hand. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Standard normals by Marsaglia's polar method (as d3-random's randomNormal), but with the portable
 * log of ./math/portable so that Node and every browser draw the same numbers: pick (x, y)
 * uniform in the unit disc, s = x^2 + y^2, and return y * sqrt(-2 ln(s) / s); the spare x-value
 * is kept for the next call.
 */
function polarNormal(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    let x: number;
    let y: number;
    let s: number;
    do {
      x = uniform() * 2 - 1;
      y = uniform() * 2 - 1;
      s = x * x + y * y;
    } while (s === 0 || s >= 1);
    const scale = Math.sqrt((-2 * log(s)) / s);
    spare = x * scale;
    return y * scale;
  };
}

/** Creates the generator for an integer seed (any finite number is reduced to 32 bits). */
export function createRng(seed: number): Rng {
  const seed32 = (Math.floor(Math.abs(seed)) % 0x100000000) >>> 0;
  // randomLcg treats seeds in [0,1) as fractions; offset integer seeds so 0 is an integer too.
  const source = randomLcg(seed32 + 1);
  const gaussian = polarNormal(source);
  return {
    seed: seed32,
    next: source,
    uniform: (lo, hi) => lo + (hi - lo) * source(),
    normal: gaussian,
    int: (n) => Math.floor(source() * n),
    fork: (label) => createRng(hashString(`${seed32}:${label}`)),
  };
}

/** Fills order[0..n) with a uniform random permutation of 0..n-1 (Fisher-Yates), in place. */
export function shuffleInto(order: Uint32Array, n: number, rng: Rng): void {
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
}

/** A fresh uniform random permutation of the integers 0..n-1. */
export function permutation(rng: Rng, n: number): Uint32Array {
  const order = new Uint32Array(n);
  shuffleInto(order, n, rng);
  return order;
}

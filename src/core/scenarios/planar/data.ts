/**
 * The 2-D toy datasets of the first scenario, in the spirit of TensorFlow Playground and
 * scikit-learn's make_moons / make_circles. Every generator returns balanced classes (class sizes
 * differ by at most one), points roughly inside [-1, 1]^2, and adds isotropic Gaussian jitter of
 * standard deviation `noise` (in input units) to each coordinate.
 */
import type { Rng } from '../../rng';
export { uniformInBox } from '../../sampling';
import type { Dataset, InputBox } from '../../types';
import { PLANAR_CLASSES, type DatasetName } from './meta';
import { cos, sin } from '../../math/portable';

/** The square every 2-D map and every uniform query covers (data sit inside [-1, 1]^2). */
export const PLANAR_BOX: InputBox = { min: [-1.2, -1.2], max: [1.2, 1.2] };

export { PLANAR_CLASSES };

/** Draws one clean point of class `label` (before jitter) into out[0..1]. */
type PointSampler = (rng: Rng, label: number, out: Float64Array) => void;

/** make_moons: upper half circle and a shifted lower half circle, rescaled by 1/1.6 and centred. */
const moons: PointSampler = (rng, label, out) => {
  const t = Math.PI * rng.next();
  const x = label === 0 ? cos(t) : 1 - cos(t);
  const y = label === 0 ? sin(t) : 0.5 - sin(t);
  out[0] = (x - 0.5) / 1.6;
  out[1] = (y - 0.25) / 1.6;
};

/** make_circles: an outer ring (radius 0.9, class 0) around an inner ring (radius 0.45, class 1). */
const circles: PointSampler = (rng, label, out) => {
  const angle = 2 * Math.PI * rng.next();
  const radius = label === 0 ? 0.9 : 0.45;
  out[0] = radius * cos(angle);
  out[1] = radius * sin(angle);
};

/** XOR: uniform in the four quadrants, kept 0.06 away from the axes; class 1 where x*y < 0. */
const xor: PointSampler = (rng, label, out) => {
  const margin = 0.06;
  const sx = rng.next() < 0.5 ? -1 : 1;
  const sy = label === 0 ? sx : -sx;
  out[0] = sx * (margin + (0.95 - margin) * rng.next());
  out[1] = sy * (margin + (0.95 - margin) * rng.next());
};

/**
 * Two interleaved Archimedean spirals of one turn each: radius r = 0.9 t, angle 2 pi t + pi * label,
 * t in [0.1, 1]. (At 1.25 turns and noise 0.1 a tanh 16x16 network often stalls near 55%.)
 */
const spiral: PointSampler = (rng, label, out) => {
  const t = 0.1 + 0.9 * rng.next();
  const angle = 2 * Math.PI * t + Math.PI * label;
  out[0] = 0.9 * t * cos(angle);
  out[1] = 0.9 * t * sin(angle);
};

/** Three Gaussian blobs (std 0.15) centred at radius 0.55 on angles 90, 210 and 330 degrees. */
const blobs: PointSampler = (rng, label, out) => {
  const angle = Math.PI / 2 + (2 * Math.PI * label) / 3;
  out[0] = 0.55 * cos(angle) + 0.15 * rng.normal();
  out[1] = 0.55 * sin(angle) + 0.15 * rng.normal();
};

const SAMPLERS: Record<DatasetName, PointSampler> = { moons, circles, xor, spiral, blobs };

export interface PlanarOptions {
  /** Gaussian jitter added to each coordinate, in input units */
  noise: number;
  /** translation added to every point, in input units (the attacker's pool shift) */
  offset?: readonly [number, number];
}

/**
 * Draws `count` labelled points of a dataset. Labels cycle 0, 1, ..., so the classes are balanced
 * (sizes differ by at most one); consumers that need a random order shuffle with the Rng.
 */
export function generatePlanar(
  name: DatasetName,
  count: number,
  options: PlanarOptions,
  rng: Rng,
): Dataset {
  const classes = PLANAR_CLASSES[name];
  const sampler = SAMPLERS[name];
  const inputs = new Float64Array(count * 2);
  const labels = new Uint8Array(count);
  const point = new Float64Array(2);
  const [dx, dy] = options.offset ?? [0, 0];
  for (let i = 0; i < count; i++) {
    const label = i % classes;
    sampler(rng, label, point);
    let x = point[0]! + options.noise * rng.normal();
    let y = point[1]! + options.noise * rng.normal();
    if (name === 'xor') {
      // Jitter never moves an XOR point across an axis (as in TensorFlow Playground, where the
      // label follows the jittered position): the quadrant, and so the label, stays clean.
      x = Math.sign(point[0]!) * Math.abs(x);
      y = Math.sign(point[1]!) * Math.abs(y);
    }
    inputs[2 * i] = x + dx;
    inputs[2 * i + 1] = y + dy;
    labels[i] = label;
  }
  return { dims: 2, classes, count, inputs, labels };
}

/**
 * Stealing the last layer (Carlini et al., ICML 2024, "Stealing part of a production language
 * model"). The teacher's logits are z = W a + b with W its V x h output matrix and a its h hidden
 * activations, so every logit vector lies in the (h + 1)-dimensional column space of [W b]. A
 * log-probability vector is z - lse(z) 1; centring it (subtracting its mean over the vocabulary)
 * removes the lse term: C q = C (W a + b), with C = I - 1 1^T / V. Stacking the centred vectors of
 * n > h + 1 prompts as rows of Q (n x V), Q has rank h + 1 (at most V - 1: C kills the 1
 * direction), so its singular values drop sharply after the (h + 1)-th: the drop's position
 * reveals the hidden size, and the top h + 1 right singular vectors span C [W b], the output layer
 * up to an (h + 1) x (h + 1) linear map. Singular values through the V x V Gram matrix Q^T Q
 * (../../math/jacobi.ts). How well the space is recovered: the principal angles between it and the
 * true C [W b] (Björck and Golub 1973), sin(theta_i) = the singular values of (I - A A^T) B for
 * orthonormal bases A (recovered) and B (true).
 *
 * With top-k log-probabilities only, the attacker knows k entries of each row; the rest are filled
 * with the smallest returned value (an upper bound on them). The filled rows are no longer in a
 * low-dimensional space and the drop disappears (the attack of the paper then needs a logit bias,
 * which this API does not offer).
 */
import { asin } from '../../math/portable';
import { singularValues } from '../../math/jacobi';
import type { ChatAnswer } from './chatApi';
import type { WindowLm } from './lm';

/**
 * Smallest ratio sigma_i / sigma_{i+1} that counts as the drop. Elsewhere consecutive singular
 * values differ by far less (measured on the shipped k = 4 teacher, random prompts, seeds 1-3: at
 * most 2.6 within the signal of full log-probabilities, at most 8.3 anywhere in top-5 or top-20
 * rows of 200-3,000 prompts, about 1.05 in a noise floor); without noise the drop is about 10^4
 * (against the Gram matrix's rounding floor, see RESOLUTION).
 */
export const DROP_RATIO = 20;

/**
 * A token's column is kept when it was returned in at least MIN_SEEN rows and MIN_SEEN_SHARE of
 * them. A token returned in one or two rows is the fill everywhere else: such columns are nearly
 * dependent and made a spurious drop (measured, top-5, 200-1,000 prompts: "hidden sizes" 44-53);
 * with this rule no top-k run of 200-3,000 prompts showed one. Full log-probabilities keep all.
 */
export const MIN_SEEN = 3;
export const MIN_SEEN_SHARE = 0.01;

/** The attacker's view: one log-probability row per answered prompt (V numbers each). */
export interface LogprobRows {
  rows: Float64Array[];
  vocab: number;
  /**
   * per token, 1 when its column is kept (returned often enough, see MIN_SEEN): a token rarely or
   * never returned is a constant fill in (nearly) every row (absent: every column is kept)
   */
  seen?: ArrayLike<number>;
}

/**
 * One row from an answer's first-position log-probabilities: all V when `tokens` has them all;
 * for top-k answers, the missing entries filled with the smallest returned value (file header).
 */
export function logprobRow(
  tokens: Int32Array,
  logprobs: Float64Array,
  vocab: number,
): Float64Array {
  let floor = Infinity;
  for (let j = 0; j < logprobs.length; j++) floor = Math.min(floor, logprobs[j]!);
  const row = new Float64Array(vocab).fill(tokens.length >= vocab ? 0 : floor);
  for (let j = 0; j < tokens.length; j++) row[tokens[j]!] = logprobs[j]!;
  return row;
}

/** The columns the analysis keeps: the seen tokens, in id order (all V when `seen` is absent). */
export function keptColumns({ vocab, seen }: LogprobRows): number[] {
  return Array.from({ length: vocab }, (_, v) => v).filter((v) => !seen || seen[v] === 1);
}

/**
 * The attacker's rows from the API's answers: the first visible position's log-probabilities of
 * each answer that has them (text answers give none), and the columns kept (MIN_SEEN).
 */
export function rowsFromAnswers(
  answers: readonly (ChatAnswer | null)[],
  vocab: number,
): LogprobRows {
  const rows: Float64Array[] = [];
  const counts = new Uint32Array(vocab);
  for (const answer of answers) {
    const first = answer?.logprobs?.[0];
    if (!first) continue;
    rows.push(logprobRow(first.tokens, first.logprobs, vocab));
    for (let j = 0; j < first.tokens.length; j++) counts[first.tokens[j]!]!++;
  }
  const least = Math.max(MIN_SEEN, Math.ceil(MIN_SEEN_SHARE * rows.length));
  const seen = Uint8Array.from(counts, (c) => (c >= least ? 1 : 0));
  return { rows, vocab, seen };
}

/**
 * The rows stacked into an n x m matrix over the kept columns (m of them), each row centred (its
 * mean over those columns removed).
 */
export function centredMatrix(data: LogprobRows, columns = keptColumns(data)): Float64Array {
  const m = columns.length;
  const q = new Float64Array(data.rows.length * m);
  data.rows.forEach((row, r) => {
    let mean = 0;
    for (const v of columns) mean += row[v]!;
    mean /= m;
    columns.forEach((v, j) => (q[r * m + j] = row[v]! - mean));
  });
  return q;
}

export interface Drop {
  /** number of singular values before the drop (the rank: h + 1) */
  rank: number;
  /** sigma_rank / sigma_{rank+1} */
  ratio: number;
}

/**
 * Through the Gram matrix, singular values below about sqrt(eps) sigma_1 (1.5e-8 sigma_1) are
 * rounding: values are raised to RESOLUTION sigma_1 before ratios are taken, so ratios within the
 * rounding floor are 1 and the drop into it is measured against the floor, not against a 0.
 */
export const RESOLUTION = 1e-7;

/**
 * The largest ratio of consecutive singular values (each raised to RESOLUTION sigma_1) among the
 * first min(n, V - 1) (the last centred one is always ~0: C kills the all-ones direction), and
 * where it is (the first such place on a tie). Null when fewer than 2 values can be compared.
 */
export function largestDrop(values: ArrayLike<number>, rows: number): Drop | null {
  const usable = Math.min(rows, values.length - 1);
  const floor = (values[0] ?? 0) * RESOLUTION;
  let best: Drop | null = null;
  for (let i = 1; i < usable; i++) {
    const above = Math.max(values[i - 1]!, floor);
    const below = Math.max(values[i]!, floor);
    const ratio = below > 0 ? above / below : 1;
    if (!best || ratio > best.ratio) best = { rank: i, ratio };
  }
  return best;
}

/** The hidden-size estimate: rank - 1 (the bias adds one dimension) when the drop is sharp. */
export function hiddenSizeEstimate(drop: Drop | null, minRatio = DROP_RATIO): number | null {
  return drop && drop.ratio >= minRatio ? drop.rank - 1 : null;
}

/**
 * Orthonormal basis (columns, row-major dims x kept) of the columns of `m` (dims x cols) by
 * modified Gram-Schmidt, dropping columns whose remainder is below 1e-10 of their norm.
 */
export function orthonormalColumns(m: Float64Array, dims: number, cols: number): Float64Array[] {
  const basis: Float64Array[] = [];
  for (let c = 0; c < cols; c++) {
    const v = Float64Array.from({ length: dims }, (_, i) => m[i * cols + c]!);
    const norm0 = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    for (const u of basis) {
      let dot = 0;
      for (let i = 0; i < dims; i++) dot += u[i]! * v[i]!;
      for (let i = 0; i < dims; i++) v[i]! -= dot * u[i]!;
    }
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    if (norm > 1e-10 * norm0 && norm > 0) basis.push(v.map((x) => x / norm));
  }
  return basis;
}

/** Orthonormal basis of C [W b], the space centred log-probability rows of `model` lie in. */
export function trueOutputSpace(model: WindowLm): Float64Array[] {
  const { vocab: V, hidden: H } = model.spec;
  const { outWeightOffset, outBiasOffset } = model.layout;
  const m = new Float64Array(V * (H + 1));
  for (let v = 0; v < V; v++) {
    for (let h = 0; h < H; h++) m[v * (H + 1) + h] = model.params[outWeightOffset + v * H + h]!;
    m[v * (H + 1) + H] = model.params[outBiasOffset + v]!;
  }
  for (let c = 0; c <= H; c++) {
    let mean = 0;
    for (let v = 0; v < V; v++) mean += m[v * (H + 1) + c]!;
    mean /= V;
    for (let v = 0; v < V; v++) m[v * (H + 1) + c]! -= mean;
  }
  return orthonormalColumns(m, V, H + 1);
}

/**
 * Principal angles in degrees, largest first, between span(a) and span(b) (orthonormal bases of
 * the same dimension count or not): sin(theta) = singular values of B - A (A^T B) (file header),
 * min(|a|, |b|) of them.
 */
export function principalAngles(a: readonly Float64Array[], b: readonly Float64Array[]): number[] {
  const dims = a[0]?.length ?? 0;
  const k = Math.min(a.length, b.length);
  if (k === 0) return [];
  const residual = new Float64Array(dims * b.length);
  b.forEach((bj, j) => {
    const r = Float64Array.from(bj);
    for (const ai of a) {
      let dot = 0;
      for (let i = 0; i < dims; i++) dot += ai[i]! * bj[i]!;
      for (let i = 0; i < dims; i++) r[i]! -= dot * ai[i]!;
    }
    for (let i = 0; i < dims; i++) residual[i * b.length + j] = r[i]!;
  });
  const { values } = singularValues(residual, dims, b.length);
  // the b.length - k smallest sines belong to directions of b beyond a's dimension count
  const sines = Array.from(values.slice(0, b.length)).slice(b.length - k);
  return sines.map((s) => (asin(Math.min(1, s)) * 180) / Math.PI);
}

/** What the stealing attack found (`result.stealing`). */
export interface StealingReport {
  /** the teacher's hidden size h */
  trueHiddenSize: number;
  /** the estimate h from the drop, null when no sharp drop was found */
  estimate: number | null;
  /** singular values of the centred log-probability matrix, largest first (one per kept column) */
  singularValues: number[];
  /** where the largest drop is (rank) and its ratio (null: fewer than 3 rows) */
  drop: Drop | null;
  /** the ratio a drop must reach to count (DROP_RATIO) */
  dropThreshold: number;
  /** rows the attacker had (answered prompts with log-probabilities) */
  rows: number;
  /** principal angles (degrees, largest first) between the recovered and the true C [W b], when
   * an estimate was found */
  principalAngles: number[] | null;
  /**
   * the largest principal angle (degrees) when the attacker takes the top h + 1 vectors, as if it
   * knew h: how much of the layer noise leaves recoverable (null: top-k rows or n <= h)
   */
  largestAngleAtTrueSize: number | null;
}

/** The attack's analysis of `rows` against the true teacher `model`. */
export function stealLastLayer(rows: LogprobRows, model: WindowLm): StealingReport {
  const trueHiddenSize = model.spec.hidden;
  const n = rows.rows.length;
  const V = rows.vocab;
  if (n === 0) {
    return {
      trueHiddenSize,
      estimate: null,
      singularValues: [],
      drop: null,
      dropThreshold: DROP_RATIO,
      rows: 0,
      principalAngles: null,
      largestAngleAtTrueSize: null,
    };
  }
  const columns = keptColumns(rows);
  const m = columns.length;
  const { values, rightVectors } = singularValues(centredMatrix(rows, columns), n, m);
  const drop = largestDrop(values, n);
  const estimate = hiddenSizeEstimate(drop);
  // the top r right singular vectors against the true space (all columns kept: full rows)
  const full = m === V && n > trueHiddenSize;
  const space = full ? trueOutputSpace(model) : [];
  const anglesOfTop = (r: number) =>
    principalAngles(
      Array.from({ length: r }, (_, k) =>
        Float64Array.from({ length: V }, (_, i) => rightVectors[i * m + k]!),
      ),
      space,
    );
  const atTrue = full ? anglesOfTop(trueHiddenSize + 1) : null;
  const angles =
    estimate !== null && full
      ? estimate === trueHiddenSize
        ? atTrue
        : anglesOfTop(estimate + 1)
      : null;
  const atTrueSize = atTrue?.[0] ?? null;
  return {
    trueHiddenSize,
    estimate,
    singularValues: Array.from(values),
    drop,
    dropThreshold: DROP_RATIO,
    rows: n,
    principalAngles: angles,
    largestAngleAtTrueSize: atTrueSize,
  };
}

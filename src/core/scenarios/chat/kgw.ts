/**
 * The text watermark of Kirchenbauer et al. (ICML 2023, "A watermark for large language models",
 * KGW): at each step a keyed hash of the previous token splits the vocabulary into a green list of
 * gamma * V tokens and the rest, and delta is added to the green tokens' logits before sampling, so
 * green tokens come out more often than the share gamma that chance gives. Detection counts the
 * green tokens of a text: z = (green - gamma T) / sqrt(T gamma (1 - gamma)) over T scored tokens,
 * one-sided; z > 4 flags it (REFERENCE.md, "Text watermark"). Gu et al. (ICLR 2024) showed that
 * students distilled from watermarked text inherit the watermark: the ownership check of the chat
 * kind (./watermarkCheck.ts) rests on that.
 *
 * Green list: token v is green after token `previous` under key K when its hash
 * greenHash(K, previous, v) = mix32(mix32(mix32(K) + previous) + v) (sums mod 2^32) is among the
 * round(gamma V) smallest of the V hashes (ties: lower id). A ranking, not a threshold, so every
 * list has exactly round(gamma V) tokens, as in KGW. mix32 is MurmurHash3's finaliser (fmix32),
 * in which every output bit depends on every input bit; a first version hashed the string
 * "K:previous:v" with FNV-1a alone, which barely mixes the last characters into the high bits, so
 * tokens ranked alike under every key (measured: the clean teacher's z averaged -0.6 over 200 keys
 * instead of 0). Integers only: no strings built in the null distribution's 200 keys.
 */

/** The default green share and logit boost (REFERENCE.md: gamma 0.25, delta 2.0). */
export const KGW_GAMMA = 0.25;
export const KGW_DELTA = 2;

/** Green lists of one key, by previous token, computed once each (V flags per list). */
export class GreenLists {
  private readonly lists = new Map<number, Uint8Array>();
  /** round(gamma * V): the size of every list */
  readonly size: number;

  constructor(
    readonly key: number,
    readonly gamma: number,
    readonly vocab: number,
  ) {
    if (!(gamma > 0 && gamma < 1))
      throw new RangeError(`watermark gamma must be in (0, 1), got ${gamma}`);
    this.size = Math.min(vocab, Math.max(1, Math.round(gamma * vocab)));
  }

  /** Flags (1 = green) of the list after `previous`. */
  after(previous: number): Uint8Array {
    let list = this.lists.get(previous);
    if (!list) {
      list = greenList(this.key, previous, this.vocab, this.size);
      this.lists.set(previous, list);
    }
    return list;
  }

  /** Is `token` green after `previous`? */
  isGreen(previous: number, token: number): boolean {
    return this.after(previous)[token] === 1;
  }
}

/** MurmurHash3's 32-bit finaliser fmix32 (Appleby 2011): avalanche on every input bit. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash that ranks token v after `previous` under `key` (file header). */
export function greenHash(key: number, previous: number, v: number): number {
  return mix32((mix32((mix32(key >>> 0) + previous) >>> 0) + v) >>> 0);
}

/** The green flags after `previous` under `key`: the `size` tokens of smallest hash (header). */
export function greenList(key: number, previous: number, vocab: number, size: number): Uint8Array {
  // rank by (hash, id): hash * vocab + v orders pairs exactly so (an integer below 2^32 * vocab,
  // exact in a double for any vocabulary under 2^21, and no two alike), and keep the `size`
  // smallest in a sorted run by insertion: the null distribution builds thousands of lists, and
  // this is several times faster than sorting all V (the same set either way)
  const kept = new Float64Array(size);
  let count = 0;
  const base = mix32((mix32(key >>> 0) + previous) >>> 0);
  for (let v = 0; v < vocab; v++) {
    const rank = mix32((base + v) >>> 0) * vocab + v;
    if (count === size && rank >= kept[size - 1]!) continue;
    let i = count < size ? count++ : size - 1;
    for (; i > 0 && kept[i - 1]! > rank; i--) kept[i] = kept[i - 1]!;
    kept[i] = rank;
  }
  const flags = new Uint8Array(vocab);
  for (let i = 0; i < count; i++) flags[kept[i]! % vocab] = 1;
  return flags;
}

/** Adds delta to the logits of the green tokens after `previous` (in place). */
export function boostGreen(
  logits: Float64Array,
  previous: number,
  lists: GreenLists,
  delta: number,
): void {
  const flags = lists.after(previous);
  for (let v = 0; v < logits.length; v++) if (flags[v] === 1) logits[v]! += delta;
}

/**
 * KGW's z-score: z = (green - gamma T) / sqrt(T gamma (1 - gamma)) for `green` green tokens among
 * T scored ones (0 when T = 0: no evidence either way).
 */
export function kgwZ(green: number, scored: number, gamma: number): number {
  if (scored <= 0) return 0;
  return (green - gamma * scored) / Math.sqrt(scored * gamma * (1 - gamma));
}

/**
 * Logit noise fixed per context, the chat API's answer to logit stealing (Carlini et al., ICML 2024,
 * "Stealing part of a production language model": noise must be fixed per prompt to survive
 * averaging, REFERENCE.md). The served logits are logit_v + sigma * e_v with e ~ N(0, I) drawn from
 * a generator seeded by a hash (MurmurHash3's fmix32 chained over the tokens, ./kgw.ts) of the
 * run's noise seed and the context the model sees (its W-token window): asking the same prompt again, or padding it with tokens the window does not see, returns
 * the same noise, so averaging repeated answers does not remove it. The API samples from, and
 * reports the log-probabilities of, the noisy distribution: honest users get the noisy answers too.
 */
import { createRng } from '../../rng';
import { mix32 } from './kgw';

/** Adds sigma * e (e fixed by `seed` and `window`, see the header) to `logits` in place. */
export function addLogitNoise(
  logits: Float64Array,
  window: ArrayLike<number>,
  sigma: number,
  seed: number,
): void {
  if (!(sigma > 0)) return;
  // the generator's seed: mix32 chained over the seed and the window's tokens (integers only)
  let h = mix32(seed >>> 0);
  for (let i = 0; i < window.length; i++) h = mix32((h + window[i]! + 1) >>> 0);
  const rng = createRng(h);
  for (let v = 0; v < logits.length; v++) logits[v]! += sigma * rng.normal();
}

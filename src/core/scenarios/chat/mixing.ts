/**
 * The attacker's cover traffic (`attack.mixing`, 0-0.95): a share of its prompts imitate honest
 * requests, as the proxy networks of the reported campaign mixed extraction with ordinary
 * customers' traffic so that each account looked like a light user (REFERENCE.md, "The chat
 * scenario"). Each of the strategy's prompts is replaced, with probability `mixing`, by what an
 * honest user asks (./honest.ts: a problem drawn from all of them, with `[steps]` as often as
 * `scenario.honestWantSteps`); its timing and wording follow an honest persona (./population.ts).
 *
 * Useless for training, by the lab's choice: the attacker pays for cover prompts like any other
 * (tokens billed, account quota used) but does not train on them. In the lab's language an honest
 * request is itself a task problem, so cover traffic could teach something here; a real campaign's
 * cover is ordinary customers' traffic, off the capability it distils, and the lab counts it as
 * such. So mixing costs the attacker the share `mixing` of its budget.
 */
import type { Rng } from '../../rng';
import { drawProblem, promptTokens } from './task';

export { MIXING_MAX } from './meta';

export interface MixedPrompts {
  prompts: (readonly number[])[];
  /** 1 where prompts[i] is a cover prompt */
  cover: Uint8Array;
  coverCount: number;
}

/**
 * The strategy's prompts with a share `mixing` replaced by honest-looking ones (see the header);
 * nothing changes (and nothing is drawn) when mixing is 0.
 * @param prompts the strategy's prompts
 * @param mixing share of cover traffic, 0..MIXING_MAX
 * @param operands k of the task; @param wantSteps scenario.honestWantSteps
 */
export function mixCover(
  prompts: readonly (readonly number[])[],
  mixing: number,
  operands: number,
  wantSteps: number,
  rng: Rng,
): MixedPrompts {
  const cover = new Uint8Array(prompts.length);
  if (!(mixing > 0)) return { prompts: [...prompts], cover, coverCount: 0 };
  let coverCount = 0;
  const mixed = prompts.map((prompt, i) => {
    if (!(rng.next() < mixing)) return prompt;
    cover[i] = 1;
    coverCount++;
    const problem = drawProblem(operands, rng);
    return promptTokens(problem, rng.next() < wantSteps);
  });
  return { prompts: mixed, cover, coverCount };
}

/**
 * The policy cards' titles, kept apart from the cards' text: the "Policy card" buttons beside the
 * controls name their card at first paint, while the cards themselves (src/classroom/policyCards.ts)
 * load with the cards dialog, on demand. policyCards.ts takes each title from here, so the two
 * never disagree.
 */
export const POLICY_CARD_TITLES = {
  random: 'Attack: random queries',
  natural: 'Attack: natural data (Knockoff Nets)',
  active: 'Attack: active learning',
  jacobian: 'Attack: Jacobian augmentation',
  rounded: 'Defense: rounded probabilities',
  topk: 'Defense: top-k answers',
  label: 'Defense: label only',
  noise: 'Defense: noisy probabilities',
  reverseSigmoid: 'Defense: reverse sigmoid',
  rateLimit: 'Defense: rate limits and quotas',
  watermark: 'Defense: watermarking answers (DAWN)',
  detection: 'Defense: detecting extraction (PRADA)',
  misinformation: 'Defense: adaptive misinformation',
  mad: 'Defense: prediction poisoning (MAD)',
  equationSolving: 'Attack: solving for the weights (credit)',
  lineSearch: 'Attack: line search on decisions (credit)',
  explanations: 'Attack: reading the explanations (credit)',
  explainDecisions: 'API option: explained decisions (credit)',
  taskPrompts: 'Attack: distillation with task prompts (chat)',
  elicitReasoning: 'Attack: prompts that ask for the reasoning (chat)',
  randomText: 'Attack: random text, the baseline (chat)',
  text: 'Defense: text only, no log-probabilities (chat)',
  topLogprobs: 'Defense: few top log-probabilities (chat)',
  hiddenReasoning: 'Defense: hidden reasoning (chat)',
  logitStealing: 'Attack: stealing the last layer from log-probabilities (chat)',
  textWatermark: 'Defense: a text watermark students inherit (chat)',
  elicitationFilter: 'Defense: filtering requests for reasoning (chat)',
  campaignDetection: 'Defense: finding campaigns across accounts (chat)',
  coverTraffic: 'Attack: hiding a campaign in ordinary-looking traffic (chat)',
} as const;

export type PolicyCardId = keyof typeof POLICY_CARD_TITLES;

/**
 * The title of the card `id` (a strategy, an output mode or a defense's switch group).
 * @param id the card's id, as in the config
 * @returns its title, or undefined when no card has that id
 */
export function policyCardTitle(id: string): string | undefined {
  return Object.hasOwn(POLICY_CARD_TITLES, id) ? POLICY_CARD_TITLES[id as PolicyCardId] : undefined;
}

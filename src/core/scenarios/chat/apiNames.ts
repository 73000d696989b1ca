/**
 * The chat API's names and limits (answer formats, reasoning visibility, top-k range, reply
 * length): a leaf module, so the page's metadata can name them without loading the API that
 * generates answers (./chatApi.ts re-exports them; test/build/pageGraph.test.ts keeps it so).
 */
export const CHAT_OUTPUT_MODES = ['text', 'topLogprobs', 'logprobs'] as const;
export type ChatOutputMode = (typeof CHAT_OUTPUT_MODES)[number];
export const REASONING_VISIBILITY = ['shown', 'hidden'] as const;
export type ReasoningVisibility = (typeof REASONING_VISIBILITY)[number];

/** the range of `defense.output.k` for topLogprobs */
export const TOP_K_MIN = 1;
export const TOP_K_MAX = 20;
/** longest reply the API generates (a task answer has at most 5 + 2 + 4 + 1 = 12 tokens) */
export const MAX_REPLY_TOKENS = 16;

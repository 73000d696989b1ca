/**
 * The chat scenario's vocabulary and tokenizer: 56 tokens, one word each, so a "text" is a list of
 * token ids and the tokenizer is a table lookup both ways (no sub-words: the lab's language is
 * tiny on purpose, and whole-word tokens keep the transcript readable).
 *
 *   ids 0-9    the digits 0..9 (operands, running sums and results)
 *   10 `=`     ends the question
 *   11 `<bos>` start of the conversation; also pads the model's window before the first token
 *   12 `<end>` end of the answer
 *   13 `</think>`  closes the private reasoning: what the model writes before it is its trace,
 *              which an API with reasoning hidden keeps to itself
 *   14 `[steps]`   "= (show your steps)": ends the question in place of `=` (`elicitReasoning`)
 *   15 `=>`   "so the answer is", between visible steps and the result
 *   16-55      40 chatty words the model adds after the maths ("sure", "so", "right", ...)
 */

/** token id of each special token */
export const TOKEN = {
  equals: 10,
  bos: 11,
  end: 12,
  thinkEnd: 13,
  steps: 14,
  answerMark: 15,
} as const;

/** The digits' ids are their values: DIGIT_COUNT tokens from id 0. */
export const DIGIT_COUNT = 10;

/** the first chatty word's id */
export const FIRST_CHAT_TOKEN = 16;

/** The 40 chatty words, in id order from FIRST_CHAT_TOKEN. */
export const CHAT_WORDS = [
  'sure', 'so', 'right', 'ok', 'great', 'done', 'easy', 'nice', 'yes', 'indeed',
  'there', 'you', 'go', 'hope', 'helps', 'happy', 'to', 'help', 'cheers', 'glad',
  'simple', 'enjoy', 'thanks', 'well', 'then', 'cool', 'neat', 'fine', 'good', 'clear',
  'got', 'it', 'all', 'set', 'exactly', 'correct', 'yep', 'alright', 'perfect', 'voila',
] as const; // prettier-ignore

/** Every token's text, indexed by id. */
export const VOCABULARY: readonly string[] = [
  ...Array.from({ length: DIGIT_COUNT }, (_, digit) => String(digit)),
  '=',
  '<bos>',
  '<end>',
  '</think>',
  '[steps]',
  '=>',
  ...CHAT_WORDS,
];

/** Number of tokens (56). */
export const VOCAB_SIZE = VOCABULARY.length;

const ID_OF = new Map(VOCABULARY.map((text, id) => [text, id]));

/** Is `token` a digit (ids 0..9)? */
export function isDigit(token: number): boolean {
  return token >= 0 && token < DIGIT_COUNT;
}

/** Is `token` one of the chatty words? */
export function isChatWord(token: number): boolean {
  return token >= FIRST_CHAT_TOKEN && token < VOCAB_SIZE;
}

/**
 * Token ids of a text whose words are separated by whitespace, e.g. `encode('3 7 =')` is
 * [3, 7, 10]. Throws on a word outside the vocabulary, naming it.
 */
export function encode(text: string): number[] {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  return words.map((word) => {
    const id = ID_OF.get(word);
    if (id === undefined) throw new RangeError(`chat tokenizer: unknown word '${word}'`);
    return id;
  });
}

/** The text of token ids, words joined by single spaces (the inverse of `encode`). */
export function decode(tokens: ArrayLike<number>): string {
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = VOCABULARY[tokens[i]!];
    if (word === undefined) throw new RangeError(`chat tokenizer: unknown token id ${tokens[i]}`);
    words.push(word);
  }
  return words.join(' ');
}

/**
 * Text a person types (CLI `--set`, `--levels`, share links) read strictly, and text echoed back
 * in error messages made safe to print. Kept apart from ./parse.ts so the schema can change
 * without touching the rules for reading numbers.
 */

/**
 * The decimal forms a person writes: an optional minus, digits with an optional fraction (or a
 * fraction alone), and an optional exponent: `12`, `-3`, `0.5`, `.5`, `5.`, `1e3`, `2.5E-2`.
 * Refused on purpose, because `Number()` accepts them silently or they mean something else here:
 * hexadecimal, binary and octal (`0x10`, `0b11`, `0o17`), surrounding or inner spaces, a leading
 * `+` (a `+` in a URL is often a space), `Infinity`, `NaN`, digit separators (`1_000`) and
 * thousands commas (`1,000`: a comma separates list items in layer sizes and `--levels`).
 */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a decimal number from text (see DECIMAL for the accepted forms).
 * @param text what the person typed, untrimmed
 * @returns the number, or null when the text is not a decimal number or overflows to ±Infinity
 *   (`1e400`), so the caller can name the field and quote the text
 */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  // `+ 0` turns -0 into 0, so "-0" and "0" give the same config bits everywhere.
  return Number.isFinite(value) ? value + 0 : null;
}

/**
 * Why text is not a decimal number, in words for a message, or null when it is one.
 * @param text what the person typed for a number field
 */
export function whyNotDecimal(text: string): string | null {
  if (parseDecimal(text) !== null) return null;
  if (DECIMAL.test(text)) return 'too large to be a number';
  if (text !== text.trim()) return 'spaces or line breaks around a number are not read';
  return 'not a decimal number';
}

/** Longest stretch of user text echoed in a message, in UTF-16 units, before it is cut with "…". */
export const ECHO_LIMIT = 60;

/**
 * Characters that JSON.stringify leaves as they are but that must not reach a terminal raw: C1
 * controls, line and paragraph separators, zero-width and bidirectional-override characters
 * (which can make an echoed name read as something else), and the byte-order mark.
 */
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

function escapeInvisible(json: string): string {
  return json.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Quotes user text for an error message, JSON-style: in double quotes, with newlines, quotes,
 * control and invisible characters escaped, and cut to ECHO_LIMIT characters (marked by "…"
 * inside the quotes), so a message stays one readable line whatever was typed.
 * @param text the text as the person gave it
 */
export function quoteText(text: string): string {
  const cut = text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
  return escapeInvisible(JSON.stringify(cut));
}

/** Items and nesting shown of a list or object before "…". */
const PREVIEW_ITEMS = 6;
const PREVIEW_DEPTH = 3;

/** Short JSON of a value, walking at most PREVIEW_DEPTH levels and PREVIEW_ITEMS items each. */
function preview(value: unknown, depth: number): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  const list = Array.isArray(value);
  if (depth >= PREVIEW_DEPTH) return list ? '[…]' : '{…}';
  const entries = (
    list ? value.slice(0, PREVIEW_ITEMS + 1).map((v) => ['', v] as const) : Object.entries(value)
  ).slice(0, PREVIEW_ITEMS + 1);
  const shown = entries
    .slice(0, PREVIEW_ITEMS)
    .map(([k, v]) => `${list ? '' : `${JSON.stringify(k)}:`}${preview(v, depth + 1)}`);
  if (entries.length > PREVIEW_ITEMS) shown.push('…');
  return list ? `[${shown.join(',')}]` : `{${shown.join(',')}}`;
}

/**
 * Describes any input value for a "(got …)" clause: strings quoted as by quoteText, numbers and
 * booleans as written, numbers JSON cannot hold in words (JSON.parse reads `1e400` as Infinity,
 * which JSON.stringify would print as `null`), lists and objects as short JSON (three levels, six
 * items each), cut like text. Bounded work and no recursion past three levels, whatever the input.
 * @param value a value read from JSON or from text
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return quoteText(value);
  if (typeof value === 'number' && !Number.isFinite(value))
    return Number.isNaN(value) ? 'not a number' : 'a number too large to represent';
  const json = preview(value, 0);
  return escapeInvisible(json.length > ECHO_LIMIT ? `${json.slice(0, ECHO_LIMIT)}…` : json);
}

/**
 * The one configuration schema. The same plain object is the page's state, the share link's
 * content (src/state/url.ts formats it from FIELDS) and the CLI's input. Behaviour is looked
 * up by name ("jacobian", "reverseSigmoid"), never stored as a function, so a config crosses the
 * URL, the worker boundary and the command line unchanged.
 *
 * Every field is declared once in FIELDS (config/fields.ts): its dotted path, kind, allowed range, default, a short
 * key for share links, a label and a plain-words help text. Defaults, validation, `--set`, the
 * share link and the page's tooltips are all derived from that table.
 */

export * from './config/schema';
export * from './config/fields';
export * from './config/parse';
export * from './config/text';

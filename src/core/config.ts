/**
 * The one configuration schema. The same plain object is the page's state, the share link's
 * content (src/state/url.ts formats it from FIELDS) and the CLI's input. Behaviour is looked
 * up by name ("jacobian", "reverseSigmoid"), never stored as a function, so a config crosses the
 * URL, the worker boundary and the command line unchanged.
 *
 * Every field is declared once, by the plug-in it belongs to (a scenario kind, an attack, a
 * defense, or config/common.ts for the shared ones); config/fields.ts assembles the FIELDS table:
 * dotted path, kind, allowed range, default, a short key for share links, a label and a
 * plain-words help text. Defaults, validation, `--set`, the share link and the page's tooltips are
 * all derived from that table. Paths are typed (config/paths.ts), versions migrate
 * (config/migrate.ts).
 */

export * from './config/schema';
export * from './config/paths';
export * from './config/fields';
export * from './config/parse';
export * from './config/migrate';
export * from './config/text';

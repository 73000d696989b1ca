/**
 * The controls a course author can lock or hide in an embed, as a checklist: every setting of the
 * field registry (src/core/config/fields.ts) that the scenario kind reads, grouped as the page's
 * panels group them (the attacker's settings, one group per defense, the honest users). The
 * chosen paths are written back as the shortest list of path prefixes that covers exactly them
 * (`lock=defense.watermark` rather than its three fields), which viewFlags.ts reads.
 */
import { FIELDS, type FieldSpec, type ScenarioKind } from '../core/config';
import { defensesFor } from '../core/registry/meta';
import { underPrefix } from './viewFlags';

export interface ControlGroup {
  /** the group's heading: "The attacker's settings", a defense's name, "Honest users" */
  title: string;
  /** the embed part whose panel shows these controls */
  panel: 'attacker-panel' | 'defender-panel';
  /** the controls, in the panel's order: config path and label */
  fields: { path: string; label: string }[];
}

const readsKind = (kind: ScenarioKind) => (f: FieldSpec) => !f.kinds || f.kinds.includes(kind);
const entry = (f: FieldSpec) => ({ path: f.path as string, label: f.label });

/**
 * The lockable and hideable controls of scenario kind `kind`, grouped by panel and defense.
 * @param kind the scenario kind of the run being embedded (fields of other kinds are not shown)
 */
export function controlGroups(kind: ScenarioKind): ControlGroup[] {
  const fields = FIELDS.filter(readsKind(kind));
  const isDefense = (f: FieldSpec) => f.path.startsWith('defense.');
  const isHonest = (f: FieldSpec) => f.path.startsWith('benign.');
  const groups: ControlGroup[] = [
    {
      title: "The attacker's settings",
      panel: 'attacker-panel',
      fields: fields.filter((f) => !isDefense(f) && !isHonest(f)).map(entry),
    },
  ];
  const claimed = new Set<string>();
  for (const defense of defensesFor(kind)) {
    const own = defense.fields.filter(readsKind(kind));
    own.forEach((f) => claimed.add(f.path));
    groups.push({ title: defense.name, panel: 'defender-panel', fields: own.map(entry) });
  }
  const others = fields.filter((f) => isDefense(f) && !claimed.has(f.path));
  if (others.length > 0)
    groups.push({ title: 'Other defenses', panel: 'defender-panel', fields: others.map(entry) });
  groups.push({
    title: 'Honest users',
    panel: 'defender-panel',
    fields: fields.filter(isHonest).map(entry),
  });
  return groups.filter((g) => g.fields.length > 0);
}

/** Every prefix of a dotted path, shortest first: "a.b.c" gives "a", "a.b", "a.b.c". */
function prefixesOf(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * The shortest list of path prefixes that covers exactly the chosen paths: a prefix is used when
 * every field under it (of every kind, since a prefix also covers the fields of kinds not shown)
 * is chosen. `coveredBy(path, compactPaths(chosen))` is true for exactly the chosen fields.
 * @param chosen config paths of the chosen fields
 * @param all the field table (FIELDS; a parameter so tests can pass a small one)
 */
export function compactPaths(
  chosen: ReadonlySet<string>,
  all: readonly { path: string }[] = FIELDS,
): string[] {
  const out: string[] = [];
  for (const field of all) {
    if (!chosen.has(field.path)) continue;
    const prefix = prefixesOf(field.path).find((p) =>
      all.every((f) => !underPrefix(f.path, p) || chosen.has(f.path)),
    );
    if (prefix !== undefined && !out.includes(prefix)) out.push(prefix);
  }
  return out;
}

/**
 * The fields a list of prefixes covers (the inverse of compactPaths), to tick the checklist from a
 * link's `lock=` or `hide=`.
 * @param entries paths or prefixes, as in a link
 * @param all the field table
 */
export function expandPaths(
  entries: readonly string[],
  all: readonly { path: string }[] = FIELDS,
): Set<string> {
  return new Set(all.filter((f) => entries.some((e) => underPrefix(f.path, e))).map((f) => f.path));
}

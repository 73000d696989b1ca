/**
 * Small helpers shared by the field components: the ids that tie a control to its label, tooltip
 * and error message, and the FIELDS entry of a path with the kind the component expects.
 */
import { FIELD_BY_PATH, type FieldSpec } from '../../core/config';

export interface FieldIds {
  control: string;
  label: string;
  help: string;
  error: string;
}

/** Element ids for one field, from the component's `$props.id()`. */
export function fieldIds(uid: string): FieldIds {
  return {
    control: `${uid}-control`,
    label: `${uid}-label`,
    help: `${uid}-help`,
    error: `${uid}-error`,
  };
}

type Kind = FieldSpec['kind'];

/** The field at `path`, which must be of one of `kinds` (a programming error otherwise). */
export function requireSpec<K extends Kind>(path: string, ...kinds: K[]): FieldSpec & { kind: K } {
  const spec = FIELD_BY_PATH.get(path);
  if (!spec || !(kinds as Kind[]).includes(spec.kind))
    throw new Error(`${path} is not a ${kinds.join(' or ')} field`);
  return spec as FieldSpec & { kind: K };
}

/**
 * The classroom state moved beside the store (src/state/classroom.svelte.ts). This re-export
 * remains only for src/components/controls/FieldRow.svelte, which another change is editing; point
 * its import at '../../state/classroom.svelte' and delete this file.
 */
export * from '../../state/classroom.svelte';

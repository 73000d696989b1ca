/** Rounds to 6 significant digits so printed numbers stay readable and stable (CLI, exports). */
export function tidy(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(6)) : value;
}

/**
 * CSV serialisers for exports and the sweep CLI (RFC 4180: comma-separated, a cell with a comma,
 * quote or line break is quoted and its quotes doubled, lines joined by "\n"). The sweep and curve
 * files round each measure to the resolution that means something (SWEEP_DECIMALS: shares to 4
 * decimals, i.e. 0.01 percentage points; dollars to cents), since a mean over a few seeds printed
 * to 17 digits ("0.9866666666666667") claims a precision it does not have and reads badly in a
 * spreadsheet. The run summary keeps full values (p-values can be 1e-12), like the JSON export.
 */
import type { SimulationResult, SweepResult } from '../core/types';
import { FIELDS, formatFieldText, getPath, type FieldValue } from '../core/config';

/** One CSV cell, quoted when it needs to be. */
export function csvCell(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows of cells as CSV text (no trailing newline). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n');
}

const SWEEP_COLUMNS = [
  'fidelity',
  'fidelityUniform',
  'studentAccuracy',
  'benignAccuracyDrop',
  'distortion',
  'benignBlocked',
  'falsePositives',
  'attackerCostUSD',
  'queriesAnswered',
] as const;

/**
 * Decimals kept for each measure of the sweep CSV: shares and fractions (fidelity, accuracy,
 * hit the daily limit, flagged, distortion) to 4 decimals, accuracy drop in points to 2, dollars to cents,
 * answered queries (a mean over seeds) to 1.
 */
export const SWEEP_DECIMALS: Readonly<Record<(typeof SWEEP_COLUMNS)[number], number>> = {
  fidelity: 4,
  fidelityUniform: 4,
  studentAccuracy: 4,
  benignAccuracyDrop: 4,
  distortion: 4,
  benignBlocked: 4,
  falsePositives: 4,
  attackerCostUSD: 2,
  queriesAnswered: 1,
};

/**
 * `value` rounded to `decimals` places, written without trailing zeros ("0.9867", "12.5", "0");
 * a value that is not finite is an empty cell.
 */
export function roundedCell(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Header of the sweep CSV: knob, level, label, then mean and std of each measure, watermarkShown. */
export const SWEEP_CSV_HEADER: readonly string[] = [
  'knob',
  'level',
  'label',
  ...SWEEP_COLUMNS.flatMap((c) => [`${c}_mean`, `${c}_std`]),
  'watermarkShown',
];

function sweepRows(result: SweepResult): string[][] {
  return result.levels.map((level) => [
    result.knob,
    String(level.level),
    level.label,
    ...SWEEP_COLUMNS.flatMap((c) => [
      roundedCell(level[c].mean, SWEEP_DECIMALS[c]),
      roundedCell(level[c].std, SWEEP_DECIMALS[c]),
    ]),
    level.watermarkShown === null ? '' : String(level.watermarkShown),
  ]);
}

/** One sweep as CSV: one row per level (the `npm run sweep -- --csv` format). */
export function sweepToCsv(result: SweepResult): string {
  return toCsv([SWEEP_CSV_HEADER, ...sweepRows(result)]);
}

/** Several sweeps under one header (the knob column tells them apart). */
export function sweepsToCsv(results: readonly SweepResult[]): string {
  return toCsv([SWEEP_CSV_HEADER, ...results.flatMap(sweepRows)]);
}

export const CURVE_CSV_HEADER: readonly string[] = [
  'run',
  'queries',
  'answered',
  'fidelity',
  'fidelityUniform',
  'studentAccuracy',
];

/** Learning curves as CSV: run B (the current one) and, when pinned, run A. */
export function curveToCsv(
  result: SimulationResult,
  pinned: SimulationResult | null = null,
): string {
  const rows = (label: string, run: SimulationResult) =>
    run.curve.map((p) => [
      label,
      String(p.queries),
      String(p.answered),
      roundedCell(p.fidelity, 4),
      roundedCell(p.fidelityUniform, 4),
      roundedCell(p.accuracy, 4),
    ]);
  return toCsv([CURVE_CSV_HEADER, ...(pinned ? rows('A', pinned) : []), ...rows('B', result)]);
}

export const SUMMARY_CSV_HEADER: readonly string[] = ['section', 'name', 'value'];

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * A run's settings and results as long-format CSV (section, name, value): every setting by its
 * config path, then the victim, student, attacker, defense costs, watermark, detection and
 * campaign-detection numbers.
 */
export function summaryToCsv(result: SimulationResult): string {
  const rows: string[][] = [];
  for (const spec of FIELDS)
    rows.push([
      'setting',
      spec.path,
      formatFieldText(spec, getPath(result.config, spec.path) as FieldValue),
    ]);
  const add = (section: string, record: object | null) => {
    for (const [name, value] of Object.entries(record ?? {}))
      if (typeof value !== 'object' || value === null) rows.push([section, name, cellOf(value)]);
  };
  add('victim', result.victim);
  add('student', result.student);
  add('attacker', result.attacker);
  add('defenseCost', result.defenseCost);
  add('watermark', result.watermark);
  add('detection', result.detection);
  // campaign detection (chat): its counts; the per-day lists and the picture stay in the JSON
  add('campaign', result.campaign);
  return toCsv([SUMMARY_CSV_HEADER, ...rows]);
}

import { describe, expect, it } from 'vitest';
import {
  CURVE_CSV_HEADER,
  csvCell,
  curveToCsv,
  roundedCell,
  summaryToCsv,
  sweepToCsv,
  sweepsToCsv,
  SWEEP_CSV_HEADER,
  toCsv,
} from '../../src/classroom/csv';
import { defaultConfig, FIELDS } from '../../src/core/config';
import { fakeResult, fakeSweep } from '../state/fixtures';

/** A small RFC 4180 reader, to check that what we write reads back cell for cell. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

describe('CSV', () => {
  it('quotes cells with commas, quotes and line breaks, and reads back exactly', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    const rows = [
      ['a', 'b,c', 'd"e'],
      ['line\nbreak', '', 'x'],
    ];
    expect(readCsv(toCsv(rows))).toEqual(rows);
  });

  it('writes a sweep with one row per level and mean/std columns', () => {
    const sweep = fakeSweep(defaultConfig(), 'defense.output.sigma');
    const rows = readCsv(sweepToCsv(sweep));
    expect(rows[0]).toEqual([...SWEEP_CSV_HEADER]);
    expect(rows[0]).toContain('fidelity_mean');
    expect(rows[0]).toContain('falsePositives_std');
    expect(rows).toHaveLength(1 + sweep.levels.length);
    expect(rows[1]?.[0]).toBe('defense.output.sigma');
    expect(Number(rows[1]?.[SWEEP_CSV_HEADER.indexOf('fidelity_mean')])).toBe(
      sweep.levels[0]?.fidelity.mean,
    );
    const two = readCsv(
      sweepsToCsv([sweep, fakeSweep(defaultConfig(), 'defense.rateLimit.perDay')]),
    );
    expect(two).toHaveLength(1 + 2 * sweep.levels.length);
  });

  it('rounds each sweep measure to its resolution, never past it', () => {
    expect(roundedCell(0.9866666666666667, 4)).toBe('0.9867');
    expect(roundedCell(12.499, 2)).toBe('12.5');
    expect(roundedCell(-0.00001, 4)).toBe('0');
    expect(roundedCell(Number.NaN, 4)).toBe('');
    const sweep = fakeSweep(defaultConfig(), 'defense.output.sigma');
    const level = sweep.levels[0]!;
    const noisy = {
      ...sweep,
      levels: [
        {
          ...level,
          fidelity: { mean: 2 / 3, std: 1 / 7 },
          attackerCostUSD: { mean: 1 / 3, std: 0 },
        },
      ],
    };
    const row = readCsv(sweepToCsv(noisy))[1]!;
    expect(row[SWEEP_CSV_HEADER.indexOf('fidelity_mean')]).toBe('0.6667');
    expect(row[SWEEP_CSV_HEADER.indexOf('fidelity_std')]).toBe('0.1429');
    expect(row[SWEEP_CSV_HEADER.indexOf('attackerCostUSD_mean')]).toBe('0.33');
    for (const [i, name] of SWEEP_CSV_HEADER.entries())
      if (name.endsWith('_mean') || name.endsWith('_std'))
        expect(row[i]!.split('.')[1]?.length ?? 0, name).toBeLessThanOrEqual(4);
  });

  it('writes learning curves for run B, and run A first when pinned', () => {
    const b = fakeResult(defaultConfig(), { slices: 3 });
    const a = fakeResult(defaultConfig(), { slices: 2, fidelity: 0.5 });
    const rows = readCsv(curveToCsv(b, a));
    expect(rows[0]).toEqual([...CURVE_CSV_HEADER]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['A', 'A', 'B', 'B', 'B']);
    expect(Number(rows[5]?.[3])).toBeCloseTo(0.9, 12);
    expect(readCsv(curveToCsv(b))).toHaveLength(4);
  });

  it('writes a run summary with every setting and the result numbers', () => {
    const rows = readCsv(summaryToCsv(fakeResult()));
    expect(rows[0]).toEqual(['section', 'name', 'value']);
    const settings = rows.filter((r) => r[0] === 'setting');
    expect(settings.map((r) => r[1])).toEqual(FIELDS.map((f) => f.path));
    expect(rows).toContainEqual(['setting', 'victim.hidden', '16x16']);
    expect(rows).toContainEqual(['student', 'fidelity', '0.9']);
    expect(rows).toContainEqual(['defenseCost', 'benignAccuracyDrop', '0.012']);
    expect(rows).toContainEqual(['attacker', 'answerCap', '']);
  });
});

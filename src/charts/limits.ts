/**
 * Maths of the "limits against accounts" chart (src/components/panels/LimitsPanel.svelte): which
 * cells are drawn, their colour, which ones the attacker "beats", and the sentence that answers
 * the policymaker's question for one limit. The grid itself is computed in the worker
 * (src/core/limitGrid.ts); nothing here simulates.
 *
 * "Beats the limit": the copy agrees with the owner's model within BEAT_TOLERANCE of the copy the
 * same attack makes without any limit (the grid's `noLimit` run, same seed).
 */
import { interpolateCividis } from 'd3-scale-chromatic';
import type { LimitCell, LimitGridResult } from '../core/limitGrid';
import { parseColour, relativeLuminance } from './palette';
import { formatPercent, formatUSD } from './format';

/** A copy within this much fidelity (1 point) of the no-limit copy has beaten the limit. */
export const BEAT_TOLERANCE = 0.01;

export interface PlacedCell {
  /** column: index into result.limits */
  column: number;
  /** row: index into result.accounts */
  row: number;
  cell: LimitCell;
}

/** The computed cells with their row and column, row by row (the keyboard's order). */
export function placedCells(result: LimitGridResult): PlacedCell[] {
  const columns = result.limits.length;
  return result.cells.flatMap((cell, index) =>
    cell ? [{ column: index % columns, row: Math.floor(index / columns), cell }] : [],
  );
}

/** True when the cell's copy is as good as the one without a limit (within the tolerance). */
export function beatsLimit(cell: LimitCell, result: LimitGridResult): boolean {
  return result.noLimit !== null && cell.fidelity >= result.noLimit.fidelity - BEAT_TOLERANCE;
}

/**
 * Fidelity's colour: cividis (Nuñez, Anderton and Renslow 2018), a sequential map designed to
 * read the same with the common colour-vision deficiencies, from `low` (dark blue) to 100%
 * (yellow).
 * @param low the fidelity drawn darkest (the grid's lowest, or below)
 */
export function fidelityColour(low: number): (fidelity: number) => string {
  const span = Math.max(1e-9, 1 - low);
  return (fidelity) => interpolateCividis(Math.max(0, Math.min(1, (fidelity - low) / span)));
}

/** Black or white text, whichever reads on `background` (WCAG relative luminance). */
export function textOn(background: string): '#000' | '#fff' {
  const rgb = parseColour(background);
  if (!rgb) return '#000';
  // the luminance where black and white text have equal contrast: (L + 0.05)^2 = 1.05 * 0.05
  return relativeLuminance(rgb) > 0.179 ? '#000' : '#fff';
}

/** The fewest accounts in the grid whose copy beats `limit` (null if none does, or not known yet). */
export function accountsToBeat(result: LimitGridResult, limit: number): LimitCell | null {
  const column = result.limits.indexOf(limit);
  if (column < 0) return null;
  for (let row = 0; row < result.accounts.length; row++) {
    const cell = result.cells[row * result.limits.length + column];
    if (cell && beatsLimit(cell, result)) return cell;
  }
  return null;
}

/** Whether the no-limit run and every cell of `column` are computed. */
export function columnComputed(result: LimitGridResult, column: number): boolean {
  if (column < 0 || result.noLimit === null) return false;
  return result.accounts.every((_, row) => result.cells[row * result.limits.length + column]);
}

/**
 * One sentence for a limit: how many accounts beat it, for how much, and what it costs honest
 * users. Built from the grid's numbers only.
 */
export function limitSentence(result: LimitGridResult, limit: number): string {
  const column = result.limits.indexOf(limit);
  // No claim from part of a column: a cell not computed yet may be the one that beats the limit.
  if (!columnComputed(result, column)) return `At ${limit}/day: not known until the grid is done.`;
  const honest = column >= 0 ? result.honestLimited[column] : null;
  const cost =
    honest === null || honest === undefined
      ? ''
      : ` Meanwhile ${formatPercent(honest, 0)} of honest accounts hit the limit at least once.`;
  const beat = accountsToBeat(result, limit);
  const most = result.accounts[result.accounts.length - 1] ?? 0;
  if (!beat)
    return `At ${limit}/day, even ${most} accounts do not copy the model as well as without a limit.${cost}`;
  const many = beat.accounts === 1 ? '1 account copies' : `${beat.accounts} accounts copy`;
  return (
    `At ${limit}/day, ${many} the model as well as without a limit ` +
    `(${formatPercent(beat.fidelity, 1)} agreement) for ${formatUSD(beat.costUSD)}.${cost}`
  );
}

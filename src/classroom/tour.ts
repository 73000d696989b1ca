/**
 * Tour targets: the stable `data-tour` names that lessons highlight and embed links show. Every
 * setting's control carries its config path (data-tour="defense.output.mode"); the regions below
 * carry these names. Changing a name breaks lesson files, so add, never rename.
 */
import { FIELD_BY_PATH } from '../core/config';

export const TOUR_REGIONS = {
  masthead: 'the page header with its buttons',
  lab: 'the whole lab: settings and charts',
  charts: 'every chart',
  'attacker-panel': "the attacker's settings",
  'defender-panel': "the defender's settings",
  playback: 'Run, Step, Play and Reset',
  scoreboard: 'the headline numbers above the maps',
  maps: 'both decision maps',
  curve: 'the learning curve',
  pin: 'the button that pins a run as A for comparison',
  'attacker-sees': 'what the attacker sees for one query',
  ledger: 'the ledger of costs and verdicts',
  frontier: 'the fidelity-versus-cost frontier',
  sweep: 'the sweep controls under the frontier',
  limits: 'the chart of daily limits against attacker accounts',
  detection: 'the detection timeline',
  campaign: 'the cluster picture of campaign detection (chat)',
} as const;

export type TourRegion = keyof typeof TOUR_REGIONS;

/** True for a region name or a setting's dotted path. */
export function isTourTarget(name: string): boolean {
  return Object.hasOwn(TOUR_REGIONS, name) || FIELD_BY_PATH.has(name);
}

/** Parts an embed link may show (`embed=maps,curve`): the chart regions plus the controls. */
export const EMBED_PARTS = [
  'maps',
  'curve',
  'attacker-sees',
  'ledger',
  'frontier',
  'detection',
  'playback',
  'attacker-panel',
  'defender-panel',
] as const satisfies readonly TourRegion[];

export type EmbedPart = (typeof EMBED_PARTS)[number];

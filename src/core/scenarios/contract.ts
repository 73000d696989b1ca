/**
 * The Scenario contract: what a scenario kind provides at run time. A kind owns its folder
 * (src/core/scenarios/<kind>/): `meta.ts` declares its config fields and names (registry/meta.ts
 * lists it), `index.ts` exports a ScenarioRuntime (registry/runtime.ts lists it). The shared
 * machinery every kind reuses: the prediction API and its defenses (api.ts, registry/runtime.ts),
 * the attacker's accounts and schedule (schedule.ts), the attack session and learning curve
 * (session.ts), the honest-user costs (benign.ts), the sweeps (sweep.ts). `Classifier`
 * (types.ts) is the one thing the API serves.
 */
import type { Config, ScenarioKind } from '../config/schema';
import type { ScenarioKindMeta } from '../registry/types';
import type { ProgressFn, SimulationResult } from '../types';

/** Trained victims by the settings that determine them (opaque to everyone but their kind). */
export type VictimCache = Map<string, unknown>;

export function createVictimCache(): VictimCache {
  return new Map();
}

export interface SimulateOptions {
  onProgress?: ProgressFn;
  /** trained victims to reuse across runs (the worker and sweeps keep one) */
  victimCache?: VictimCache;
  /**
   * Files under public/ that the run needs (ScenarioRuntime.assets), by that relative path, e.g.
   * 'models/chat-teacher-k4.bin'. The core does no I/O: the CLI reads them from public/, the
   * worker fetches them, and both pass the bytes here.
   */
  assets?: ReadonlyMap<string, ArrayBuffer>;
  /**
   * Sweeps only read a run's numbers: true skips the parts drawn for one run alone (the planar
   * kind's decision maps and the student's map at each curve point). No number changes: the maps
   * are computed from the trained models and draw nothing from the seeded streams.
   */
  lean?: boolean;
}

export interface ScenarioRuntime {
  id: ScenarioKind;
  meta: ScenarioKindMeta;
  /** one extraction run: config -> result; pure and seeded */
  simulate(config: Config, options: SimulateOptions): SimulationResult;
  /** trains the victim of `config` into `cache` exactly as simulate() would, ahead of time */
  prepareVictim(config: Config, cache: VictimCache): void;
  /** the cache key of the victim a config trains (settings the victim depends on) */
  victimKey(config: Config): string;
  /** configs whose victims are worth training ahead of time (e.g. the other datasets) */
  neighbours(config: Config): Config[];
  /** files under public/ a run of `config` needs (paths relative to public/), if any */
  assets?(config: Config): string[];
}

/** The files under public/ a run of `config` needs (none for most kinds). */
export function assetsFor(runtime: ScenarioRuntime, config: Config): string[] {
  return runtime.assets ? runtime.assets(config) : [];
}

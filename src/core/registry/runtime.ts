/**
 * The registries, simulation side (worker and CLI only): each defense's and each scenario kind's
 * run-time module, one line each. ./meta.ts lists the same plug-ins' metadata for the page.
 */
import type { ApiStage } from '../api';
import type { Config } from '../config/schema';
import { campaign } from '../defenses/campaign/index';
import { chatReasoning } from '../defenses/chatReasoning/index';
import { detection } from '../defenses/detection/index';
import { elicitation } from '../defenses/elicitation/index';
import { output } from '../defenses/output/index';
import { rateLimit } from '../defenses/rateLimit/index';
import { watermark } from '../defenses/watermark/index';
import { chat } from '../scenarios/chat/index';
import { credit } from '../scenarios/credit/index';
import { planar } from '../scenarios/planar/index';
import type { ScenarioRuntime } from '../scenarios/contract';
import type { ApiSetup, DefenseRuntime } from './runtime-types';

export const DEFENSE_RUNTIMES: readonly DefenseRuntime[] = [
  output,
  rateLimit,
  watermark,
  detection,
  chatReasoning,
  elicitation,
  campaign,
];

export const KIND_RUNTIMES: readonly ScenarioRuntime[] = [planar, credit, chat];

/** The defenses that are on for `config`, in the API's order. */
export function activeDefenses(config: Config): DefenseRuntime[] {
  return DEFENSE_RUNTIMES.filter((d) => d.meta.isOn(config)).sort(
    (a, b) => a.meta.order - b.meta.order,
  );
}

/** The API stages of the defenses that are on (for PredictionApi), in the API's order. */
export function attachDefenses(config: Config, setup: Omit<ApiSetup, 'config'>): ApiStage[] {
  return activeDefenses(config).map((d) => ({ id: d.id, stage: d.stage({ ...setup, config }) }));
}

/** The run-time module of a kind known to be valid (the config was validated). */
export function kindRuntime(config: Config): ScenarioRuntime {
  const kind = KIND_RUNTIMES.find((k) => k.id === config.scenario.kind);
  if (!kind) throw new Error(`unknown scenario kind ${config.scenario.kind}`);
  return kind;
}

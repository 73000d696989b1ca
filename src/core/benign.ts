/**
 * What the defenses cost honest users (REFERENCE.md "Defense cost"), measured on simulated benign
 * traffic from the task's own distribution, for every scenario kind:
 *   - benign accuracy drop: top-1 accuracy of the clean answers minus that of the served answers,
 *     split along the API's order between the answer-changing defenses;
 *   - output distortion: mean L1 distance between the clean and the served probability vectors;
 *   - and whatever each defense measures itself (the rate limit: share of honest accounts blocked;
 *     detection: share flagged), through its runtime's `honest` hook.
 * Daily volumes are log-normal (median and spread from the config) for every honest account.
 * Answer quality is measured on a sample of BENIGN_SAMPLE_QUERIES queries, which keeps a run fast.
 */
import { PredictionApi } from './api';
import type { Config } from './config/schema';
import { benignDailyVolumes } from './defenses/rateLimit/limits';
import { argmax } from './math/vector';
import { activeDefenses, DEFENSE_RUNTIMES } from './registry/runtime';
import type { HonestPart, HonestSetup, OwnerAssets } from './registry/runtime-types';
import type { Rng } from './rng';
import type { Classifier, Dataset, DefenseCost } from './types';

import { BENIGN_SAMPLE_QUERIES } from './runSizes';

export { BENIGN_SAMPLE_QUERIES };

export interface BenignReport {
  cost: DefenseCost;
  /** each defense's own honest measure, by defense id */
  parts: ReadonlyMap<string, HonestPart>;
}

export interface HonestTraffic {
  victim: Classifier;
  watermarkKey: number;
  /** honest queries from the task's distribution (labelled), drawn from `rng` */
  sample(count: number, rng: Rng): Dataset;
  /** the owner's side, for answer formats that need it (see ApiSetup.owner) */
  owner?: OwnerAssets;
}

export function measureBenignCost(config: Config, traffic: HonestTraffic, rng: Rng): BenignReport {
  const { benign } = config;
  const { victim } = traffic;
  const classes = victim.classes;
  const volumes = benignDailyVolumes(
    rng.fork('volumes'),
    benign.accounts,
    benign.days,
    benign.medianPerDay,
    benign.spread,
  );

  // Answer quality on a sample of honest queries through the answer stages alone (refusals and
  // bans are the gate and observer defenses' own measures, below).
  const sample = traffic.sample(BENIGN_SAMPLE_QUERIES, rng.fork('sample'));
  const answering = activeDefenses(config).filter((d) => d.meta.stage === 'answer');
  const api = new PredictionApi(
    victim,
    answering.map((d) => ({
      id: d.id,
      stage: d.stage({
        config,
        dims: victim.inputDims,
        classes,
        watermarkKey: traffic.watermarkKey,
        rng: rng.fork('api'),
        owner: traffic.owner,
      }),
    })),
  );
  const served = new Float64Array(classes);
  const stageLabels = new Uint8Array(answering.length);
  /** correct answers after 0..n answer stages (0 = clean) */
  const correct = new Array<number>(answering.length + 1).fill(0);
  let distortion = 0;
  for (let i = 0; i < sample.count; i++) {
    api.query(i % benign.accounts, 0, sample.inputs, i, served, 0, stageLabels);
    const clean = api.log.clean.subarray(i * classes, i * classes + classes);
    const truth = sample.labels[i];
    if (argmax(clean) === truth) correct[0]!++;
    for (let s = 0; s < answering.length; s++) if (stageLabels[s] === truth) correct[s + 1]!++;
    for (let c = 0; c < classes; c++) distortion += Math.abs(clean[c]! - served[c]!);
  }
  // Every answer-changing defense has an entry (0 when off), in the API's order.
  const accuracyDropBy: Record<string, number> = Object.fromEntries(
    DEFENSE_RUNTIMES.filter(
      (d) =>
        d.meta.stage === 'answer' &&
        (d.meta.kinds === undefined || d.meta.kinds.includes(config.scenario.kind)),
    )
      .sort((a, b) => a.meta.order - b.meta.order)
      .map((d) => [d.id, 0]),
  );
  answering.forEach((d, s) => {
    accuracyDropBy[d.id] = (correct[s]! - correct[s + 1]!) / sample.count;
  });

  const setup: HonestSetup = {
    config,
    victim,
    dims: victim.inputDims,
    sample: traffic.sample,
    volumes,
  };
  const parts = new Map<string, HonestPart>();
  for (const d of activeDefenses(config)) {
    if (d.honest) parts.set(d.id, d.honest(setup, null, rng.fork(d.id)));
  }
  let benignBlocked = 0;
  let falsePositives = 0;
  for (const part of parts.values()) {
    benignBlocked += part.benignBlocked ?? 0;
    falsePositives += part.falsePositives ?? 0;
  }
  return {
    cost: {
      benignAccuracyDrop: (correct[0]! - correct[answering.length]!) / sample.count,
      accuracyDropBy,
      distortion: distortion / sample.count,
      benignBlocked,
      falsePositives,
    },
    parts,
  };
}

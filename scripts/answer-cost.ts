/**
 * What an answer format costs the API per 1,000 queries (used by scripts/bench.ts and
 * scripts/poison-table.ts): the default scenario's victim behind the output defense of `config`,
 * answering uniform queries; median of repeated timings, minus the same API with no defense.
 * The one-off set-up (training f_hat or MAD's surrogate) is reported apart.
 */
import { performance } from 'node:perf_hooks';
import { PredictionApi } from '../src/core/api';
import { setPath, type Config } from '../src/core/config';
import { attachDefenses } from '../src/core/registry/runtime';
import { createRng } from '../src/core/rng';
import { uniformInBox } from '../src/core/sampling';
import { buildScenario } from '../src/core/scenarios/planar/scenario';
import { obtainVictim } from '../src/core/scenarios/planar/victim';

export interface AnswerCost {
  /** building the API's stages (training the format's own models), ms */
  setupMs: number;
  /** answering 1,000 queries, ms, minus the undefended API's time */
  per1kMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function apiTime(config: Config, runs: number): AnswerCost {
  const rng = createRng(config.seed);
  const scenario = buildScenario(config, rng.fork('data'));
  const victim = obtainVictim(config, scenario, rng.fork('victim'));
  const owner = {
    victim,
    train: scenario.train,
    box: scenario.box,
    rng: rng.fork('owner'),
    cache: new Map<string, unknown>(),
    cacheKey: 'answer-cost',
  };
  const { classes } = scenario;
  const start = performance.now();
  const stages = attachDefenses(config, {
    dims: 2,
    classes,
    watermarkKey: 1,
    rng: rng.fork('api'),
    owner,
  });
  const setupMs = performance.now() - start;
  const inputs = uniformInBox(scenario.box, 1000, rng.fork('queries'));
  const served = new Float64Array(classes);
  const samples: number[] = [];
  for (let run = 0; run < runs + 1; run++) {
    const api = new PredictionApi(victim, stages);
    const t = performance.now();
    for (let i = 0; i < 1000; i++) api.query(0, 0, inputs, i, served, 0);
    if (run > 0) samples.push(performance.now() - t); // the first run warms up
  }
  return { setupMs, per1kMs: median(samples) };
}

/** The output defense of `config` per 1,000 queries, beyond the undefended API. */
export function answerCost(config: Config, runs = 7): AnswerCost {
  const bare = apiTime(setPath(config, 'defense.output.mode', 'probabilities'), runs);
  const defended = apiTime(config, runs);
  return { setupMs: defended.setupMs, per1kMs: defended.per1kMs - bare.per1kMs };
}

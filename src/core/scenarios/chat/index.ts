/**
 * The chat kind at run time: one distillation run against a chat API. Loads the teacher for
 * `scenario.operands` (shipped weights: the caller passes the file's bytes, see `assets`), serves
 * it behind the shared API gate (accounts, days, rate limits), lets the chosen strategy's prompts
 * through, trains the student on the visible answers (soft targets when the API returns
 * log-probabilities), measures capability and fidelity on held-out problems (./evaluate.ts), the
 * attacker's tokens and dollars, and what the settings cost honest users (./honest.ts; the rate
 * limit's own measure through its runtime hook; campaign detection's false positives from the
 * run itself, ./campaignWatch.ts). How the shared result fields are filled:
 * ./result.ts. Pure: the same config and bytes give byte-identical results in Node and a worker.
 */
import { PredictionApi } from '../../api';
import { chatAttack } from '../../attacks/chat';
import type { Config } from '../../config/schema';
import { answerCap, benignDailyVolumes } from '../../defenses/rateLimit/limits';
import { activeDefenses, DEFENSE_RUNTIMES } from '../../registry/runtime';
import type { DefenseRuntime } from '../../registry/runtime-types';
import { createRng } from '../../rng';
import type { Classifier, DefenseCost, SimulationResult } from '../../types';
import type { ScenarioRuntime, SimulateOptions, VictimCache } from '../contract';
import { chatApiOptions } from './apiSettings';
import { CampaignWatch } from './campaignWatch';
import { mixCover } from './mixing';
import { capability, fidelity, statedResults } from './evaluate';
import { honestChatRuns, type HonestRuns } from './honestRuns';
import { runStealingSession } from './stealingRun';
import { chatWatermarkReport } from './watermarkReport';
import type { WindowLm } from './lm';
import { chatMeta } from './meta';
import { chatTurns, sideBySide } from './samples';
import { runChatSession } from './run';
import { drawTrainingProblem, heldOutProblems } from './task';
import { teacherFileName, teacherFromBytes } from './teacher';

/** Held-out problems capability and fidelity are measured on (each curve point and the end). */
export const EVALUATION_PROBLEMS = 300;
/** Training-part problems for the teacher's "training accuracy". */
export const TRAINING_PROBLEMS = 200;
/** Honest chat requests simulated for the honest users' costs. */
export const HONEST_REQUESTS = 300;

/** The file under public/ holding the teacher for k operands. */
export function teacherAsset(k: number): string {
  return `models/${teacherFileName(k)}`;
}

const victimKey = (config: Config) => `chat:${config.scenario.operands}`;

/** The teacher of `config`: from the cache, else read from the asset bytes (then cached). */
function obtainTeacher(config: Config, options: SimulateOptions): WindowLm {
  const key = victimKey(config);
  const cached = options.victimCache?.get(key) as WindowLm | undefined;
  if (cached) return cached;
  const path = teacherAsset(config.scenario.operands);
  const bytes = options.assets?.get(path);
  if (!bytes) {
    throw new Error(`the chat scenario needs ${path} (public/${path}); pass it in options.assets`);
  }
  const loaded = teacherFromBytes(bytes);
  if (loaded.operands !== config.scenario.operands) {
    throw new Error(`${path} holds a teacher for ${loaded.operands} operands`);
  }
  options.victimCache?.set(key, loaded.model);
  return loaded.model;
}

/**
 * The teacher as the Classifier the API serves: the next-token distribution of a window of W
 * token ids (inputs row = the ids as numbers; classes = the vocabulary).
 */
export function nextTokenClassifier(model: WindowLm): Classifier {
  const { window: inputDims, vocab: classes } = model.spec;
  return {
    inputDims,
    classes,
    predict(inputs, count, out, offset = 0) {
      for (let r = 0; r < count; r++) {
        model.forward(inputs, (offset + r) * inputDims);
        out.set(model.probabilities, r * classes);
      }
    },
  };
}

/** The defenses that are on and apply to the chat kind, in the API's order. */
function chatDefenses(config: Config): DefenseRuntime[] {
  return activeDefenses(config).filter((d) => !d.meta.kinds || d.meta.kinds.includes('chat'));
}

export { chatApiOptions } from './apiSettings';

function simulate(config: Config, options: SimulateOptions): SimulationResult {
  const rng = createRng(config.seed);
  const k = config.scenario.operands;
  const strategy = chatAttack(config.attack.strategy);
  options.onProgress?.(0, 'victim');
  const teacher = obtainTeacher(config, options);
  const victim = nextTokenClassifier(teacher);
  const apiOptions = chatApiOptions(config);
  const defenses = chatDefenses(config);
  const gates = defenses.filter((d) => d.meta.stage === 'gate');
  const api = new PredictionApi(
    victim,
    gates.map((d) => ({
      id: d.id,
      stage: d.stage({
        config,
        dims: victim.inputDims,
        classes: victim.classes,
        watermarkKey: 0,
        rng: rng.fork('api-gate'),
      }),
    })),
  );

  const problems = heldOutProblems(k, EVALUATION_PROBLEMS, rng.fork('held-out'));
  const teacherResults = statedResults(teacher, problems, false);
  const measure = (student: WindowLm) => {
    const results = statedResults(student, problems, strategy.asksForSteps);
    return {
      capability: capability(problems, results),
      fidelity: fidelity(results, teacherResults),
    };
  };
  const strategyPrompts = strategy.prompts(k, config.attack.queries, rng.fork('prompts'));
  // cover traffic (attack.mixing) for distillation; the logit-stealing attack sends none
  const mixed = strategy.stealsLastLayer
    ? mixCover(strategyPrompts, 0, k, 0, rng)
    : mixCover(
        strategyPrompts,
        config.attack.mixing,
        k,
        config.scenario.honestWantSteps,
        rng.fork('mixing'),
      );
  const { prompts } = mixed;
  const sessionParts = { config, teacher, api, apiOptions, prompts, rng: rng.fork('attacker') };
  const stealing = strategy.stealsLastLayer ? runStealingSession(sessionParts) : null;
  const campaignWatch =
    config.defense.campaign.on && !stealing
      ? new CampaignWatch(config, (account) => api.ban(account), rng.fork('campaign'))
      : null;
  const session =
    stealing ??
    runChatSession({
      ...sessionParts,
      cover: mixed.cover,
      ...(campaignWatch ? { campaign: campaignWatch } : {}),
      measure,
      onProgress: (fraction, phase) => options.onProgress?.(0.05 + 0.8 * fraction, phase),
    });
  const student = stealing ? null : (session as ReturnType<typeof runChatSession>).student;

  options.onProgress?.(0.88, 'honest users');
  const honestRun = honestChatRuns(teacher, config, apiOptions, HONEST_REQUESTS, rng);
  const { honest } = honestRun;
  const defenseCost = honestCost(config, victim, defenses, honestRun, rng.fork('benign'));
  if (campaignWatch) defenseCost.falsePositives += campaignWatch.falsePositives;
  const watermark =
    config.defense.watermark.on && student
      ? (options.onProgress?.(0.92, 'watermark check'),
        chatWatermarkReport({
          config,
          teacher,
          student,
          prompts,
          answers: session.answers,
          apiOptions,
          problems,
          asksForSteps: strategy.asksForSteps,
          rng: rng.fork('watermark-check'),
        }))
      : null;

  const trainRng = rng.fork('training-problems');
  const trainProblems = Array.from({ length: TRAINING_PROBLEMS }, () =>
    drawTrainingProblem(k, trainRng),
  );
  const final = session.curve[session.curve.length - 1]!;
  const victimCapability = capability(problems, teacherResults);
  const { rateLimit } = config.defense;
  const billed = session.billedTokens;
  const result: SimulationResult = {
    config,
    kind: 'chat',
    classes: victim.classes,
    victim: {
      accuracy: victimCapability,
      trainAccuracy: capability(trainProblems, statedResults(teacher, trainProblems, false)),
    },
    student: {
      accuracy: final.accuracy,
      fidelity: final.fidelity,
      fidelityUniform: final.fidelity,
    },
    attacker: {
      queriesAsked: prompts.length,
      queriesAnswered: session.answered,
      queriesDenied: prompts.length - session.answered,
      accountsUsed: session.accountsUsed,
      accountsBanned: api.bannedCount,
      days: config.attack.days,
      costUSD: roundCents(
        (billed / 1e6) * config.attack.pricePerMTok +
          session.accountsUsed * config.attack.accountCost,
      ),
      answerCap: rateLimit.on
        ? answerCap(config.attack.accounts, rateLimit.perDay, config.attack.days)
        : null,
    },
    curve: session.curve,
    defenseCost,
    watermark,
    detection: null,
    campaign: campaignWatch ? campaignWatch.report(mixed.coverCount) : null,
    queries: session.trace,
    chat: {
      operands: k,
      victimCapability,
      studentCapability: final.accuracy,
      studentFidelity: final.fidelity,
      tokens: { billed, visible: session.visibleTokens, hidden: billed - session.visibleTokens },
      curveTokens: session.curveTokens,
      transcript: chatTurns(prompts, session.answers, session.trace),
      honest,
      sideBySide: student ? sideBySide(teacher, student, problems, strategy.asksForSteps) : [],
      ...(stealing ? { stealing: stealing.report } : {}),
      ...(honestRun.elicitation ? { elicitation: honestRun.elicitation } : {}),
      ...(honestRun.servedDistortion !== null
        ? { servedDistortion: honestRun.servedDistortion }
        : {}),
    },
  };
  options.onProgress?.(1, 'done');
  return result;
}

/**
 * The chat kind's DefenseCost (the honest runs in ./honestRuns.ts): accuracy drop = results honest
 * users lose, through what the API withholds (hidden reasoning: read from the full answer vs the
 * visible one, 0 unless a format drops the result) and through what it changes (logit noise, the
 * watermark: clean vs served answers); distortion = the mean L1 distance between the clean and the
 * served next-token distribution (0 unless noise or watermark); the rate limit's share of honest
 * accounts blocked through its own hook; steps denied from ./honest.ts and ./elicitation.ts.
 */
function honestCost(
  config: Config,
  victim: Classifier,
  defenses: readonly DefenseRuntime[],
  runs: HonestRuns,
  rng: ReturnType<typeof createRng>,
): DefenseCost {
  const { benign } = config;
  const volumes = benignDailyVolumes(
    rng.fork('volumes'),
    benign.accounts,
    benign.days,
    benign.medianPerDay,
    benign.spread,
  );
  let benignBlocked = 0;
  let falsePositives = 0;
  for (const d of defenses) {
    if (!d.honest) continue;
    const part = d.honest(
      {
        config,
        victim,
        dims: victim.inputDims,
        sample: () => {
          throw new Error('the chat kind has no labelled points to sample');
        },
        volumes,
      },
      null,
      rng.fork(d.id),
    );
    benignBlocked += part.benignBlocked ?? 0;
    falsePositives += part.falsePositives ?? 0;
  }
  const { honest } = runs;
  const withheld = honest.cleanCorrectShare - honest.correctShare;
  const changedBy = runs.changedDropBy;
  const changed = Object.values(changedBy).reduce<number>((s, d) => s + (d ?? 0), 0);
  const accuracyDropBy = Object.fromEntries(
    DEFENSE_RUNTIMES.filter(
      (d) => d.meta.stage === 'answer' && (!d.meta.kinds || d.meta.kinds.includes('chat')),
    )
      .sort((a, b) => a.meta.order - b.meta.order)
      .map((d) => [d.id, d.id === 'chat' ? withheld : (changedBy[d.id] ?? 0)]),
  );
  return {
    benignAccuracyDrop: withheld + changed,
    accuracyDropBy,
    distortion: runs.servedDistortion ?? 0,
    benignBlocked,
    falsePositives,
    stepsDenied: Math.max(honest.deniedShare, runs.elicitation?.filteredShare ?? 0),
  };
}

function roundCents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

function prepareVictim(config: Config, cache: VictimCache): void {
  // Nothing to train: the teacher is shipped. Without its bytes there is nothing to prepare.
  void config;
  void cache;
}

export const chat: ScenarioRuntime = {
  id: 'chat',
  meta: chatMeta,
  simulate,
  prepareVictim,
  victimKey,
  neighbours: () => [],
  assets: (config) => [teacherAsset(config.scenario.operands)],
};

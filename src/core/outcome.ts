/**
 * The parts of a run's result that every scenario kind builds the same way from the shared
 * machinery: what the attacker paid and got (from its AttackSession and the PredictionApi), and
 * the reports of the defenses that are on (watermark verdict, detection record).
 */
import type { PredictionApi, ApiStage } from './api';
import type { BenignReport } from './benign';
import type { Config } from './config/schema';
import { answerCap } from './defenses/rateLimit/limits';
import { activeDefenses, DEFENSE_RUNTIMES } from './registry/runtime';
import type { DefenseReportKey, ReportSetup } from './registry/runtime-types';
import type { AttackSession } from './session';
import type { DefenseReports, SimulationResult } from './types';

function roundCents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

/**
 * The attacker's side of a result: queries sent, answered and refused, accounts used and banned,
 * days, and the bill: answered queries at attack.pricePer1k plus attack.accountCost per account
 * used, in USD rounded to cents; answerCap is accounts x perDay x days when a rate limit is on.
 */
export function attackerResult(
  config: Config,
  session: AttackSession,
  api: PredictionApi,
): SimulationResult['attacker'] {
  const { rateLimit } = config.defense;
  const accountsUsed = session.accountsUsed;
  return {
    queriesAsked: session.sent,
    queriesAnswered: session.answered,
    queriesDenied: session.sent - session.answered,
    accountsUsed,
    accountsBanned: api.bannedCount,
    days: config.attack.days,
    costUSD: roundCents(
      (session.answered / 1000) * config.attack.pricePer1k +
        accountsUsed * config.attack.accountCost,
    ),
    answerCap: rateLimit.on
      ? answerCap(config.attack.accounts, rateLimit.perDay, config.attack.days)
      : null,
  };
}

/** What the defense reports need beyond the API and the honest measures. */
export type ReportInputs = Omit<ReportSetup, 'stage' | 'log' | 'bannedCount' | 'alarms' | 'honest'>;

/**
 * Every defense's report field: built for each defense that is on and has a report, null for the
 * others (each defense declares its field in DefenseReports from its meta module).
 */
export function defenseReports(
  inputs: ReportInputs,
  api: PredictionApi,
  stages: readonly ApiStage[],
  benign: BenignReport,
): DefenseReports {
  const reports = Object.fromEntries(
    DEFENSE_RUNTIMES.flatMap((d) => (d.report ? [[d.report.key, null]] : [])),
  ) as Record<DefenseReportKey, unknown>;
  for (const defense of activeDefenses(inputs.config)) {
    if (!defense.report) continue;
    reports[defense.report.key] = defense.report.build({
      ...inputs,
      stage: stages.find((s) => s.id === defense.id)!.stage,
      log: api.log,
      bannedCount: api.bannedCount,
      alarms: api.alarms,
      honest: benign.parts.get(defense.id) ?? {},
    });
  }
  return reports as DefenseReports;
}

/**
 * The chat kind's watermark report (`result.watermark` when `defense.watermark.on`): the KGW
 * ownership check (./watermarkCheck.ts) on the attacker's student, on a control student trained
 * the same way on the same prompts answered without the watermark (it must not be accused), and
 * on the teacher's own served text; and the null distribution of z over many keys for the
 * unwatermarked teacher's text (the false accusation rate at the threshold). The shared fields of
 * WatermarkReport are filled as: pValue / controlPValue = 1 - Phi(z); matchRate / controlMatchRate
 * = green share of the scored tokens; baselineRate / controlBaselineRate = gamma (chance);
 * watermarkedQueries = scored tokens T of the suspect; shown = z > zThreshold.
 */
import type { Config } from '../../config/schema';
import type { Rng } from '../../rng';
import type { WatermarkReport } from '../../types';
import { answerAdjustment, answerPrompt, type ChatAnswer, type ChatApiOptions } from './chatApi';
import type { WindowLm } from './lm';
import { studentOptions } from './run';
import { studentExamples, trainStudent } from './student';
import { promptTokens } from './task';
import {
  nullDistribution,
  SCORED_TOKENS,
  scoredText,
  textZ,
  type NullDistribution,
} from './watermarkCheck';

/** The text-watermark part of a chat run's WatermarkReport. */
export interface TextWatermarkReport {
  /** z of the student's own text */
  z: number;
  /** z of the control student's own text */
  controlZ: number;
  /** z of the teacher's text as the API serves it (watermarked) */
  teacherZ: number;
  /**
   * z of the same watermarked text scored only where the teacher is near-certain (entropy below
   * ENTROPY_MIN: the sums and the result): the boost cannot move a token that already has all the
   * probability, so no mark is there
   */
  teacherCertainZ: number;
  /**
   * the same score of the teacher's text without the watermark, sampled with the same random
   * draws: equal or nearly so to teacherCertainZ (the watermark changed nothing there; either may
   * be far from 0, as the few contexts of digits give each key its own baseline)
   */
  teacherCertainCleanZ: number;
  /** scored tokens T of each check */
  scoredTokens: number;
  threshold: number;
  gamma: number;
  delta: number;
  /** z of the unwatermarked teacher's text under many other keys */
  nullZ: NullDistribution;
}

declare module '../../types' {
  interface WatermarkReport {
    /** chat: the KGW text watermark's check (absent for DAWN) */
    text?: TextWatermarkReport;
  }
}

export interface WatermarkReportParts {
  config: Config;
  teacher: WindowLm;
  student: WindowLm;
  /** the attacker's prompts and the API's answers to them (null: refused) */
  prompts: readonly (readonly number[])[];
  answers: readonly (ChatAnswer | null)[];
  apiOptions: ChatApiOptions;
  /** held-out problems the suspects are asked */
  problems: readonly (readonly number[])[];
  /** the student is asked with [steps] (as it was taught) */
  asksForSteps: boolean;
  rng: Rng;
}

/** The report (see the header). */
export function chatWatermarkReport(parts: WatermarkReportParts): WatermarkReport {
  const { config, teacher, student, apiOptions, rng } = parts;
  const mark = apiOptions.watermark;
  if (!mark) throw new Error('chatWatermarkReport: the API has no watermark');
  const threshold = config.defense.watermark.zThreshold;
  const plain = parts.problems.map((p) => promptTokens(p, false));
  const asTaught = parts.problems.map((p) => promptTokens(p, parts.asksForSteps));
  const T = SCORED_TOKENS;

  // the control: the same prompts answered without the watermark, the same training recipe
  const { watermark: _mark, ...unmarked } = apiOptions;
  const answerRng = rng.fork('control-answers');
  const kept = parts.answers.flatMap((a, i) => (a ? [parts.prompts[i]!] : []));
  const cleanAnswers = kept.map((prompt) => answerPrompt(teacher, prompt, unmarked, answerRng));
  const control = trainStudent(
    studentExamples(kept, cleanAnswers, true),
    studentOptions(config),
    rng.fork('control'),
  );

  const ofStudent = textZ(
    scoredText(student, teacher, asTaught, T, rng.fork('student')),
    mark.lists,
  );
  const ofControl = textZ(scoredText(control, teacher, asTaught, T, rng.fork('ctrl')), mark.lists);
  const served = answerAdjustment({ watermark: mark });
  const ofTeacher = textZ(
    scoredText(teacher, teacher, plain, T, rng.fork('teacher'), served),
    mark.lists,
  );
  const cleanText = scoredText(teacher, teacher, plain, T, rng.fork('teacher-clean'));
  const ofCertain = textZ(
    scoredText(teacher, teacher, plain, T, rng.fork('teacher-certain'), served, 'certain'),
    mark.lists,
  );
  const ofCertainClean = textZ(
    scoredText(teacher, teacher, plain, T, rng.fork('teacher-certain'), undefined, 'certain'),
    mark.lists,
  );
  return {
    pValue: ofStudent.pValue,
    controlPValue: ofControl.pValue,
    matchRate: ofStudent.greenShare,
    baselineRate: mark.lists.gamma,
    controlMatchRate: ofControl.greenShare,
    controlBaselineRate: mark.lists.gamma,
    watermarkedQueries: ofStudent.scored,
    shown: ofStudent.z > threshold,
    controlAccused: ofControl.z > threshold,
    text: {
      z: ofStudent.z,
      controlZ: ofControl.z,
      teacherZ: ofTeacher.z,
      teacherCertainZ: ofCertain.z,
      teacherCertainCleanZ: ofCertainClean.z,
      scoredTokens: ofStudent.scored,
      threshold,
      gamma: mark.lists.gamma,
      delta: mark.delta,
      nullZ: nullDistribution(cleanText, mark.lists.gamma, teacher.spec.vocab, threshold),
    },
  };
}

/**
 * The chat scenario's victim: a window language model (lm.ts; hidden 48, tanh) that solves chained
 * addition mod 10 for one operand count k, with private reasoning, visible steps on request, and
 * chatty words (task.ts). Its hidden size stays well below the vocabulary (48 < 56), so its
 * log-probability vectors span a 49-dimensional subspace, which a last-layer attack can reveal
 * (Carlini et al., ICML 2024).
 *
 * Training it to be right on every held-out problem takes about 4 s of CPU per k (measured on the
 * 2-core development machine), too slow for a page, so
 * `npm run train-teacher` (scripts/train-teacher.ts) runs `trainTeacher` once per k with the fixed
 * recipe below and ships the weights as float32 in public/models/ (`teacherFileName`); the page
 * fetches the file and the CLI reads it, both hand the bytes to `teacherFromBytes` (no I/O here).
 * One teacher per k: the operand a step adds sits k tokens back, so with k varying the model must
 * also work out k from its window; a 48-unit teacher trained on k = 2..5 at once was right on only
 * 18-47% of held-out problems per k after 20,000 updates (measured with an earlier prompt format).
 *
 * File format (little-endian): 32-byte header of eight uint32 (magic 0x54434c58 "XLCT", format
 * version 1, operands k, vocab, window, hidden, activation 0 = tanh / 1 = relu, 0), then the
 * parameters as float32 in the layout of lm.ts (18,920 numbers: 75,712 bytes in all).
 */
import { createRng } from '../../rng';
import { mix32 } from './kgw';
import { WindowLm, type WindowLmSpec } from './lm';
import { answerTokens, checkOperands, drawChat, drawTrainingProblem, promptTokens } from './task';
import { ExampleBuilder, trainWindowLm, type LmExamples } from './train';
import { VOCAB_SIZE } from './vocab';

/** tokens the models see */
export const CONTEXT_WINDOW = 6;

export const TEACHER_SPEC: Readonly<WindowLmSpec> = {
  vocab: VOCAB_SIZE,
  window: CONTEXT_WINDOW,
  hidden: 48,
  activation: 'tanh',
};

/** How a teacher is trained: data, batch size and the Adam phases. */
export interface TeacherRecipe {
  seed: number;
  /** conversations of training problems (held-out ones excluded) */
  conversations: number;
  /** share of them whose prompt asks for the steps ([steps]) */
  stepsShare: number;
  batchSize: number;
  /** Adam phases, run in order (each with fresh moment estimates) */
  phases: readonly { steps: number; learningRate: number }[];
}

/**
 * How the shipped teachers were trained (changing any number changes the shipped files). A fast
 * phase, then two slower ones that settle the weights: with one slow phase, or 10,000
 * conversations, the k = 3 teacher got 1 or 2 of its 202 held-out problems wrong (measured).
 */
export const TEACHER_RECIPE: Readonly<TeacherRecipe> = {
  seed: 20260223,
  conversations: 20_000,
  stepsShare: 0.5,
  batchSize: 32,
  phases: [
    { steps: 3000, learningRate: 0.01 },
    { steps: 1500, learningRate: 0.003 },
    { steps: 1500, learningRate: 0.001 },
  ],
};

const MAGIC = 0x54434c58;
const FORMAT_VERSION = 1;
const HEADER_BYTES = 32;

/** The shipped file of the teacher for k operands (under public/models/). */
export function teacherFileName(k: number): string {
  return `chat-teacher-k${k}.bin`;
}

/** The teacher's training examples: every answer token of `conversations` sampled conversations. */
export function teacherExamples(k: number, recipe: TeacherRecipe = TEACHER_RECIPE): LmExamples {
  const rng = createRng(recipe.seed).fork(`teacher-data-k${k}`);
  const builder = new ExampleBuilder(TEACHER_SPEC.window, TEACHER_SPEC.vocab, false);
  for (let c = 0; c < recipe.conversations; c++) {
    const operands = drawTrainingProblem(k, rng);
    const wantSteps = rng.next() < recipe.stepsShare;
    builder.add(
      promptTokens(operands, wantSteps),
      answerTokens(operands, drawChat(rng), wantSteps),
    );
  }
  return builder.build();
}

/**
 * Trains the teacher for k operands from scratch with `recipe` (deterministic: the same bits in
 * every engine), then rounds its weights to float32 so it equals what `teacherFromBytes` reads
 * back from its file.
 */
export function trainTeacher(k: number, recipe: TeacherRecipe = TEACHER_RECIPE): WindowLm {
  checkOperands(k);
  const examples = teacherExamples(k, recipe);
  const rng = createRng(recipe.seed).fork(`teacher-train-k${k}`);
  const model = WindowLm.create(TEACHER_SPEC, rng.fork('init'));
  for (const phase of recipe.phases) {
    trainWindowLm(model, examples, { ...phase, batchSize: recipe.batchSize, rng });
  }
  const params = model.params;
  for (let i = 0; i < params.length; i++) params[i] = Math.fround(params[i]!);
  return model;
}

/** The teacher's file (see the header): its spec, k, and its weights as float32. */
export function teacherToBytes(model: WindowLm, k: number): ArrayBuffer {
  const { spec, params } = model;
  const buffer = new ArrayBuffer(HEADER_BYTES + 4 * params.length);
  const view = new DataView(buffer);
  const header = [MAGIC, FORMAT_VERSION, k, spec.vocab, spec.window, spec.hidden];
  header.forEach((value, i) => view.setUint32(4 * i, value, true));
  view.setUint32(24, spec.activation === 'relu' ? 1 : 0, true);
  view.setUint32(28, 0, true);
  for (let i = 0; i < params.length; i++) view.setFloat32(HEADER_BYTES + 4 * i, params[i]!, true);
  return buffer;
}

/**
 * A fingerprint of a file's bytes: its length and two 32-bit hashes (MurmurHash3's fmix32 chained
 * over the little-endian 32-bit words from two seeds; ./kgw.ts mix32), 64 bits in all.
 */
function fingerprint(bytes: ArrayBuffer): string {
  const view = new DataView(bytes);
  let a = mix32(0x9e3779b9);
  let b = mix32(0x85ebca6b);
  const words = Math.floor(bytes.byteLength / 4);
  for (let i = 0; i < words; i++) {
    const w = view.getUint32(4 * i, true);
    a = mix32((a ^ w) >>> 0);
    b = mix32((b + w) >>> 0);
  }
  for (let i = 4 * words; i < bytes.byteLength; i++) a = mix32((a ^ view.getUint8(i)) >>> 0);
  return `teacher:${bytes.byteLength}:${a.toString(16)}:${b.toString(16)}`;
}

/** A teacher read back from its file, and the operand count k it was trained for. */
export interface LoadedTeacher {
  model: WindowLm;
  operands: number;
}

/** Reads a teacher file (fetched by the page, read by the CLI); throws on a malformed file. */
export function teacherFromBytes(bytes: ArrayBuffer): LoadedTeacher {
  if (bytes.byteLength < HEADER_BYTES) throw new RangeError('chat teacher file: too short');
  const view = new DataView(bytes);
  const word = (i: number): number => view.getUint32(4 * i, true);
  if (word(0) !== MAGIC) throw new RangeError('chat teacher file: not a teacher (bad magic)');
  if (word(1) !== FORMAT_VERSION) {
    throw new RangeError(
      `chat teacher file: format version ${word(1)}, expected ${FORMAT_VERSION}`,
    );
  }
  const operands = word(2);
  checkOperands(operands);
  const spec: WindowLmSpec = {
    vocab: word(3),
    window: word(4),
    hidden: word(5),
    activation: word(6) === 1 ? 'relu' : 'tanh',
  };
  if (spec.vocab !== VOCAB_SIZE) {
    throw new RangeError(`chat teacher file: vocabulary ${spec.vocab}, expected ${VOCAB_SIZE}`);
  }
  const model = new WindowLm(spec, new Float64Array((bytes.byteLength - HEADER_BYTES) / 4));
  for (let i = 0; i < model.params.length; i++) {
    model.params[i] = view.getFloat32(HEADER_BYTES + 4 * i, true);
  }
  // the victim is fixed: its weights never change after loading, and the same file gives the same
  // weights, so results worked out for them are kept by a fingerprint of the file
  return { model: model.freeze(fingerprint(bytes)), operands };
}

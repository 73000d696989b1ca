/** Shared fixtures for the chat scenario's tests: the shipped teachers, read from public/models. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  teacherFileName,
  teacherFromBytes,
  type LoadedTeacher,
} from '../../../../src/core/scenarios/chat/teacher';

/** public/models/, where the teachers ship */
export const MODELS_DIR = fileURLToPath(new URL('../../../../public/models/', import.meta.url));

/** The bytes of the shipped teacher file for k operands. */
export function shippedTeacherBytes(k: number): Uint8Array {
  return new Uint8Array(readFileSync(MODELS_DIR + teacherFileName(k)));
}

const cache = new Map<number, LoadedTeacher>();

/** The shipped teacher for k operands (read once per test file). */
export function shippedTeacher(k: number): LoadedTeacher {
  let loaded = cache.get(k);
  if (!loaded) {
    loaded = teacherFromBytes(shippedTeacherBytes(k).slice().buffer);
    cache.set(k, loaded);
  }
  return loaded;
}

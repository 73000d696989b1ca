/**
 * `npm run train-teacher`: trains the chat scenario's teachers (one per operand count k = 2..5) with
 * the fixed, seeded recipe of src/core/scenarios/chat/teacher.ts and writes their weights to
 * public/models/chat-teacher-k<k>.bin, printing each one's held-out accuracy and training time.
 * The result is deterministic: test/core/scenarios/chat/teacher.test.ts requires the shipped files
 * to equal this script's output.
 *
 *   npm run train-teacher                 all four teachers
 *   npm run train-teacher -- --operands 4 one teacher
 *   npm run train-teacher -- --check      train and compare with the shipped files, write nothing
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRng } from '../src/core/rng';
import { exactMathsShare } from '../src/core/scenarios/chat/evaluate';
import { heldOutProblems, OPERANDS_MAX, OPERANDS_MIN } from '../src/core/scenarios/chat/task';
import { teacherFileName, teacherToBytes, trainTeacher } from '../src/core/scenarios/chat/teacher';

/** The directory the teachers ship in. */
const MODELS_DIR = fileURLToPath(new URL('../public/models/', import.meta.url));

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const at = argv.indexOf('--operands');
  const only = at >= 0 ? Number(argv[at + 1]) : null;
  let failures = 0;
  for (let k = OPERANDS_MIN; k <= OPERANDS_MAX; k++) {
    if (only !== null && k !== only) continue;
    const start = performance.now();
    const teacher = trainTeacher(k);
    const seconds = (performance.now() - start) / 1000;
    const problems = heldOutProblems(k, 1000, createRng(1).fork('held-out'));
    const plain = exactMathsShare(teacher, problems, false);
    const steps = exactMathsShare(teacher, problems, true);
    const bytes = new Uint8Array(teacherToBytes(teacher, k));
    const path = MODELS_DIR + teacherFileName(k);
    let status = 'written';
    if (check) {
      const shipped = new Uint8Array(readFileSync(path));
      const same = shipped.length === bytes.length && shipped.every((b, i) => b === bytes[i]);
      status = same ? 'equals the shipped file' : 'DIFFERS from the shipped file';
      if (!same) failures++;
    } else {
      writeFileSync(path, bytes);
    }
    console.log(
      `k=${k}: trained in ${seconds.toFixed(1)} s; exact maths on ${problems.length} held-out ` +
        `problems: ${plain} (plain prompt), ${steps} (with [steps]); ${bytes.length} bytes, ${status}`,
    );
  }
  return failures;
}

process.exitCode = main(process.argv.slice(2)) > 0 ? 1 : 0;

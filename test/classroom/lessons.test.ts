// The shipped lessons: every file is valid, listed once, and says what the simulator really shows.
// Each step's config runs through the same simulate() as the page (with its no-defense baseline
// and, for a pinning step, the previous step's run as A) and every `expect` of the step must hold,
// and so must the prediction's answer as far as the expectations state it.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonFacts } from '../../src/classroom/facts';
import { checkExpectations, stepConfig } from '../../src/classroom/lessonRun';
import { validateLesson, validateLessonIndex, type Lesson } from '../../src/classroom/lessonSchema';
import { loadAssets } from '../../src/cli/args';
import { simulate } from '../../src/core/simulate';
import { hasDefense, withoutDefenses } from '../../src/state/store';

const DIR = 'public/lessons';
const index = validateLessonIndex(JSON.parse(readFileSync(`${DIR}/index.json`, 'utf8')));

function load(file: string): Lesson {
  const result = validateLesson(JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')));
  if (!result.ok) throw new Error(`${file}:\n${result.errors.join('\n')}`);
  return result.value;
}

describe('lesson files', () => {
  it('index.json is valid and lists every lesson file exactly once, with at least five lessons', () => {
    expect(index.ok, index.ok ? '' : index.errors.join('\n')).toBe(true);
    if (!index.ok) return;
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'index.json');
    expect(index.value.map((e) => e.file).sort()).toEqual(files.sort());
    expect(index.value.length).toBeGreaterThanOrEqual(5);
    for (const entry of index.value) {
      const lesson = load(entry.file);
      expect(lesson.id).toBe(entry.id);
      expect(lesson.title).toBe(entry.title);
    }
  });

  const entries = index.ok ? index.value : [];
  for (const entry of entries) {
    it(
      `"${entry.id}": every step's expectations hold in the simulator`,
      { timeout: 240_000 },
      () => {
        const lesson = load(entry.file);
        let previous: ReturnType<typeof simulate> | null = null;
        lesson.steps.forEach((step, i) => {
          const config = stepConfig(lesson, i);
          const result = simulate(config, { assets: loadAssets(config) });
          const off = withoutDefenses(config);
          const baseline = hasDefense(config) ? simulate(off, { assets: loadAssets(off) }) : result;
          const facts = lessonFacts({ result, baseline, pinned: step.pin ? previous : null });
          const failed = checkExpectations(step.expect, facts).filter((o) => o.holds !== true);
          expect(failed.map((o) => `step ${i + 1}: ${o.message}`)).toEqual([]);
          if (step.prediction?.answer) expect(step.expect?.length ?? 0).toBeGreaterThan(0);
          previous = result;
        });
      },
    );
  }
});

// The glossary: every term the page, the lessons and the settings' tooltips link to resolves to an
// entry, and every entry is linked from somewhere a reader meets it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_BY_PATH } from '../../src/core/config';
import { GLOSSARY, glossaryEntry, glossaryForField } from '../../src/classroom/glossary';
import { richParagraphs, termLinks } from '../../src/classroom/richText';
import { validateLesson } from '../../src/classroom/lessonSchema';

function walk(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** Every glossary id used on screen, with where: components, ledger and scoreboard rows, lessons. */
function usages(): { id: string; where: string }[] {
  const found: { id: string; where: string }[] = [];
  for (const path of walk('src', (p) => /\.(svelte|ts)$/.test(p) && !p.endsWith('glossary.ts'))) {
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/<Term id="([^"]+)"/g)) found.push({ id: m[1]!, where: path });
    for (const m of text.matchAll(/\bterm: '([^']+)'/g)) found.push({ id: m[1]!, where: path });
  }
  for (const path of walk(
    'public/lessons',
    (p) => p.endsWith('.json') && !p.endsWith('index.json'),
  )) {
    const lesson = JSON.parse(readFileSync(path, 'utf8')) as {
      steps: { text: string; reveal: string }[];
    };
    for (const step of lesson.steps)
      for (const id of [...termLinks(step.text), ...termLinks(step.reveal)])
        found.push({ id, where: path });
  }
  return found;
}

describe('glossary', () => {
  it('has unique ids of lower-case words and a plain explanation for each', () => {
    const ids = GLOSSARY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of GLOSSARY) {
      expect(entry.id).toMatch(/^[a-z0-9-]+$/);
      expect(entry.plain.length, entry.id).toBeGreaterThan(40);
      expect(entry.plain, entry.id).toMatch(/\.$/);
    }
  });

  it('covers the words the issue names', () => {
    for (const id of [
      'fidelity',
      'held-out',
      'uniform',
      'l1-distortion',
      'shapiro-wilk',
      'delta',
      'p-value',
      'significance',
      'seed',
      'epochs',
      'seed-set',
      'step-lambda',
      'slice',
    ])
      expect(glossaryEntry(id), id).toBeDefined();
  });

  it('links settings only to fields that exist, each field once', () => {
    const seen = new Set<string>();
    for (const entry of GLOSSARY)
      for (const path of entry.fields ?? []) {
        expect(FIELD_BY_PATH.has(path), `${entry.id}: ${path}`).toBe(true);
        expect(seen.has(path), path).toBe(false);
        seen.add(path);
        expect(glossaryForField(path)).toBe(entry);
      }
    expect(glossaryForField('attack.lambda')?.id).toBe('step-lambda');
    expect(glossaryForField('no.such.field')).toBeUndefined();
  });

  it('every term used on screen resolves', () => {
    const found = usages();
    expect(found.length).toBeGreaterThan(20);
    const broken = found.filter((u) => !glossaryEntry(u.id)).map((u) => `${u.where}: ${u.id}`);
    expect(broken).toEqual([]);
  });

  it('every entry is used: linked from a component, a lesson, or a setting', () => {
    const used = new Set(usages().map((u) => u.id));
    const unused = GLOSSARY.filter((e) => !used.has(e.id) && (e.fields ?? []).length === 0).map(
      (e) => e.id,
    );
    expect(unused).toEqual([]);
  });

  it('lesson text links are parsed as terms and checked by the lesson validator', () => {
    expect(richParagraphs('The [[copy agrees|fidelity]] on **most** points.')).toEqual([
      [
        { text: 'The ', bold: false },
        { text: 'copy agrees', bold: false, term: 'fidelity' },
        { text: ' on ', bold: false },
        { text: 'most', bold: true },
        { text: ' points.', bold: false },
      ],
    ]);
    // an unmatched opener stays text
    expect(richParagraphs('a [[b c')).toEqual([[{ text: 'a [[b c', bold: false }]]);
    const lesson = {
      id: 'demo',
      title: 'Demo',
      summary: 'S',
      steps: [{ title: 'One', text: 'A [[word|no-such-term]].', reveal: 'R' }],
    };
    const broken = {
      ...lesson,
      steps: [{ title: 'One', text: 'T', reveal: 'Paid {chat.[[tokens|token]].billed:int}.' }],
    };
    const inside = validateLesson(broken);
    expect(inside.ok).toBe(false);
    if (!inside.ok) expect(inside.errors.join('\n')).toContain('cannot sit inside a {placeholder}');
    const parsed = validateLesson(lesson);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors.join('\n')).toContain(
        '[[…|no-such-term]] is not a term of the glossary',
      );
  });
});

describe('glossary links in lesson text', () => {
  it('keep the punctuation after a term with it (no line break before a comma)', () => {
    expect(richParagraphs('its [[reasoning|reasoning]], then [[x|y]] z')).toEqual([
      [
        { text: 'its ', bold: false },
        { text: 'reasoning', bold: false, term: 'reasoning', after: ',' },
        { text: ' then ', bold: false },
        { text: 'x', bold: false, term: 'y' },
        { text: ' z', bold: false },
      ],
    ]);
  });
});

/**
 * Loads lesson files from public/lessons/ (relative URLs, so the lab works under any sub-path and
 * from the service worker's cache offline). `fetch` is passed in; every failure becomes a readable
 * message that names the file and, for a bad file, each field.
 */
import {
  validateLesson,
  validateLessonIndex,
  type Lesson,
  type LessonIndexEntry,
  type Validated,
} from './lessonSchema';

export type FetchLike = (
  url: string,
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Folder of the lesson files, relative to the page. */
export const LESSONS_BASE = './lessons/';

async function loadJson(fetcher: FetchLike, url: string): Promise<Validated<unknown>> {
  try {
    const response = await fetcher(url);
    if (!response.ok)
      return { ok: false, errors: [`${url}: the server answered ${response.status}`] };
    return { ok: true, value: await response.json() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`${url}: could not be read (${reason})`] };
  }
}

export async function loadLessonIndex(
  fetcher: FetchLike,
  base = LESSONS_BASE,
): Promise<Validated<LessonIndexEntry[]>> {
  const url = `${base}index.json`;
  const json = await loadJson(fetcher, url);
  if (!json.ok) return json;
  const index = validateLessonIndex(json.value);
  return index.ok ? index : { ok: false, errors: index.errors.map((e) => `${url} ${e}`) };
}

/** Loads one lesson by id through the index (the id must be listed there). */
export async function loadLesson(
  fetcher: FetchLike,
  id: string,
  base = LESSONS_BASE,
): Promise<Validated<Lesson>> {
  const index = await loadLessonIndex(fetcher, base);
  if (!index.ok) return index;
  const entry = index.value.find((e) => e.id === id);
  if (!entry)
    return {
      ok: false,
      errors: [`there is no lesson "${id}" (lessons: ${index.value.map((e) => e.id).join(', ')})`],
    };
  const url = `${base}${entry.file}`;
  const json = await loadJson(fetcher, url);
  if (!json.ok) return json;
  const lesson = validateLesson(json.value);
  if (!lesson.ok) return { ok: false, errors: lesson.errors.map((e) => `${entry.file} ${e}`) };
  if (lesson.value.id !== entry.id)
    return {
      ok: false,
      errors: [`${entry.file} id: "${lesson.value.id}" differs from the index's "${entry.id}"`],
    };
  return lesson;
}

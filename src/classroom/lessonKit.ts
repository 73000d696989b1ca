/**
 * What the classroom state needs to open and step through a lesson, as one module the page loads
 * on demand (src/state/classroom.svelte.ts imports it with `import()` when a lesson or the lesson
 * list is first asked for). It keeps the lesson player, the lesson format's validator, the facts
 * and the loader out of the first page's JavaScript: most visits never open a lesson.
 */
export { loadLesson, loadLessonIndex } from './lessonLoader';
export { stepConfig, stepIndexFromLink } from './lessonRun';
export {
  finishLesson,
  goToStep,
  openLessonFromLink,
  predictStep,
  startLesson,
  type LessonHost,
} from './lessonPlayer';

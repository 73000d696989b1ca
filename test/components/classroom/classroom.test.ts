// @vitest-environment happy-dom
// The classroom components over a real store: the lesson bar (prediction before reveal, real
// numbers, Next), locks and hides on the controls, the policy card button.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import LessonBar from '../../../src/components/classroom/LessonBar.svelte';
import PolicyCardButton from '../../../src/components/classroom/PolicyCardButton.svelte';
import NumberField from '../../../src/components/controls/NumberField.svelte';
import {
  Classroom,
  classroomContextEntry,
  type ClassroomWindow,
} from '../../../src/state/classroom.svelte';
import { createLab, labContext } from '../../../src/state/lab';
import { createLabStore } from '../../../src/state/store';
import { stepConfig } from '../../../src/classroom/lessonRun';
import type { Lesson } from '../../../src/classroom/lessonSchema';
import { fakeResult } from '../../state/fixtures';

afterEach(() => cleanup());

const LESSON: Lesson = {
  id: 'demo',
  title: 'Demo lesson',
  summary: 'S',
  start: { 'attack.queries': 400 },
  steps: [
    {
      title: 'First',
      text: 'Send {config.attack.queries} queries.',
      prediction: {
        question: 'Good copy?',
        choices: [
          { id: 'yes', text: 'Yes' },
          { id: 'no', text: 'No' },
        ],
        answer: 'yes',
      },
      expect: [{ fact: 'student.fidelity', op: '>', value: 0.5 }],
      reveal: 'The student agrees on **{student.fidelity:%}**.',
    },
    { title: 'Second', text: 'Labels.', set: { 'defense.output.mode': 'label' }, reveal: 'Done.' },
  ],
};

function fakeWindow(hash = ''): ClassroomWindow & { replaced: string[] } {
  const replaced: string[] = [];
  const location = { hash };
  return {
    location,
    replaced,
    history: {
      replaceState: (_d, _u, url) => {
        replaced.push(String(url));
        location.hash = String(url);
      },
    },
    fetch: async (url: string) => {
      const body = url.endsWith('index.json')
        ? { lessons: [{ id: 'demo', title: 'Demo lesson', summary: 'S', file: 'demo.json' }] }
        : LESSON;
      return { ok: true, status: 200, json: async () => structuredClone(body) };
    },
  };
}

function setup(hash = '') {
  const store = createLabStore();
  const lab = createLab(store);
  const win = fakeWindow(hash);
  const classroom = new Classroom(lab, win);
  const context = labContext(lab) as Map<symbol, unknown>;
  context.set(...classroomContextEntry(classroom));
  return { store, classroom, win, context };
}

describe('LessonBar', () => {
  it('asks for a prediction first, then fills the reveal from the run, then moves on', async () => {
    const { store, classroom, win, context } = setup();
    await classroom.start('demo');
    expect(store.getState().config.attack.queries).toBe(400);
    expect(win.location.hash).toBe('#lesson=demo&step=1');
    const { getByRole, getByTestId } = render(LessonBar, { context });
    expect(getByRole('heading', { name: 'First' })).toBeTruthy();
    expect(getByTestId('lesson-bar').textContent).toContain('Send 400 queries.');
    store.getState().runFinished(fakeResult(stepConfig(LESSON, 0), { fidelity: 0.912 }));
    // The run is done, but nothing is revealed before the prediction is locked in.
    expect(getByTestId('lesson-reveal').textContent).toContain('lock it in');
    const lock = getByRole('button', { name: 'Lock in my prediction' }) as HTMLButtonElement;
    expect(lock.disabled).toBe(true);
    await fireEvent.click(getByRole('radio', { name: 'No' }));
    await fireEvent.click(lock);
    await waitFor(() =>
      expect(getByTestId('lesson-reveal').textContent).toContain('The student agrees on 91.2%.'),
    );
    expect(getByTestId('lesson-reveal').textContent).toContain(
      'You predicted: No. The run shows: Yes.',
    );
    await fireEvent.click(getByRole('button', { name: 'Next step' }));
    await waitFor(() => expect(getByRole('heading', { name: 'Second' })).toBeTruthy());
    expect(store.getState().config.defense.output.mode).toBe('label');
    expect(win.location.hash).toBe('#lesson=demo&step=2');
    expect(getByTestId('lesson-reveal').textContent).toContain('Running the lab');
  });

  it('warns when the run does not bear out the lesson', async () => {
    const { store, classroom, context } = setup();
    await classroom.start('demo');
    classroom.predict('yes');
    store.getState().runFinished(fakeResult(stepConfig(LESSON, 0), { fidelity: 0.3 }));
    const { getByRole } = render(LessonBar, { context });
    expect(getByRole('note').textContent).toContain('student.fidelity is 0.3 (expected > 0.5)');
  });

  it('opens the lesson and step a link names', async () => {
    const { classroom, store } = setup('#v=1&lesson=demo&step=2');
    await classroom.openFromLink();
    expect(classroom.step).toBe(1);
    expect(store.getState().config.defense.output.mode).toBe('label');
  });
});

describe('locks and hides from the link', () => {
  it('disables a locked control and says why; leaves the others alone', () => {
    const { context } = setup('#lock=attack.queries');
    const { container, getByRole } = render(NumberField, {
      props: { path: 'attack.queries' },
      context,
    });
    // A disabled fieldset disables every control in it (the browser test checks :disabled).
    const box = getByRole('spinbutton', { name: 'Query budget, exact value' });
    expect(box.closest('fieldset')?.disabled).toBe(true);
    expect(container.textContent).toContain('Fixed by this course');
    expect(container.querySelector('[data-tour="attack.queries"]')).not.toBeNull();
  });

  it('hides a control under a hidden group', () => {
    const { context } = setup('#hide=attack');
    const { container } = render(NumberField, { props: { path: 'attack.accounts' }, context });
    expect((container.querySelector('[data-tour="attack.accounts"]') as HTMLElement).hidden).toBe(
      true,
    );
  });
});

describe('PolicyCardButton', () => {
  it("opens the card of the current choice, named in the button's accessible name", async () => {
    const { classroom, store, context } = setup();
    store.getState().setField('attack.strategy', 'jacobian');
    const { getByRole } = render(PolicyCardButton, { props: { topic: 'strategy' }, context });
    const button = getByRole('button', { name: 'Policy card: Attack: Jacobian augmentation' });
    await fireEvent.click(button);
    expect(classroom.dialog).toBe('cards');
    expect(classroom.cardId).toBe('jacobian');
  });
});

// @vitest-environment happy-dom
// The chat run's views: the transcript marks what the API hid (struck through, and named for screen
// readers), and the teacher-vs-copy table says which answers state the right result.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import ChatSideBySide from '../../../src/components/chat/ChatSideBySide.svelte';
import ChatTranscript from '../../../src/components/chat/ChatTranscript.svelte';
import type { ChatTurn } from '../../../src/core/scenarios/chat/result';

afterEach(cleanup);

const turn = (
  hidden: string[],
  visible: string[],
  top: ChatTurn['firstTokenTop'] = [],
): ChatTurn => ({
  index: 0,
  account: 0,
  day: 0,
  prompt: ['<bos>', '1', '8', '='],
  hidden,
  visible,
  firstTokenTop: top,
});

describe('ChatTranscript', () => {
  it('strikes through the hidden reasoning and names it for screen readers', () => {
    const { container, getByTestId } = render(ChatTranscript, {
      turns: [turn(['1', '9', '</think>'], ['9', 'sure', '<end>'])],
      hidden: true,
    });
    const secret = [...container.querySelectorAll('.secret')].filter((e) => e.closest('ol'));
    expect(secret.map((e) => e.textContent)).toEqual(['1', '9', '</think>']);
    expect(getByTestId('chat-transcript').textContent).toContain('Hidden by the API:');
  });

  it("shows everything when reasoning is shown, and the first word's log-probabilities", () => {
    const { container } = render(ChatTranscript, {
      turns: [turn([], ['1', '9', '</think>', '9', '<end>'], [{ token: '1', logprob: -0.01 }])],
      hidden: false,
    });
    expect(container.querySelectorAll('ol .secret')).toHaveLength(0);
    expect(container.textContent).toContain('-0.01');
    expect(container.querySelector('.legend')?.textContent).not.toContain('[steps]');
  });

  it('says what [steps] in a prompt asks for, when a prompt has it', () => {
    const { container } = render(ChatTranscript, {
      turns: [
        { ...turn([], ['1', '9', '=>', '9', '<end>']), prompt: ['<bos>', '1', '8', '[steps]'] },
      ],
      hidden: true,
    });
    expect(container.querySelector('.legend')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'A prompt ending in [steps] asks the model to write its steps into the answer itself, up to =>.',
    );
  });
});

describe('ChatSideBySide', () => {
  it('marks an answer right when the word after </think> or => is the correct digit', () => {
    const { container } = render(ChatSideBySide, {
      pairs: [
        {
          operands: [4, 5],
          prompt: ['<bos>', '4', '5', '='],
          teacher: ['4', '9', '</think>', '9', 'sure', '<end>'],
          student: ['4', '9', '=>', '3', '<end>'],
          correct: 9,
        },
      ],
    });
    expect([...container.querySelectorAll('td .ok, td .bad')].map((e) => e.textContent)).toEqual([
      'right',
      'wrong',
    ]);
  });
});

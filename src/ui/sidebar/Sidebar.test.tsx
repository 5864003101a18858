import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Sidebar } from './Sidebar';
import { fixedTabTracker, type BoundTabEvent, type TabTracker } from './tab-tracker';
import { FakeApi, failWith } from '../testing/fake-api';
import { allByTestId, byTestId, cleanup, click, getByTestId, manualFrames, mount, press, settle } from '../testing/dom';
import type { TabState } from '../../shared/protocol';
import type { AssistantView } from '../../shared/settings';

const LLAMA: AssistantView = {
  id: 'a1',
  name: 'Local Llama',
  kind: 'ollama',
  baseUrl: 'http://localhost:11434/v1',
  model: 'llama3.2',
  hasApiKey: false,
  locality: 'local',
};

function chatState(status: 'ok' | 'degraded' | 'unreadable' = 'ok', notes?: string[]): TabState {
  return {
    supported: true,
    conversation: {
      site: 'whatsapp',
      title: 'Ana',
      isGroup: false,
      chatKey: 'whatsapp:ana',
      messageCount: 42,
      health: notes ? { status, notes } : { status },
    },
  };
}

interface Options {
  state?: TabState;
  assistants?: AssistantView[];
  tabs?: TabTracker;
}

async function setup({ state = chatState(), assistants = [LLAMA], tabs = fixedTabTracker(12) }: Options = {}) {
  const api = new FakeApi()
    .on('ui->background:get-tab-state', () => state)
    .on('ui->background:get-assistants', () => ({ assistants, activeAssistantId: assistants[0]?.id ?? null }))
    .on('ui->background:get-history', () => ({ entries: [] }));
  const frames = manualFrames();
  const openOptions = vi.fn();
  const { container } = await mount(
    <Sidebar api={api} tabs={tabs} openOptions={openOptions} scheduleFrame={frames.schedule} />,
  );
  await settle();
  return { api, frames, openOptions, container };
}

function texts(container: HTMLElement): string[] {
  return allByTestId(container, 'suggestion-text').map((element) => element.textContent ?? '');
}

afterEach(cleanup);

describe('sidebar status', () => {
  it('shows what it reads and which assistant answers', async () => {
    const { container, api } = await setup();
    const status = getByTestId(container, 'adapter-status');
    expect(status.dataset.status).toBe('ok');
    expect(status.textContent).toContain('Reading “Ana” · 42 messages');
    expect(api.callsOf('ui->background:get-tab-state')).toEqual([{ tabId: 12 }]);
    const badge = getByTestId(container, 'provider-badge');
    expect(badge.dataset.locality).toBe('local');
    expect(badge.textContent).toContain('Local Llama');
    expect(badge.textContent).toContain('llama3.2');
  });

  it('shows health notes and reads again on refresh', async () => {
    const { container, api } = await setup({ state: chatState('degraded', ['Some timestamps are missing']) });
    const status = getByTestId(container, 'adapter-status');
    expect(status.dataset.status).toBe('degraded');
    expect(status.textContent).toContain('Some timestamps are missing');
    await click(getByTestId(container, 'refresh-status'));
    expect(api.callsOf('ui->background:get-tab-state')).toHaveLength(2);
  });

  it('says unsupported and offers no action on a tab that is not a messenger', async () => {
    const { container } = await setup({ state: { supported: false } });
    expect(getByTestId(container, 'adapter-status').dataset.status).toBe('unsupported');
    expect(getByTestId<HTMLButtonElement>(container, 'action-reply').disabled).toBe(true);
  });

  it('leads to the options page when no assistant is set up', async () => {
    const { container, openOptions } = await setup({ assistants: [] });
    expect(byTestId(container, 'provider-badge')).toBeNull();
    await click(getByTestId(container, 'open-options'));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });
});

describe('suggest replies', () => {
  it('says why it waits while the provider asks to retry, until text arrives', async () => {
    const { container, api, frames } = await setup();
    await click(getByTestId(container, 'action-reply'));
    const task = api.lastTask;
    await act(() => {
      task.start();
      task.notice('Rate limited; retrying in 3 s');
    });
    expect(getByTestId(container, 'task-status').textContent).toBe('Rate limited; retrying in 3 s');
    await act(() => task.delta('Sure'));
    await frames.flush();
    expect(getByTestId(container, 'task-status').textContent).not.toContain('retrying');
  });

  it('streams suggestions into cards, one render per frame', async () => {
    const { container, api, frames } = await setup();
    await click(getByTestId(container, 'action-reply'));
    const task = api.lastTask;
    expect(task.tabId).toBe(12);
    expect(task.task).toBe('reply');
    expect(byTestId(container, 'stop')).not.toBeNull();
    expect(getByTestId<HTMLButtonElement>(container, 'action-reply').disabled).toBe(true);

    await act(() => {
      task.start();
      task.delta('Sure, ');
      task.delta('see you at 8!\n---\n');
      task.delta('Can we make it 9?');
    });
    expect(frames.pending).toBe(1);
    expect(texts(container)).toEqual([]);
    await frames.flush();
    expect(texts(container)).toEqual(['Sure, see you at 8!', 'Can we make it 9?']);

    const region = container.querySelector('[aria-live="polite"]');
    expect(region?.contains(getByTestId(container, 'suggestion'))).toBe(true);
    expect(region?.getAttribute('aria-busy')).toBe('true');
    // Drafts still being written can't be inserted yet.
    expect(getByTestId<HTMLButtonElement>(container, 'suggestion-insert').disabled).toBe(true);

    await act(() => {
      task.delta('\n---\nLine one\nline two');
      task.end(['Sure, see you at 8!', 'Can we make it 9?', 'Line one\nline two', 'A fourth is dropped']);
    });
    await settle();
    expect(texts(container)).toEqual(['Sure, see you at 8!', 'Can we make it 9?', 'Line one\nline two']);
    expect(byTestId(container, 'stop')).toBeNull();
    expect(getByTestId(container, 'task-status').textContent).toBe('Done');
    expect(allByTestId<HTMLButtonElement>(container, 'suggestion-insert').every((b) => !b.disabled)).toBe(true);
  });

  it('falls back to the streamed text when end carries no suggestions', async () => {
    const { container, api } = await setup();
    await click(getByTestId(container, 'action-reply'));
    await act(() => {
      api.lastTask.delta('1. Yes\n2. No');
      api.lastTask.end();
    });
    expect(texts(container)).toEqual(['Yes', 'No']);
  });

  it('renders model output as text, never as markup', async () => {
    const { container, api } = await setup();
    await click(getByTestId(container, 'action-reply'));
    const hostile = '<img src=x onerror="alert(1)"><a href="javascript:alert(2)">click</a>';
    await act(() => api.lastTask.end([hostile]));
    expect(getByTestId(container, 'suggestion-text').textContent).toBe(hostile);
    expect(container.querySelector('img, a, script, iframe')).toBeNull();
  });

  it('inserts a suggestion into the tab it was written for and says what happened', async () => {
    const { container, api } = await setup();
    api.on('ui->background:insert-draft', () => ({ ok: true, method: 'execCommand' }));
    await click(getByTestId(container, 'action-reply'));
    await act(() => api.lastTask.end(['Hello Ana']));
    await click(getByTestId(container, 'suggestion-insert'));
    expect(api.callsOf('ui->background:insert-draft')).toEqual([{ tabId: 12, text: 'Hello Ana' }]);
    expect(getByTestId(container, 'insert-result').textContent).toBe('Inserted — review and press send in WhatsApp');
  });

  it('shows why an insert failed', async () => {
    const { container, api } = await setup();
    api.on('ui->background:insert-draft', () => ({ ok: false, error: 'The message box is not on the page.' }));
    await click(getByTestId(container, 'action-reply'));
    await act(() => api.lastTask.end(['One', 'Two']));
    await click(allByTestId(container, 'suggestion-insert')[1]!);
    const result = getByTestId(container, 'insert-result');
    expect(result.dataset.ok).toBe('false');
    expect(result.textContent).toBe('The message box is not on the page.');

    api.on('ui->background:insert-draft', () =>
      failWith({ kind: 'adapter', message: 'The chat changed.', hint: 'Open the chat again.', retryable: false }),
    );
    await click(allByTestId(container, 'suggestion-insert')[0]!);
    expect(allByTestId(container, 'insert-result')[0]?.textContent).toBe('The chat changed. Open the chat again.');
  });

  it('turns Insert off while the chat is not read reliably', async () => {
    const { container, api } = await setup({ state: chatState('degraded') });
    await click(getByTestId(container, 'action-reply'));
    await act(() => api.lastTask.end(['Hello']));
    expect(getByTestId<HTMLButtonElement>(container, 'suggestion-insert').disabled).toBe(true);
  });
});

describe('errors and stop', () => {
  it('shows a retryable error with Retry and keeps the partial output', async () => {
    const { container, api, frames } = await setup();
    await click(getByTestId(container, 'action-reply'));
    await act(() => api.lastTask.delta('Half a draft'));
    await act(() =>
      api.lastTask.error({
        kind: 'rate-limit',
        message: 'The provider is rate limiting requests.',
        hint: 'Wait a moment and retry.',
        retryable: true,
      }),
    );
    expect(frames.pending).toBe(0);
    const error = getByTestId(container, 'error');
    expect(error.dataset.kind).toBe('rate-limit');
    expect(error.textContent).toContain('The provider is rate limiting requests.');
    expect(error.textContent).toContain('Wait a moment and retry.');
    expect(texts(container)).toEqual(['Half a draft']);

    await click(getByTestId(container, 'retry'));
    expect(api.tasks).toHaveLength(2);
    expect(api.lastTask.tabId).toBe(12);
    expect(byTestId(container, 'error')).toBeNull();
  });

  it('offers no Retry when retrying cannot help', async () => {
    const { container, api } = await setup();
    await click(getByTestId(container, 'action-reply'));
    await act(() => api.lastTask.error({ kind: 'auth', message: 'The API key was rejected.', retryable: false }));
    expect(getByTestId(container, 'error').dataset.kind).toBe('auth');
    expect(byTestId(container, 'retry')).toBeNull();
  });

  it('stop cancels the stream, keeps the partial suggestions and says Stopped', async () => {
    const { container, api } = await setup();
    await click(getByTestId(container, 'action-reply'));
    await act(() => api.lastTask.delta('First draft\n---\nSecond dr'));
    await click(getByTestId(container, 'stop'));
    expect(api.lastTask.cancelled).toBe(true);
    expect(texts(container)).toEqual(['First draft', 'Second dr']);
    expect(getByTestId(container, 'task-status').textContent).toBe('Stopped');
    expect(byTestId(container, 'stop')).toBeNull();
    // Late messages from the cancelled run change nothing.
    await act(() => api.lastTask.delta(' more'));
    expect(texts(container)).toEqual(['First draft', 'Second dr']);
  });

  it('Escape stops a running stream', async () => {
    const { container, api } = await setup();
    await click(getByTestId(container, 'action-reply'));
    await press(document.body, 'Escape');
    expect(api.lastTask.cancelled).toBe(true);
    expect(getByTestId(container, 'task-status').textContent).toBe('Stopped');
  });
});

describe('binding', () => {
  it('follows the active tab and drops suggestions written for another tab', async () => {
    let emit: (event: BoundTabEvent) => void = () => undefined;
    const tabs: TabTracker = {
      subscribe(listener) {
        emit = listener;
        listener({ tabId: 5, reason: 'initial' });
        return () => undefined;
      },
    };
    const { container, api } = await setup({ tabs });
    await click(getByTestId(container, 'action-reply'));
    const first = api.lastTask;
    expect(first.tabId).toBe(5);
    await act(() => first.delta('Draft for tab 5'));
    await act(() => emit({ tabId: 9, reason: 'activated' }));
    await settle();
    expect(first.cancelled).toBe(true);
    expect(texts(container)).toEqual([]);
    expect(api.callsOf('ui->background:get-tab-state').at(-1)).toEqual({ tabId: 9 });
  });

  it('lists earlier suggestions for this chat under a disclosure', async () => {
    const api = new FakeApi()
      .on('ui->background:get-tab-state', () => chatState())
      .on('ui->background:get-assistants', () => ({ assistants: [LLAMA], activeAssistantId: 'a1' }))
      .on('ui->background:get-history', () => ({
        entries: [
          {
            id: 1,
            chatKey: 'whatsapp:ana',
            task: 'reply',
            createdAt: Date.UTC(2025, 0, 2, 10, 0),
            suggestions: ['Earlier <b>one</b>'],
            assistantName: 'Local Llama',
            model: 'llama3.2',
          },
          {
            id: 2,
            chatKey: 'whatsapp:other',
            task: 'reply',
            createdAt: Date.UTC(2025, 0, 2, 11, 0),
            suggestions: ['Other chat'],
            assistantName: 'Local Llama',
            model: 'llama3.2',
          },
        ],
      }));
    const { container } = await mount(<Sidebar api={api} tabs={fixedTabTracker(12)} openOptions={() => undefined} />);
    await settle();
    const history = getByTestId<HTMLDetailsElement>(container, 'history');
    expect(history.tagName).toBe('DETAILS');
    expect(history.querySelector('summary')?.textContent).toBe('Earlier results');
    await act(() => {
      history.open = true;
      history.dispatchEvent(new Event('toggle'));
    });
    expect(history.textContent).toContain('Earlier <b>one</b>');
    expect(history.textContent).not.toContain('Other chat');
    expect(history.querySelector('b')).toBeNull();
  });
});

describe('chat changes', () => {
  it('drops suggestions when the same tab now shows another chat', async () => {
    let state = chatState();
    const api = new FakeApi()
      .on('ui->background:get-tab-state', () => state)
      .on('ui->background:get-assistants', () => ({ assistants: [LLAMA], activeAssistantId: 'a1' }))
      .on('ui->background:get-history', () => ({ entries: [] }));
    let emit: (event: BoundTabEvent) => void = () => undefined;
    const tabs: TabTracker = {
      subscribe(listener) {
        emit = listener;
        listener({ tabId: 12, reason: 'initial' });
        return () => undefined;
      },
    };
    const { container } = await mount(<Sidebar api={api} tabs={tabs} openOptions={() => undefined} />);
    await settle();
    await click(getByTestId(container, 'action-reply'));
    await act(() => api.lastTask.end(['For Ana']));
    await settle();
    expect(texts(container)).toEqual(['For Ana']);

    // Same chat read again (the tab navigated, or the user pressed Refresh): suggestions stay.
    await act(() => emit({ tabId: 12, reason: 'updated' }));
    await settle();
    expect(texts(container)).toEqual(['For Ana']);

    // The tab navigated to another chat: they go.
    state = { supported: true, conversation: { ...chatState().conversation!, title: 'Bruno', chatKey: 'whatsapp:bruno' } };
    await act(() => emit({ tabId: 12, reason: 'updated' }));
    await settle();
    expect(getByTestId(container, 'adapter-status').textContent).toContain('Bruno');
    expect(texts(container)).toEqual([]);
  });
});

describe('keyboard', () => {
  it('moves focus to Stop while streaming and back to the action afterwards', async () => {
    const { container, api } = await setup();
    const action = getByTestId<HTMLButtonElement>(container, 'action-reply');
    action.focus();
    await click(action);
    expect(document.activeElement).toBe(getByTestId(container, 'stop'));
    await press(document.activeElement!, 'Escape');
    expect(api.lastTask.cancelled).toBe(true);
    expect(document.activeElement).toBe(getByTestId(container, 'action-reply'));
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupHost } from './Popup';
import { FakeApi, failWith } from '../testing/fake-api';
import { allByTestId, byTestId, choose, cleanup, click, getByTestId, mount, press, settle } from '../testing/dom';
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
const GPT: AssistantView = {
  id: 'a2',
  name: 'OpenAI',
  kind: 'openai',
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  hasApiKey: true,
  locality: 'remote',
};

const COMMANDS = [
  { name: 'open-sidebar', description: 'Open the Aside sidebar', shortcut: 'Alt+Shift+Y' },
  { name: 'suggest-replies', description: 'Suggest replies in the open chat', shortcut: '' },
];

type FakeHost = Omit<PopupHost, 'targetBrowser'> & { [K in Exclude<keyof PopupHost, 'targetBrowser'>]: ReturnType<typeof vi.fn> } & {
  targetBrowser: PopupHost['targetBrowser'];
};

function fakeHost(opened = true, tabId: number | null = 9): FakeHost {
  return {
    currentWindowId: vi.fn(async () => 4),
    currentTabId: vi.fn(async () => tabId),
    openSidebar: vi.fn(async () => opened),
    openOptions: vi.fn(),
    close: vi.fn(),
    listCommands: vi.fn(async () => COMMANDS),
    targetBrowser: 'chrome',
  } as never;
}

/** A background whose connection test answers at once: local servers reachable unless told otherwise. */
function fakeApi(assistants: AssistantView[], activeAssistantId: string | null) {
  return new FakeApi()
    .on('ui->background:get-assistants', () => ({ assistants, activeAssistantId }))
    .on('ui->background:set-active-assistant', ({ id }) => ({ activeAssistantId: id }))
    .on('ui->background:test-assistant', () => ({ ok: true, detail: 'Connected.' }))
    .on('ui->background:get-chat-assistant', () => ({ chatKey: null, chatTitle: null, assistantId: null }));
}

async function setup(assistants = [LLAMA, GPT], activeAssistantId: string | null = 'a1', host = fakeHost(), api = fakeApi(assistants, activeAssistantId)) {
  const { container } = await mount(<Popup api={api} host={host} />);
  await settle();
  return { api, host, container };
}

afterEach(cleanup);

describe('popup', () => {
  it('lists each assistant with its model, locality and key state', async () => {
    const { container } = await setup();
    const picker = getByTestId(container, 'assistant-picker');
    expect(picker.getAttribute('role')).toBe('radiogroup');
    const options = allByTestId(container, 'assistant-option');
    expect(options).toHaveLength(2);
    expect(options[0]?.textContent).toContain('Local Llama');
    expect(options[0]?.textContent).toContain('llama3.2');
    expect(options[0]?.textContent).toContain('Local');
    // A key matters for remote services only: a local server without one is not flagged.
    expect(byTestId(options[0]!, 'assistant-key')).toBeNull();
    expect(options[1]?.textContent).toContain('Remote');
    expect(getByTestId(options[1]!, 'assistant-key').dataset.key).toBe('set');
    expect(options.map((o) => o.getAttribute('aria-checked'))).toEqual(['true', 'false']);
  });

  it('makes the picked assistant active', async () => {
    const { container, api } = await setup();
    await click(allByTestId(container, 'assistant-option')[1]!);
    expect(api.callsOf('ui->background:set-active-assistant')).toEqual([{ id: 'a2' }]);
    expect(allByTestId(container, 'assistant-option').map((o) => o.getAttribute('aria-checked'))).toEqual(['false', 'true']);
  });

  it('picks with the arrow keys, as a radio group does', async () => {
    const { container, api } = await setup();
    const [first, second] = allByTestId<HTMLButtonElement>(container, 'assistant-option');
    expect(first?.tabIndex).toBe(0);
    expect(second?.tabIndex).toBe(-1);
    await press(first!, 'ArrowDown');
    expect(api.callsOf('ui->background:set-active-assistant')).toEqual([{ id: 'a2' }]);
    expect(document.activeElement).toBe(second);
  });

  it('goes back to the previous choice when the background refuses', async () => {
    const { container, api } = await setup();
    api.on('ui->background:set-active-assistant', () =>
      failWith({ kind: 'config', message: 'That assistant no longer exists.', retryable: false }),
    );
    await click(allByTestId(container, 'assistant-option')[1]!);
    expect(allByTestId(container, 'assistant-option').map((o) => o.getAttribute('aria-checked'))).toEqual(['true', 'false']);
    expect(getByTestId(container, 'error').textContent).toContain('That assistant no longer exists.');
  });

  it('opens the sidebar for its window and closes', async () => {
    const { container, host } = await setup();
    await click(getByTestId(container, 'open-sidebar'));
    expect(host.openSidebar).toHaveBeenCalledWith(4);
    expect(host.close).toHaveBeenCalled();
  });

  it('asks the background when the browser API is not there', async () => {
    const host = fakeHost(false);
    const { container, api } = await setup([LLAMA], 'a1', host);
    api.on('ui->background:open-sidebar', () => ({ opened: true }));
    await click(getByTestId(container, 'open-sidebar'));
    expect(api.callsOf('ui->background:open-sidebar')).toEqual([{ windowId: 4 }]);
    expect(host.close).toHaveBeenCalled();
  });

  it('links to the options page when no assistant exists', async () => {
    const { container, host } = await setup([], null);
    expect(allByTestId(container, 'assistant-option')).toHaveLength(0);
    expect(byTestId(container, 'assistant-picker')).toBeNull();
    await click(getByTestId(container, 'add-assistant'));
    expect(host.openOptions).toHaveBeenCalled();
  });

  it('says it is loading until the background answers, without holding up the page', async () => {
    let answer: (value: { assistants: AssistantView[]; activeAssistantId: string | null }) => void = () => undefined;
    const api = fakeApi([], null).on('ui->background:get-assistants', () => new Promise((resolve) => (answer = resolve)));
    const { container } = await setup([], null, fakeHost(), api);
    expect(getByTestId(container, 'popup-loading').textContent).toContain('Loading');
    expect(byTestId(container, 'open-sidebar')).not.toBeNull();
    answer({ assistants: [LLAMA], activeAssistantId: 'a1' });
    await settle();
    expect(byTestId(container, 'popup-loading')).toBeNull();
    expect(allByTestId(container, 'assistant-option')).toHaveLength(1);
  });

  it('shows the background’s failure with Retry', async () => {
    const api = fakeApi([], null).on('ui->background:get-assistants', () =>
      failWith({ kind: 'interrupted', message: 'The background worker did not answer.', retryable: true }),
    );
    const { container } = await setup([], null, fakeHost(), api);
    expect(getByTestId(container, 'error').textContent).toContain('did not answer');
    api.on('ui->background:get-assistants', () => ({ assistants: [LLAMA], activeAssistantId: 'a1' }));
    await click(getByTestId(container, 'retry'));
    expect(allByTestId(container, 'assistant-option')).toHaveLength(1);
  });
});

describe('popup: is each assistant ready?', () => {
  const stateOf = (container: HTMLElement, index: number) => getByTestId(allByTestId(container, 'assistant-option')[index]!, 'assistant-state');

  it('tests local servers at once, and remote ones only when asked', async () => {
    const { container, api } = await setup();
    expect(api.callsOf('ui->background:test-assistant')).toEqual([{ id: 'a1' }]);
    expect(stateOf(container, 0).dataset.state).toBe('reachable');
    expect(stateOf(container, 1).dataset.state).toBe('unchecked');
    await click(getByTestId(container, 'check-connections'));
    expect(api.callsOf('ui->background:test-assistant')).toEqual([{ id: 'a1' }, { id: 'a2' }]);
    expect(stateOf(container, 1).dataset.state).toBe('reachable');
    expect(byTestId(container, 'check-connections')).toBeNull();
  });

  it('says why a server is not reachable', async () => {
    const api = fakeApi([LLAMA], 'a1').on('ui->background:test-assistant', () => ({
      ok: false,
      error: { kind: 'network', message: 'localhost:11434 did not answer.', retryable: true },
    }));
    const { container } = await setup([LLAMA], 'a1', fakeHost(), api);
    expect(stateOf(container, 0).dataset.state).toBe('unreachable');
    expect(getByTestId(container, 'assistant-problem').textContent).toBe('localhost:11434 did not answer.');
  });

  it('gives up on a check after a few seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const api = fakeApi([LLAMA], 'a1').on('ui->background:test-assistant', () => new Promise(() => undefined));
      const { container } = await mount(<Popup api={api} host={fakeHost()} />);
      await vi.advanceTimersByTimeAsync(10);
      expect(stateOf(container, 0).dataset.state).toBe('checking');
      await vi.advanceTimersByTimeAsync(4_000);
      expect(stateOf(container, 0).dataset.state).toBe('unreachable');
      expect(getByTestId(container, 'assistant-problem').textContent).toContain('No answer within 4 seconds');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows whether a model in the browser is downloaded, and “unknown” when the background cannot tell', async () => {
    const inBrowser: AssistantView = { ...LLAMA, id: 'w1', kind: 'webllm', model: 'Llama-3.2-1B-Instruct-q4f16_1-MLC' };
    const other: AssistantView = { ...inBrowser, id: 'w2', model: 'Qwen2.5-0.5B' };
    const api = fakeApi([inBrowser, other], 'w1').on('ui->background:local-models', () => ({
      ok: true,
      gpu: { webgpu: true, adapter: true, shaderF16: true, isFallbackAdapter: false },
      models: [{ id: inBrowser.model, vramMB: 900, parametersB: 1, quality: 'good', unsupportedReason: '', lowResource: true, downloaded: true }],
      download: null,
    }));
    const { container } = await setup([inBrowser, other], 'w1', fakeHost(), api);
    expect(api.callsOf('ui->background:test-assistant')).toEqual([]);
    expect(stateOf(container, 0).dataset.state).toBe('downloaded');
    expect(stateOf(container, 1).dataset.state).toBe('unknown');

    const failing = fakeApi([inBrowser], 'w1');
    const again = await setup([inBrowser], 'w1', fakeHost(), failing);
    expect(stateOf(again.container, 0).dataset.state).toBe('unknown');
  });
});

describe('popup: for this chat', () => {
  function chatApi(choice: string | null = null) {
    let assistantId = choice;
    return fakeApi([LLAMA, GPT], 'a1')
      .on('ui->background:get-chat-assistant', () => ({ chatKey: 'whatsapp:Ana', chatTitle: 'Ana', assistantId }))
      .on('ui->background:set-chat-assistant', (payload) => {
        assistantId = payload.assistantId;
        return { chatKey: 'whatsapp:Ana', chatTitle: 'Ana', assistantId };
      });
  }

  it('picks another assistant for the chat open in the current tab, and goes back to the default', async () => {
    const api = chatApi();
    const { container } = await setup([LLAMA, GPT], 'a1', fakeHost(true, 9), api);
    expect(api.callsOf('ui->background:get-chat-assistant')).toEqual([{ tabId: 9 }]);
    const select = getByTestId<HTMLSelectElement>(container, 'chat-assistant-select');
    expect(select.value).toBe('');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Default (Local Llama)', 'Local Llama · local', 'OpenAI · remote']);
    expect(container.querySelector('label[for="chat-assistant"]')?.textContent).toContain('Ana');

    await choose(select, 'a2');
    await settle();
    expect(api.callsOf('ui->background:set-chat-assistant')).toEqual([{ tabId: 9, assistantId: 'a2' }]);
    expect(getByTestId(container, 'chat-assistant-status').textContent).toContain('now uses its own assistant');
    // The default for all chats is untouched.
    expect(api.callsOf('ui->background:set-active-assistant')).toEqual([]);

    await choose(select, '');
    await settle();
    expect(api.callsOf('ui->background:set-chat-assistant').at(-1)).toEqual({ tabId: 9, assistantId: null });
  });

  it('goes back to the stored choice when the background refuses', async () => {
    const api = chatApi('a2').on('ui->background:set-chat-assistant', () =>
      failWith({ kind: 'adapter', message: 'Aside can’t tell which chat this is.', retryable: true }),
    );
    const { container } = await setup([LLAMA, GPT], 'a1', fakeHost(), api);
    const select = getByTestId<HTMLSelectElement>(container, 'chat-assistant-select');
    expect(select.value).toBe('a2');
    await choose(select, '');
    await settle();
    expect(select.value).toBe('a2');
    expect(getByTestId(container, 'chat-assistant-error').textContent).toContain('can’t tell which chat');
  });

  it('explains where to go when the tab shows no chat', async () => {
    const { container } = await setup();
    expect(byTestId(container, 'chat-assistant-select')).toBeNull();
    expect(getByTestId(container, 'chat-assistant-none').textContent).toContain('Open a chat in WhatsApp Web');
  });
});

describe('popup: shortcuts', () => {
  it('lists the current keys in the footer and opens the browser’s page to change them', async () => {
    const api = fakeApi([LLAMA], 'a1').on('ui->background:open-shortcut-settings', () => ({ opened: true }));
    const { container, host } = await setup([LLAMA], 'a1', fakeHost(), api);
    const rows = allByTestId(container, 'shortcut');
    expect(rows.map((row) => row.textContent)).toEqual(['Open the Aside sidebarAlt+Shift+Y', 'Suggest replies in the open chatNot set']);
    await click(getByTestId(container, 'shortcut-settings'));
    expect(api.callsOf('ui->background:open-shortcut-settings')).toEqual([{}]);
    expect(host.close).toHaveBeenCalled();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupHost } from './Popup';
import { FakeApi, failWith } from '../testing/fake-api';
import { allByTestId, byTestId, cleanup, click, getByTestId, mount, press, settle } from '../testing/dom';
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

function fakeHost(opened = true): PopupHost & { [K in keyof PopupHost]: ReturnType<typeof vi.fn> } {
  return {
    currentWindowId: vi.fn(async () => 4),
    openSidebar: vi.fn(async () => opened),
    openOptions: vi.fn(),
    close: vi.fn(),
  } as never;
}

async function setup(assistants = [LLAMA, GPT], activeAssistantId: string | null = 'a1', host = fakeHost()) {
  const api = new FakeApi()
    .on('ui->background:get-assistants', () => ({ assistants, activeAssistantId }))
    .on('ui->background:set-active-assistant', ({ id }) => ({ activeAssistantId: id }));
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
    expect(options[0]?.textContent).toContain('no key');
    expect(options[1]?.textContent).toContain('Remote');
    expect(options[1]?.textContent).toContain('key set');
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
});

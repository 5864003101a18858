/**
 * The popup in German: its buttons, headings and assistant badges come from the German catalogue the
 * build merges into _locales/de/messages.json.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupHost } from './Popup';
import { FakeApi } from '../testing/fake-api';
import { allByTestId, cleanup, getByTestId, mount, settle } from '../testing/dom';
import type { AssistantView } from '../../shared/settings';
import { installCatalogue } from '../i18n/with-catalogue';

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
  hasApiKey: false,
  locality: 'remote',
};

function host(): PopupHost {
  return {
    currentWindowId: vi.fn(async () => 4),
    currentTabId: vi.fn(async () => 9),
    openSidebar: vi.fn(async () => true),
    openOptions: vi.fn(),
    close: vi.fn(),
    listCommands: vi.fn(async () => []),
    targetBrowser: 'chrome',
  };
}

async function renderPopup(assistants: AssistantView[]) {
  const api = new FakeApi()
    .on('ui->background:get-assistants', () => ({ assistants, activeAssistantId: assistants[0]?.id ?? null }))
    .on('ui->background:test-assistant', () => ({ ok: true, detail: 'Connected.' }))
    .on('ui->background:get-chat-assistant', () => ({ chatKey: 'whatsapp:Ana', chatTitle: 'Ana', assistantId: null }));
  const { container } = await mount(<Popup api={api} host={host()} />);
  await settle();
  return container;
}

describe('popup in German', () => {
  beforeEach(() => installCatalogue('de'));
  afterEach(async () => {
    await cleanup();
    installCatalogue('en');
  });

  it('shows its buttons, headings and assistant states in German', async () => {
    const container = await renderPopup([LLAMA, GPT]);
    expect(getByTestId(container, 'open-sidebar').textContent).toBe('Seitenleiste öffnen');
    expect(getByTestId(container, 'open-options').textContent).toBe('Einstellungen');
    expect(container.querySelector('#picker-title')?.textContent).toBe('Assistent für alle Chats');
    expect(getByTestId(container, 'check-connections').textContent).toBe('Verbindungen prüfen');
    const states = allByTestId(container, 'assistant-state').map((badge) => badge.textContent);
    expect(states).toEqual(['erreichbar', 'nicht geprüft']);
    expect(getByTestId(container, 'assistant-key').textContent).toBe('kein Schlüssel');
    expect(container.querySelector('label[for="chat-assistant"]')?.textContent).toBe('Assistent für „Ana“');
    const choices = [...getByTestId<HTMLSelectElement>(container, 'chat-assistant-select').options].map((option) => option.textContent);
    expect(choices).toEqual(['Standard (Local Llama)', 'Local Llama · lokal', 'OpenAI · remote']);
  });

  it('invites the user to add an assistant, in German, when there is none', async () => {
    const container = await renderPopup([]);
    expect(getByTestId(container, 'popup-empty').textContent).toContain('Noch kein Assistent.');
    expect(getByTestId(container, 'add-assistant').textContent).toBe('Assistenten hinzufügen');
  });
});

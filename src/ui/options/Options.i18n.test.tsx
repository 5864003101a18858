/**
 * The options page in German: the page speaks the browser's language from the same catalogue files the
 * build merges into _locales/de/messages.json, numbers included.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from './Options';
import type { OptionsHost } from './options-host';
import { FakeApi } from '../testing/fake-api';
import { cleanup, getByTestId, mount, settle } from '../testing/dom';
import { installCatalogue } from '../i18n/with-catalogue';

const ASSISTANT = {
  id: 'a1',
  name: 'Hosted',
  kind: 'openai' as const,
  baseUrl: 'https://api.example.com/v1',
  model: 'gpt-4o-mini',
  hasApiKey: false,
  locality: 'remote' as const,
};

async function renderOptions() {
  const api = new FakeApi()
    .on('ui->background:get-assistants', () => ({ assistants: [ASSISTANT], activeAssistantId: 'a1' }))
    .on('ui->background:get-egress-log', () => ({
      entries: [{ id: 1, time: Date.UTC(2026, 4, 1, 9, 30), origin: 'https://api.example.com', method: 'POST', bytes: 12345, chatKey: null, action: 'reply', status: null }],
    }))
    .on('ui->background:list-history-chats', () => ({ chats: [] }))
    .on('ui->background:search-history', () => ({ entries: [], truncated: false }))
    .on('ui->background:get-privacy-settings', () => ({ pseudonymise: true, readScope: { kind: 'last', count: 50 }, incognito: false }))
    .on('ui->background:get-templates', () => ({ templates: [], chatKey: null, chatDefaultId: null }));
  const host: OptionsHost = {
    requestOrigin: async () => true,
    extensionOrigin: 'chrome-extension://abc',
    copyText: async () => undefined,
    newId: () => 'id',
    listCommands: vi.fn(async () => []),
  };
  const { container } = await mount(<Options api={api} host={host} />);
  await settle();
  return container;
}

describe('options page in German', () => {
  beforeEach(() => {
    installCatalogue('de');
    document.documentElement.lang = 'de';
  });
  afterEach(async () => {
    await cleanup();
    installCatalogue('en');
    document.documentElement.lang = '';
  });

  it('names its sections, controls and log in German, with German number format', async () => {
    const container = await renderOptions();
    expect(container.querySelector('h1')?.textContent).toBe('Aside-Einstellungen');
    const links = [...getByTestId(container, 'options-nav').querySelectorAll('a')].map((a) => a.textContent);
    expect(links).toEqual(['Assistenten', 'Prompts', 'Datenschutz', 'Daten', 'Tastenkürzel']);
    expect(getByTestId(container, 'options-nav').getAttribute('aria-label')).toBe('Bereiche der Einstellungen');

    expect(getByTestId(container, 'provider-save').textContent).toBe('Speichern');
    expect(getByTestId(container, 'provider-test').textContent).toBe('Verbindung testen');
    expect(container.querySelector('label[for="provider-api-key"]')?.textContent).toBe('API-Schlüssel');
    expect(getByTestId(container, 'assistant-item').querySelector('.badge-active')?.textContent).toBe('Aktiv');
    expect(getByTestId(container, 'assistant-edit').textContent).toBe('Bearbeiten');
    expect(getByTestId(container, 'assistant-item').textContent).toContain('kein Schlüssel');

    expect(getByTestId(container, 'privacy-settings').textContent).toContain('Was eine Aufgabe liest');
    expect(getByTestId(container, 'privacy-incognito').parentElement?.textContent).toContain('Inkognito');
    expect(getByTestId(container, 'settings-export').textContent).toBe('Einstellungen exportieren');
    expect(getByTestId(container, 'templates-export').textContent).toBe('Vorlagen exportieren');

    const row = getByTestId(container, 'egress-entry');
    expect(row.textContent).toContain('12.345');
    expect(row.textContent).toContain('fehlgeschlagen');
    expect(getByTestId(container, 'egress-clear').textContent).toBe('Protokoll leeren');
  });
});

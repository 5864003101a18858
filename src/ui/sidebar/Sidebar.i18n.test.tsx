/**
 * The sidebar in German: the words come from the German catalogue the build ships, numbers and language
 * names follow the interface's language, and what the model is told (the target language) stays English.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { cleanup, click, getByTestId } from '../testing/dom';
import { mountSidebar, OK_CHAT } from './sidebar-test-support';
import { installCatalogue } from '../i18n/with-catalogue';

const START = { assistantName: 'Local Llama', model: 'llama3.2', locality: 'local' as const };

describe('sidebar in German', () => {
  beforeEach(() => {
    // What installBrowserMessages does on a German browser: German words, and the document says "de".
    installCatalogue('de');
    document.documentElement.lang = 'de';
  });
  afterEach(() => {
    cleanup();
    installCatalogue('en');
    document.documentElement.lang = '';
  });

  it('labels its actions, pickers and footer in German', async () => {
    const state = { ...OK_CHAT, conversation: { ...OK_CHAT.conversation!, messageCount: 1234 } };
    const { container } = await mountSidebar({ locale: 'de-DE', state });
    // The status line counts the German way.
    const sentence = getByTestId(container, 'adapter-status').querySelector('.adapter-sentence');
    expect(sentence?.textContent).toBe('„Ana“ wird gelesen · 1.234 Nachrichten');
    expect(getByTestId(container, 'refresh-status').textContent).toBe('Aktualisieren');
    expect(getByTestId(container, 'action-reply').textContent).toBe('Antworten vorschlagen');
    expect(getByTestId(container, 'action-rewrite').textContent).toBe('Meinen Entwurf umschreiben');
    expect(getByTestId(container, 'action-summarize').textContent).toBe('Zusammenfassen');
    // The button names the language in German; the model is still told its English name.
    expect(getByTestId(container, 'action-translate').textContent).toBe('Auf Deutsch (Deutschland) übersetzen');
    expect(getByTestId<HTMLInputElement>(container, 'ask-input').placeholder).toBe('Frag etwas zu diesem Chat …');
    expect(getByTestId(container, 'action-ask').textContent).toBe('Fragen');
    const tones = [...getByTestId<HTMLSelectElement>(container, 'tone-select').options].map((option) => option.text);
    expect(tones).toEqual(['Ton des Chats', 'Freundlich', 'Kurz', 'Förmlich', 'Eigener Ton …']);
    expect(getByTestId<HTMLSelectElement>(container, 'scope-picker').options[1]?.text).toBe('Letzte 20 Nachrichten');
    expect(container.querySelector('.sidebar-footer')?.textContent).toBe(
      'Aside sendet nie eine Nachricht: Einfügen füllt nur das Nachrichtenfeld von WhatsApp.',
    );
    expect(container.textContent).not.toContain('Suggest replies');
  });

  it('streams, inserts and reports in German', async () => {
    const { container, api } = await mountSidebar({ locale: 'de-DE' });
    await click(getByTestId(container, 'action-translate'));
    expect(api.options.at(-1)).toEqual({ targetLanguage: 'German (Germany)' });
    await act(() => api.lastTask.start(START));
    expect(getByTestId(container, 'task-status').textContent).toBe('Wird mit Local Llama übersetzt …');
    await act(() => {
      api.lastTask.delta('**Ana**: Abendessen heute?');
      api.lastTask.end();
    });
    expect(getByTestId(container, 'task-status').textContent).toBe('Fertig');
    expect(container.querySelector('.output-heading')?.textContent).toBe('Übersetzung auf Deutsch (Deutschland)');

    await click(getByTestId(container, 'action-reply'));
    await act(() => api.lastTask.end(['Gern, bis später!']));
    const insert = getByTestId(container, 'suggestion-insert');
    expect(insert.textContent).toBe('Einfügen');
    expect(insert.getAttribute('aria-label')).toBe('Vorschlag 1 einfügen');
    await click(insert);
    expect(getByTestId(container, 'insert-result').textContent).toBe('Eingefügt – prüfe ihn und tippe in WhatsApp auf Senden');
  });

  it('asks consent in German, counting characters the German way', async () => {
    const { container, api } = await mountSidebar({ locale: 'de-DE' });
    await click(getByTestId(container, 'action-reply'));
    await act(() =>
      api.lastTask.askConsent({
        destination: 'https://api.example.com',
        model: 'gpt-test',
        messages: [{ role: 'user', content: 'x'.repeat(1234) }],
      }),
    );
    const dialog = getByTestId(container, 'consent-dialog');
    expect(dialog.querySelector('h2')?.textContent).toBe('Diesen Chat an einen Remote-Assistenten senden?');
    expect(dialog.querySelector('.consent-summary')?.textContent).toBe(
      'Noch wurde nichts gesendet. Wenn du es erlaubst, geht der Text unten (1.234 Zeichen) an https://api.example.com für das Modell gpt-test.',
    );
    expect(getByTestId(dialog, 'consent-allow').textContent).toBe('Einmal erlauben');
    expect(getByTestId(dialog, 'consent-deny').textContent).toBe('Nicht senden');
  });
});

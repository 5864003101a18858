/**
 * Every native provider, end to end in real Chromium with the built extension: an assistant configured
 * through the options page ("Load models" included) against a fake Anthropic, Gemini or Ollama server
 * on 127.0.0.1 speaking the real wire protocol, then "Suggest replies" from the sidebar on the WhatsApp
 * fixture. Covers what only a browser shows: the Origin Chrome adds to an extension's requests (which
 * makes Anthropic demand its browser-access header and Ollama check OLLAMA_ORIGINS), and a 429 retried
 * before the drafts arrive.
 */
import type { ChatSpec } from './fixtures/whatsapp/page';
import { tabIdOf } from './support/pages';
import { ANTHROPIC_KEY, GEMINI_KEY, expect, test } from './support/providers';

const CHAT: ChatSpec = {
  title: 'Saturday hike',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0B1C2D3E4F5060708', direction: 'in', sender: 'Ana Souza', text: 'Are we still on for the hike on Saturday?', time: '09:12', date: '14/05/2026' },
    { id: '3EB0B1C2D3E4F5060709', direction: 'out', text: 'Yes! Trailhead at 8, bring water.', time: '09:15', date: '14/05/2026' },
    { id: '3EB0B1C2D3E4F506070B', direction: 'in', sender: 'Ana Souza', text: 'Can someone give me a lift from the station?', time: '09:24', date: '14/05/2026' },
  ],
};

const DRAFTS = ['Sure, I can pick you up at 7:30.', 'I have room for one more, Ana.', 'Let me check and get back to you.'];
const ANSWER = DRAFTS.join('\n---\n');

test.describe('native providers', () => {
  test.beforeEach(({ fakeAnthropic, fakeGemini, fakeOllama }) => {
    fakeAnthropic.reset();
    fakeGemini.reset();
    fakeOllama.reset();
  });

  test('Anthropic: configured with Load models, three drafts stream in; the browser-access header goes with Chrome’s Origin', async ({
    useAssistant,
    fakeAnthropic,
    whatsApp,
    pages,
    serviceWorker,
    extensionId,
  }) => {
    await useAssistant({ kind: 'anthropic', baseUrl: fakeAnthropic.url, apiKey: ANTHROPIC_KEY, model: 'claude-fake-2' });
    await whatsApp.open(CHAT);
    const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
    await expect(sidebar.providerBadge).toContainText('claude-fake-2');
    await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');

    fakeAnthropic.script({ text: ANSWER, tokensPerSecond: 60 });
    await sidebar.run('reply');
    await expect(sidebar.suggestions).toHaveCount(3, { timeout: 15_000 });
    await expect(sidebar.stop).toBeHidden({ timeout: 15_000 });
    await expect(sidebar.suggestionTexts).toHaveText(DRAFTS);

    const models = fakeAnthropic.requests.filter((request) => request.path.startsWith('/v1/models'));
    expect(models.length, 'Load models asked the server').toBeGreaterThan(0);
    expect(models[0]!.headers['x-api-key']).toBe(ANTHROPIC_KEY);
    const [message, ...more] = fakeAnthropic.requests.filter((request) => request.path === '/v1/messages');
    expect(more).toHaveLength(0);
    expect(message!.headers.origin).toBe(`chrome-extension://${extensionId}`);
    expect(message!.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    expect(message!.headers['anthropic-version']).toBe('2023-06-01');
    expect(message!.headers['x-api-key']).toBe(ANTHROPIC_KEY);
    const body = message!.body as { system?: string; model?: string; messages?: Array<{ role: string }> };
    expect(body.model).toBe('claude-fake-2');
    expect(body.system, 'the system prompt is top-level').toBeTruthy();
    expect(body.messages?.every((entry) => entry.role !== 'system')).toBe(true);
    expect(message!.rawBody, 'the API key never goes into the prompt').not.toContain(ANTHROPIC_KEY);
  });

  test('Anthropic: a 429 is retried after its retry-after, then the drafts arrive', async ({ useAssistant, fakeAnthropic, whatsApp, pages, serviceWorker }) => {
    await useAssistant({ kind: 'anthropic', baseUrl: fakeAnthropic.url, apiKey: ANTHROPIC_KEY, model: 'claude-fake-2' });
    await whatsApp.open(CHAT);
    const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
    await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');

    fakeAnthropic.script({ httpError: 429, headers: { 'retry-after': '1' } });
    fakeAnthropic.script({ text: ANSWER });
    await sidebar.run('reply');
    await expect(sidebar.suggestions).toHaveCount(3, { timeout: 15_000 });
    await expect(sidebar.suggestionTexts).toHaveText(DRAFTS);
    await expect(sidebar.error).toBeHidden();

    const attempts = fakeAnthropic.requests.filter((request) => request.path === '/v1/messages');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.receivedAt - attempts[0]!.receivedAt, 'waited for retry-after').toBeGreaterThanOrEqual(900);
  });

  test('Gemini: the key travels in x-goog-api-key, never in the URL; three drafts arrive', async ({ useAssistant, fakeGemini, whatsApp, pages, serviceWorker }) => {
    await useAssistant({ kind: 'gemini', baseUrl: fakeGemini.url, apiKey: GEMINI_KEY, model: 'gemini-fake-flash' });
    await whatsApp.open(CHAT);
    const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
    await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');

    fakeGemini.script({ text: ANSWER });
    await sidebar.run('reply');
    await expect(sidebar.suggestions).toHaveCount(3, { timeout: 15_000 });
    await expect(sidebar.suggestionTexts).toHaveText(DRAFTS);

    for (const request of fakeGemini.requests) {
      expect(request.path).not.toContain(GEMINI_KEY);
      expect(request.path).not.toContain('key=');
    }
    const generate = fakeGemini.requests.filter((request) => request.path.includes(':streamGenerateContent'));
    expect(generate).toHaveLength(1);
    expect(generate[0]!.path).toBe('/v1beta/models/gemini-fake-flash:streamGenerateContent?alt=sse');
    expect(generate[0]!.headers['x-goog-api-key']).toBe(GEMINI_KEY);
  });

  test('Ollama: refused until OLLAMA_ORIGINS names the extension, with that exact setting in the error; then drafts arrive', async ({
    useAssistant,
    fakeOllama,
    whatsApp,
    pages,
    serviceWorker,
    extensionId,
  }) => {
    const extensionOrigin = `chrome-extension://${extensionId}`;
    await useAssistant({ kind: 'ollama', baseUrl: fakeOllama.url, model: 'llama3.2:latest' });
    // Load models worked: Chrome sends no Origin on the extension's GET, so Ollama let the list through.
    const tags = fakeOllama.requests.find((request) => request.path === '/api/tags');
    expect(tags?.headers.origin, 'Chrome omits Origin on this GET').toBeUndefined();

    // Test connection sees what a chat would: its POST probe is refused, with the exact setting to use.
    const options = await pages.openOptions();
    await options.page.getByTestId('assistant-item').filter({ hasText: fakeOllama.url }).getByTestId('assistant-edit').click();
    await options.test.click();
    const result = options.page.getByTestId('test-result');
    await expect(result).toHaveAttribute('data-ok', 'false');
    await expect(result).toHaveAttribute('data-kind', 'auth');
    await expect(result).toContainText(`OLLAMA_ORIGINS=${extensionOrigin}`);

    await whatsApp.open(CHAT);
    const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
    await expect(sidebar.providerBadge).toHaveAttribute('data-locality', 'local');
    await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');

    fakeOllama.script({ text: ANSWER }, { persistent: true });
    await sidebar.run('reply');
    await expect(sidebar.error).toBeVisible({ timeout: 10_000 });
    await expect(sidebar.error).toHaveAttribute('data-kind', 'auth');
    await expect(sidebar.error).toContainText(`OLLAMA_ORIGINS=${extensionOrigin}`);
    await expect(sidebar.suggestions).toHaveCount(0);
    const refused = fakeOllama.requests.filter((request) => request.path === '/api/chat');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.headers.origin).toBe(extensionOrigin);

    // The user sets OLLAMA_ORIGINS as told and restarts Ollama.
    fakeOllama.setAllowedOrigins([extensionOrigin]);
    await sidebar.run('reply');
    await expect(sidebar.suggestions).toHaveCount(3, { timeout: 15_000 });
    await expect(sidebar.suggestionTexts).toHaveText(DRAFTS);
    const accepted = fakeOllama.requests.filter((request) => request.path === '/api/chat').at(-1)!;
    expect(accepted.body).toMatchObject({ model: 'llama3.2:latest', stream: true, options: { num_ctx: 8192 } });
  });
});

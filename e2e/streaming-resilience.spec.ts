/**
 * What happens to a stream when something goes away, in real Chromium with the built extension: the
 * background service worker stopped by Chrome mid-answer (here through the DevTools protocol, as Chrome
 * does to an idle or crashed worker), the sidebar closed mid-answer, and the provider failing in the ways
 * users meet (missing model, server error, a connection cut halfway, a garbled chunk). Each must end in
 * something the user can see and act on, never a spinner that spins forever, and each must close the
 * upstream connection so the provider stops generating.
 *
 * This spec has its own browser: stopping the service worker would leave the shared fixtures' worker handle
 * stale for the specs that run after it.
 */
import type { BrowserContext } from '@playwright/test';
import { startFakeOllama, type FakeOllamaServer } from './fake-servers/ollama';
import { startFakeOpenAI, type RecordedRequest } from './fake-servers/openai-compatible';
import { WhatsAppFixture, type ChatSpec } from './fixtures/whatsapp/page';
import { closeExtensionContext, expect, extensionWorker, launchWithExtension, test, type FakeOpenAI } from './support/extension';
import { ExtensionPages, type SidebarPage } from './support/pages';

const API_KEY = 'sk-aside-resilience-0123456789';
const MODEL = 'fake-model';
const DRAFTS = ['Sure, see you at 8.', 'I will bring water.', 'Count me in!'];

const CHAT: ChatSpec = {
  title: 'Saturday hike',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0D1C2D3E4F5060701', direction: 'in', sender: 'Ana Souza', text: 'Are we still on for the hike on Saturday?', time: '09:12', date: '14/05/2026' },
    { id: '3EB0D1C2D3E4F5060702', direction: 'in', sender: 'Ben Okafor', text: 'Trailhead at 8?', time: '09:20', date: '14/05/2026' },
  ],
};

/** Eighty words at ten tokens a second: long enough to act on the stream while it runs. */
const SLOW_DRAFT = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' ');

let context: BrowserContext;
let fake: FakeOpenAI;
let ollama: FakeOllamaServer;
let pages: ExtensionPages;
let whatsApp: WhatsAppFixture;

// Reading the chat may first scroll WhatsApp's history to the scope the user set (seconds on a loaded machine).
test.describe.configure({ mode: 'serial', timeout: 60_000 });
const SOON = { timeout: 20_000 };

test.beforeAll(async () => {
  fake = await startFakeOpenAI({ host: '127.0.0.1', apiKey: API_KEY, models: [MODEL] });
  // OLLAMA_ORIGINS is not the subject here (providers.spec.ts covers it): the check is off.
  ollama = await startFakeOllama({ host: '127.0.0.1', models: ['llama3.2:latest'], allowedOrigins: null });
  context = await launchWithExtension();
  const worker = await extensionWorker(context);
  pages = new ExtensionPages(context, new URL(worker.url()).host);
  const options = await pages.openOptions();
  await options.configure({ kind: 'openai-compatible', baseUrl: `${fake.url}`, apiKey: API_KEY, model: MODEL });
  const popup = await pages.openPopup();
  const option = popup.assistantOptions.filter({ hasText: MODEL });
  await expect(async () => {
    await popup.page.reload();
    await expect(option).toHaveCount(1, { timeout: 1_000 });
  }).toPass(SOON);
  await pages.dispose();
  whatsApp = new WhatsAppFixture(context);
  await whatsApp.install();
});

test.afterAll(async () => {
  await whatsApp?.dispose();
  await pages?.dispose();
  if (context) await closeExtensionContext(context);
  await fake?.close();
  await ollama?.close();
});

test.beforeEach(() => {
  fake.reset();
  ollama.reset();
});
test.afterEach(() => pages.dispose());

function completions(): RecordedRequest[] {
  return fake.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/chat/completions'));
}

/**
 * The id of the WhatsApp tab opened last (earlier tests' tabs stay open until the end). The worker is looked
 * up afresh: a test may have stopped it.
 */
async function newestWhatsAppTab(): Promise<number> {
  const worker = await extensionWorker(context);
  return worker.evaluate(async () => Math.max(...(await chrome.tabs.query({ url: 'https://web.whatsapp.com/*' })).map((tab) => tab.id ?? -1)));
}

/** The sidebar bound to a freshly opened fixture chat, ready to run. */
async function openSidebar(chat: ChatSpec = CHAT): Promise<SidebarPage> {
  await whatsApp.open(chat);
  const sidebar = await pages.openSidebar(await newestWhatsAppTab());
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');
  return sidebar;
}

test('a service worker stopped mid-stream shows “interrupted” with Retry, keeps the partial drafts, and Retry works', async () => {
  const sidebar = await openSidebar();
  fake.script({ text: SLOW_DRAFT, tokensPerSecond: 10 });
  await sidebar.run('reply');
  await expect(sidebar.suggestionTexts.first()).toContainText('word2', SOON);

  // What Chrome does to a worker it decides to stop: the worker goes away without a word to its ports.
  const devtools = await context.newCDPSession(sidebar.page);
  await devtools.send('ServiceWorker.enable');
  await devtools.send('ServiceWorker.stopAllWorkers');

  await expect(sidebar.error).toBeVisible(SOON);
  await expect(sidebar.error).toHaveAttribute('data-kind', 'interrupted');
  await expect(sidebar.error).toContainText('stopped before the answer was complete');
  await expect(sidebar.retry).toBeVisible();
  await expect(sidebar.stop).toBeHidden();
  const kept = (await sidebar.suggestionTexts.first().textContent()) ?? '';
  expect(kept, 'the partial draft stays').toMatch(/^word0 word1 word2/);
  expect(SLOW_DRAFT.startsWith(kept)).toBe(true);
  const [first] = completions();
  await expect.poll(() => first?.closedByClient, { message: 'the provider saw the connection close' }).toBe(true);

  // Retry wakes a new worker, which runs the task again from the start.
  fake.script({ text: DRAFTS.join('\n---\n') });
  await sidebar.retry.click();
  await expect(sidebar.suggestions).toHaveCount(3, SOON);
  await expect(sidebar.suggestionTexts).toHaveText(DRAFTS);
  await expect(sidebar.error).toBeHidden();
  expect(completions()).toHaveLength(2);
});

test('closing the sidebar mid-stream closes the provider’s connection', async () => {
  const sidebar = await openSidebar();
  fake.script({ text: SLOW_DRAFT, tokensPerSecond: 10 });
  await sidebar.run('reply');
  await expect(sidebar.suggestionTexts.first()).toContainText('word2', SOON);
  await sidebar.page.close();
  const [completion] = completions();
  await expect.poll(() => completion?.closedByClient, { message: 'the provider saw the connection close', timeout: 5_000 }).toBe(true);
});

test.describe('provider failures end in an error the user can act on', () => {
  test('a model the server does not have: kind model, no Retry', async () => {
    const sidebar = await openSidebar();
    fake.script({ httpError: 404, body: { error: { message: `The model \`${MODEL}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', param: null, code: 'model_not_found' } } });
    await sidebar.run('reply');
    await expect(sidebar.error).toHaveAttribute('data-kind', 'model', SOON);
    await expect(sidebar.error).toContainText(MODEL);
    await expect(sidebar.retry).toBeHidden();
    expect(completions(), 'a missing model is not retried').toHaveLength(1);
  });

  test('a 500 is retried twice, then shown as a server error with Retry', async () => {
    const sidebar = await openSidebar();
    fake.script({ httpError: 500 }, { times: 3 });
    await sidebar.run('reply');
    await expect(sidebar.error).toHaveAttribute('data-kind', 'server', SOON);
    await expect(sidebar.retry).toBeVisible();
    expect(completions()).toHaveLength(3);
  });

  test('a stream cut halfway: the partial draft stays, with a network error and Retry', async () => {
    const sidebar = await openSidebar();
    fake.script({ text: SLOW_DRAFT, tokensPerSecond: 100, cutAfter: 6 });
    await sidebar.run('reply');
    await expect(sidebar.error).toHaveAttribute('data-kind', 'network', SOON);
    await expect(sidebar.error).toContainText('closed before the answer was complete');
    await expect(sidebar.retry).toBeVisible();
    await expect(sidebar.suggestionTexts.first()).toContainText('word0');
    expect(completions(), 'text was shown, so nothing is retried behind the user’s back').toHaveLength(1);
  });

  test('no first byte within 30 s: kind timeout with Retry, and the request is abandoned', async () => {
    test.setTimeout(90_000);
    const sidebar = await openSidebar();
    // A model still loading, far past the provider's first-byte deadline (30 s for OpenAI-compatible servers).
    fake.script({ text: 'Too late.', firstByteDelayMs: 45_000 });
    await sidebar.run('reply');
    await expect(sidebar.stop).toBeVisible();
    await expect(sidebar.error).toHaveAttribute('data-kind', 'timeout', { timeout: 50_000 });
    await expect(sidebar.retry).toBeVisible();
    await expect(sidebar.stop).toBeHidden();
    expect(completions(), 'a timeout is not retried behind the user’s back').toHaveLength(1);
    await expect.poll(() => completions()[0]?.closedByClient, { message: 'the provider saw the connection close' }).toBe(true);
  });

  test('a garbled chunk mid-stream: a protocol error after the text before it', async () => {
    const sidebar = await openSidebar();
    fake.script({ text: SLOW_DRAFT, tokensPerSecond: 100, malformedChunkAfter: 4 });
    await sidebar.run('reply');
    await expect(sidebar.error).toHaveAttribute('data-kind', 'protocol', SOON);
    await expect(sidebar.suggestionTexts.first()).toContainText('word0');
    await expect(sidebar.stop).toBeHidden();
  });
});

test.describe('a long chat and a small model', () => {
  const LONG_CHAT: ChatSpec = {
    title: 'Book club',
    isGroup: true,
    ownerName: 'Sam Reyes',
    messages: Array.from({ length: 400 }, (_, index) => ({
      id: `3EB0E${index.toString(16).toUpperCase().padStart(15, '0')}`,
      direction: index % 4 === 0 ? ('out' as const) : ('in' as const),
      ...(index % 4 === 0 ? {} : { sender: index % 2 === 0 ? 'Ana Souza' : 'Ben Okafor' }),
      text: `Note ${index}: chapter ${index % 30} was slower than the last one, but the ending made up for it.`,
      time: `${String(8 + Math.floor(index / 60)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`,
      date: '14/05/2026',
    })),
  };

  test('only the newest messages that fit go to the model, and the sidebar says how many', async () => {
    // The user's Ollama runs with a 2,048-token window (num_ctx), set in the options page.
    const options = await pages.openOptions();
    await options.kind.selectOption('ollama');
    await options.baseUrl.fill(ollama.url);
    await options.model.fill('llama3.2:latest');
    await options.page.getByTestId('provider-context-window').fill('2048');
    await options.save.click();
    await expect(options.page.getByTestId('save-result')).toContainText('Saved');
    const row = options.page.getByTestId('assistant-item').filter({ hasText: ollama.url });
    if ((await row.getAttribute('data-active')) !== 'true') await row.getByTestId('assistant-activate').click();
    await expect(row).toHaveAttribute('data-active', 'true');

    const sidebar = await openSidebar(LONG_CHAT);
    await expect(sidebar.providerBadge).toContainText('llama3.2');

    ollama.script({ text: DRAFTS.join('\n---\n') });
    await sidebar.run('reply');
    await expect(sidebar.suggestions).toHaveCount(3, SOON);
    // Aside reads the last 50 messages by default (the privacy setting); of those, only some fit 2,048 tokens.
    const note = sidebar.page.getByTestId('task-note').filter({ hasText: 'context' });
    await expect(note).toHaveText(/^Only the last \d+ of 50 messages fit this model’s context\.$/);
    const kept = Number(/last (\d+) of/.exec((await note.textContent()) ?? '')![1]);
    expect(kept).toBeGreaterThan(3);
    expect(kept).toBeLessThan(50);

    const [chat, ...more] = ollama.requests.filter((request) => request.path === '/api/chat');
    expect(more).toHaveLength(0);
    const body = chat!.body as { options: { num_ctx: number }; messages: Array<{ role: string; content: string }> };
    expect(body.options.num_ctx).toBe(2048);
    const sent = body.messages.map((message) => message.content).join('\n');
    expect(sent, 'the newest message').toContain('Note 399:');
    expect(sent, 'the oldest message that fits').toContain(`Note ${400 - kept}:`);
    expect(sent, 'nothing older').not.toContain(`Note ${399 - kept}:`);
    expect(sent).not.toContain('Note 0:');
    // Still shown after the drafts arrived: it is true of the answer, not of the wait.
    await expect(sidebar.stop).toBeHidden();
    await expect(note).toBeVisible();
  });
});

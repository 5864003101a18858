/**
 * The toolbar popup, opened as a tab: the configured assistants with where they run, their key and
 * whether they answer; the assistant for one chat; the shortcuts; and the sidebar.
 */
import type { BrowserContext } from '@playwright/test';
import { startFakeOpenAI, type FakeOpenAIServer, type RecordedRequest } from './fake-servers/openai-compatible';
import { WhatsAppFixture, type ChatSpec } from './fixtures/whatsapp/page';
import { closeExtensionContext, expect, extensionWorker, launchWithExtension, test } from './support/extension';
import { ExtensionPages, PopupPage, tabIdOf } from './support/pages';

test('the popup lists the configured assistant as the active one', async ({ assistant, pages }) => {
  const popup = await pages.openPopup();
  await expect(popup.assistantPicker).toBeVisible();
  await expect(popup.assistantOptions).toHaveCount(1);
  const option = popup.assistantOptions.first();
  await expect(option).toContainText(assistant.model);
  await expect(option).toHaveAttribute('aria-checked', 'true');
  await expect(popup.openSidebar).toBeVisible();
});

const CHAT: ChatSpec = {
  title: 'Ana Souza',
  isGroup: false,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0C1C2D3E4F5060701', direction: 'in', text: 'Dinner at eight on Friday?', time: '18:02', date: '14/05/2026' },
  ],
};

test.describe('popup in its own browser', () => {
  test.describe.configure({ mode: 'serial' });

  const KEY = 'sk-popup-e2e-0123456789';
  let context: BrowserContext;
  let pages: ExtensionPages;
  let whatsApp: WhatsAppFixture;
  let main: FakeOpenAIServer;
  let second: FakeOpenAIServer;
  let serviceWorker: Awaited<ReturnType<typeof extensionWorker>>;

  test.beforeAll(async () => {
    main = await startFakeOpenAI({ host: '127.0.0.1', apiKey: KEY, models: ['main-model'] });
    second = await startFakeOpenAI({ host: '127.0.0.1', apiKey: KEY, models: ['second-model'] });
    context = await launchWithExtension();
    serviceWorker = await extensionWorker(context);
    pages = new ExtensionPages(context, new URL(serviceWorker.url()).host);
    whatsApp = new WhatsAppFixture(context);
    await whatsApp.install();
  });

  test.afterAll(async () => {
    await whatsApp?.dispose();
    await pages?.dispose();
    if (context) await closeExtensionContext(context);
    await main?.close();
    await second?.close();
  });

  const completions = (server: FakeOpenAIServer): RecordedRequest[] =>
    server.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/chat/completions'));

  test('with no assistant, the popup says so and leads to the options page', async () => {
    const popup = await pages.openPopup();
    await expect(popup.page.getByTestId('popup-empty')).toBeVisible();
    const optionsOpened = context.waitForEvent('page', (page) => page.url().includes('/extension-pages/options.html'));
    await popup.page.getByTestId('add-assistant').click();
    await optionsOpened;
    await pages.dispose();
  });

  test('each assistant shows where it runs and whether its server answers; the shortcuts show their keys', async () => {
    const options = await pages.openOptions();
    await options.configure({ kind: 'openai-compatible', baseUrl: `${main.url}`, apiKey: KEY, model: 'main-model' });
    await expect(options.page.getByTestId('save-result')).toBeVisible();
    await options.page.getByTestId('assistant-new').click();
    await options.configure({ kind: 'openai-compatible', baseUrl: `${second.url}`, apiKey: KEY, model: 'second-model' });
    await expect(options.page.getByTestId('assistant-item')).toHaveCount(2);

    const popup = await pages.openPopup();
    await expect(popup.assistantOptions).toHaveCount(2);
    for (const option of await popup.assistantOptions.all()) {
      await expect(option).toContainText('Local');
      await expect(option.getByTestId('assistant-key')).toHaveAttribute('data-key', 'set');
      // The popup ran the options page's connection test against each local server, after it painted.
      await expect(option.getByTestId('assistant-state')).toHaveAttribute('data-state', 'reachable', { timeout: 10_000 });
    }
    expect(main.requests.some((request) => request.path.startsWith('/v1/models'))).toBe(true);

    // Stop the second server's answers: the popup says it is not reachable, and why.
    second.script({ httpError: 500 }, { persistent: true, route: 'models' });
    await popup.page.reload();
    const broken = popup.assistantOptions.filter({ hasText: 'second-model' });
    await expect(broken.getByTestId('assistant-state')).toHaveAttribute('data-state', 'unreachable', { timeout: 10_000 });
    await expect(broken.getByTestId('assistant-problem')).not.toBeEmpty();
    second.reset();

    // The footer lists the commands with the keys the browser assigned (the manifest suggests these).
    const shortcuts = popup.page.getByTestId('shortcut');
    await expect(shortcuts.filter({ hasText: 'Suggest replies' })).toContainText('S');
    const keys = await popup.page.getByTestId('shortcut').filter({ hasText: 'Suggest replies' }).locator('kbd').allTextContents();
    expect(keys).toEqual(['Alt', 'Shift', 'S']);
    await pages.dispose();
  });

  test('“For this chat” sends that chat to another assistant; other chats keep the default', async () => {
    main.reset();
    second.reset();
    await whatsApp.open(CHAT);
    const tabId = await tabIdOf(serviceWorker);

    // The popup as it opens over the WhatsApp tab (opened as a page, it is told the tab like the sidebar).
    const page = await context.newPage();
    await page.goto(pages.url('popup', `?tab=${tabId}`));
    const popup = new PopupPage(page);
    await expect(popup.assistantOptions.first()).toHaveAttribute('aria-checked', 'true');
    const select = page.getByTestId('chat-assistant-select');
    await expect(page.locator('label[for="chat-assistant"]')).toContainText('Ana Souza');
    await expect(select).toHaveValue('');
    const secondId = await popup.assistantOptions.filter({ hasText: 'second-model' }).getAttribute('data-assistant-id');
    await select.selectOption(secondId!);
    await expect(page.getByTestId('chat-assistant-status')).toContainText('now uses its own assistant');

    // Reopened, the popup shows the choice; the default for all chats did not change.
    await page.reload();
    await expect(select).toHaveValue(secondId!);
    await expect(popup.assistantOptions.filter({ hasText: 'main-model' })).toHaveAttribute('aria-checked', 'true');

    second.script({ text: 'Friday works!\n---\nSee you at eight.\n---\nCan we make it 8:30?' });
    const sidebar = await pages.openSidebar(tabId);
    await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');
    // The sidebar names the assistant that answers in this chat, not the default.
    await expect(sidebar.providerBadge).toContainText('second-model');
    await sidebar.run('reply');
    await expect(sidebar.suggestions).toHaveCount(3, { timeout: 15_000 });
    expect(completions(second)).toHaveLength(1);
    expect(JSON.stringify(completions(second)[0]!.body)).toContain('Dinner at eight on Friday?');
    expect(completions(main)).toEqual([]);

    // Back to the default: the same chat now goes to the main assistant.
    await select.selectOption('');
    await expect(page.getByTestId('chat-assistant-status')).toContainText('uses the default again');
    main.script({ text: 'Yes!\n---\nSure.\n---\nMaybe.' });
    await sidebar.run('reply');
    await expect.poll(() => completions(main).length, { timeout: 15_000 }).toBe(1);
    expect(completions(second)).toHaveLength(1);
    await pages.dispose();
    await page.close();
  });
});

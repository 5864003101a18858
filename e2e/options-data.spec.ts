/**
 * The options page's structure and its Data and Shortcuts sections, in real Chromium with the built
 * extension: results made in two WhatsApp chats appear in History, are searched, exported as a JSON
 * download, and deleted (one, then all) after confirming; the sections are reached from the keyboard;
 * the shortcuts show the browser's keys and open Chrome's shortcut page.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { startFakeOpenAI, type FakeOpenAIServer } from './fake-servers/openai-compatible';
import { WhatsAppFixture, type ChatSpec } from './fixtures/whatsapp/page';
import { closeExtensionContext, expect, extensionWorker, launchWithExtension, test } from './support/extension';
import { ExtensionPages, tabIdOf } from './support/pages';

const KEY = 'sk-options-e2e-0123456789';

const chat = (title: string, text: string): ChatSpec => ({
  title,
  isGroup: false,
  ownerName: 'Sam Reyes',
  messages: [{ id: `3EB0D1C2D3E4F50607${title.length.toString().padStart(2, '0')}`, direction: 'in', text, time: '18:02', date: '14/05/2026' }],
});

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let pages: ExtensionPages;
let whatsApp: WhatsAppFixture;
let fake: FakeOpenAIServer;
let serviceWorker: Awaited<ReturnType<typeof extensionWorker>>;

test.beforeAll(async () => {
  fake = await startFakeOpenAI({ host: '127.0.0.1', apiKey: KEY, models: ['fake-model'] });
  context = await launchWithExtension();
  serviceWorker = await extensionWorker(context);
  pages = new ExtensionPages(context, new URL(serviceWorker.url()).host);
  const options = await pages.openOptions();
  await options.configure({ kind: 'openai-compatible', baseUrl: fake.url, apiKey: KEY, model: 'fake-model' });
  await expect(options.page.getByTestId('save-result')).toBeVisible();
  await pages.dispose();
  whatsApp = new WhatsAppFixture(context);
  await whatsApp.install();
});

test.afterAll(async () => {
  await whatsApp?.dispose();
  await pages?.dispose();
  if (context) await closeExtensionContext(context);
  await fake?.close();
});

/** Opens the chat and has the sidebar suggest replies there; the model answers `drafts`. */
async function suggestIn(spec: ChatSpec, drafts: string[]): Promise<void> {
  const tab = await whatsApp.open(spec);
  const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');
  fake.script({ text: drafts.join('\n---\n') });
  await sidebar.run('reply');
  await expect(sidebar.suggestionTexts).toHaveText(drafts, { timeout: 15_000 });
  await sidebar.page.close();
  await tab.page.close();
}

async function openData(): Promise<Page> {
  const options = await pages.openOptions();
  await expect(options.page.getByTestId('history-manager')).toBeVisible();
  return options.page;
}

test('results from two chats are listed, searched and narrowed to one chat', async () => {
  await suggestIn(chat('Ana Souza', 'Shall we book Lisbon for May?'), ['Lisbon in May sounds great!', 'Let me check flights.', 'Can we do June?']);
  await suggestIn(chat('Ben Okafor', 'Are you free for a call?'), ['Sure, call me at 5.', 'Not today, sorry.', 'Tomorrow works.']);

  const page = await openData();
  const entries = page.getByTestId('history-entry');
  await expect(entries).toHaveCount(2);
  // Newest first, each with its chat.
  await expect(entries.nth(0)).toContainText('Ben Okafor (WhatsApp)');
  await expect(entries.nth(0).getByTestId('history-entry-text')).toHaveText(['Sure, call me at 5.', 'Not today, sorry.', 'Tomorrow works.']);
  await expect(entries.nth(1)).toContainText('Ana Souza (WhatsApp)');

  await page.getByTestId('history-search').fill('FLIGHTS');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Let me check flights.');
  await page.getByTestId('history-search').fill('no such words anywhere');
  await expect(page.getByTestId('history-empty')).toContainText('No result matches');
  await page.getByTestId('history-search').fill('');

  await page.getByTestId('history-chat-filter').selectOption({ label: 'Ben Okafor (WhatsApp) — 1 result' });
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Ben Okafor');
  await pages.dispose();
});

test('export downloads every result as JSON', async () => {
  const page = await openData();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('history-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aside-history-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(file).toMatchObject({ format: 'aside-history', version: 1 });
  expect(file.entries.map((entry: { chatKey: string }) => entry.chatKey)).toEqual(['whatsapp:Ben Okafor', 'whatsapp:Ana Souza']);
  expect(file.entries[1].suggestions).toContain('Lisbon in May sounds great!');
  await expect(page.getByTestId('history-status')).toContainText('Exported 2 results');
  await pages.dispose();
});

test('deleting asks first: Cancel keeps the result, Delete removes one, then all', async () => {
  const page = await openData();
  const entries = page.getByTestId('history-entry');
  await expect(entries).toHaveCount(2);

  await entries.nth(1).getByTestId('history-delete-entry').click();
  await expect(page.getByTestId('history-cancel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('history-confirmation')).toHaveCount(0);
  await expect(entries).toHaveCount(2);

  await entries.nth(1).getByTestId('history-delete-entry').click();
  await page.getByTestId('history-confirm').click();
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Ben Okafor');
  await expect(page.getByTestId('history-status')).toHaveText('Deleted 1 result.');

  // Still gone after a reload: the background deleted it, not just the page.
  await page.reload();
  await expect(entries).toHaveCount(1);

  await page.getByTestId('history-delete-all').click();
  await expect(page.getByTestId('history-confirmation')).toContainText('Delete all 1 result from every chat?');
  await page.getByTestId('history-confirm').click();
  await expect(page.getByTestId('history-empty')).toContainText('No history yet');
  await page.reload();
  await expect(page.getByTestId('history-empty')).toBeVisible();
  await pages.dispose();
});

test('the sections are landmarks reached from the keyboard', async () => {
  const options = await pages.openOptions();
  const page = options.page;
  await expect(page.getByRole('navigation', { name: 'Settings sections' })).toBeVisible();
  const headings = await page.locator('.options-section > h2').allTextContents();
  expect(headings).toEqual(['Assistants', 'Prompts', 'Privacy', 'Data', 'Shortcuts']);
  for (const [id, name] of [['assistants', 'Assistants'], ['prompts', 'Prompts'], ['privacy', 'Privacy'], ['data', 'Data'], ['shortcuts', 'Shortcuts']]) {
    const section = page.locator(`#${id}`);
    await expect(section).toHaveRole('region');
    await expect(section).toHaveAccessibleName(name!);
  }
  await expect(page.getByRole('main')).toHaveCount(1);

  // Tab into the section list, walk to "Data", press Enter: focus moves into the Data section.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Assistants' })).toBeFocused();
  for (let step = 0; step < 3; step++) await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Data' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#data')).toBeFocused();
  expect(page.url()).toMatch(/#data$/);
  // The next Tab continues inside Data, not at the top of the page.
  await page.keyboard.press('Tab');
  const inside = await page.evaluate(() => document.getElementById('data')!.contains(document.activeElement));
  expect(inside).toBe(true);
  await pages.dispose();
});

test('Shortcuts lists the keys the browser assigned and opens Chrome’s shortcut page', async () => {
  const options = await pages.openOptions();
  const page = options.page;
  const section = page.getByTestId('options-section-shortcuts');
  const suggest = section.getByTestId('shortcut').filter({ hasText: 'Suggest replies' });
  await expect(suggest.locator('kbd')).toHaveText(['Alt', 'Shift', 'S']);
  await expect(section).toContainText('chrome://extensions/shortcuts');

  const opened = context.waitForEvent('page');
  await section.getByTestId('shortcut-settings').click();
  const shortcutsPage = await opened;
  await expect.poll(() => shortcutsPage.url()).toBe('chrome://extensions/shortcuts');
  await shortcutsPage.close();
  await pages.dispose();
});

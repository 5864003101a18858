/**
 * Consent before a remote request, in real Chromium with the built extension. The fake OpenAI server runs on
 * 127.0.0.1, which Aside rightly calls local; here Chromium resolves the name `remote-provider.test` to it
 * (--host-resolver-rules, this spec's own browser only), so the assistant's base URL is an ordinary remote
 * hostname to the extension, and nothing in src/ knows it is under test.
 */
import type { Worker } from '@playwright/test';
import type { ChatSpec, WhatsAppFixture } from './fixtures/whatsapp/page';
import { chatCompletions } from './support/chat-requests';
import { expect, test, type FakeOpenAI } from './support/extension';
import { launchWithRemoteAssistant, type RemoteAssistantBrowser } from './support/remote-assistant';
import { tabIdOf, type ExtensionPages } from './support/pages';

const API_KEY = 'sk-aside-consent-0123456789';
const DRAFTS = ['Sure, see you at 8.', 'I will bring water.', 'Count me in!'];

const CHAT: ChatSpec = {
  title: 'Saturday hike',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0C1C2D3E4F5060701', direction: 'in', sender: 'Ana Souza', text: 'Are we still on for the hike on Saturday?', time: '09:12', date: '14/05/2026' },
    { id: '3EB0C1C2D3E4F5060702', direction: 'in', sender: 'Ben Okafor', text: 'Trailhead\u200b at 8?', time: '09:20', date: '14/05/2026' },
  ],
};

let browser: RemoteAssistantBrowser | undefined;
let fake: FakeOpenAI;
let pages: ExtensionPages;
let whatsApp: WhatsAppFixture;
let serviceWorker: Worker;
let destination: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  browser = await launchWithRemoteAssistant(API_KEY);
  ({ fake, pages, serviceWorker, whatsApp, destination } = browser);
  const popup = await pages.openPopup();
  const option = popup.assistantOptions.filter({ hasText: 'fake-model' });
  await expect(async () => {
    await popup.page.reload();
    await expect(option).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await pages.dispose();
});

test.afterAll(async () => {
  await browser?.close();
});

test.beforeEach(() => fake.reset());

const completions = () => chatCompletions(fake);

test('a remote assistant asks first, shows exactly what goes where, and sends only after Allow', async () => {
  await whatsApp.open(CHAT);
  const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
  await expect(sidebar.providerBadge).toHaveAttribute('data-locality', 'remote');
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');

  fake.script({ text: DRAFTS.join('\n---\n') });
  await sidebar.action('reply').click();
  await expect(sidebar.consentDialog).toBeVisible();
  await expect(sidebar.consentDialog.locator(':focus')).toHaveCount(1);
  await expect(sidebar.sendPreview).toContainText(destination);
  await expect(sidebar.sendPreview).toContainText('Are we still on for the hike on Saturday?');
  // The hidden character is shown as a visible marker, never raw.
  await expect(sidebar.sendPreview).toContainText('Trailhead[U+200B] at 8?');
  expect(await sidebar.sendPreview.textContent()).not.toContain('\u200b');

  await sidebar.page.waitForTimeout(500);
  expect(fake.requests, 'nothing reached the provider before consent').toEqual([]);

  await sidebar.consentAllow.click();
  await expect(sidebar.consentDialog).toBeHidden();
  await expect(sidebar.suggestions).toHaveCount(3, { timeout: 15_000 });
  await expect(sidebar.suggestionTexts).toHaveText(DRAFTS);
  expect(completions()).toHaveLength(1);
  const sent = JSON.stringify(completions()[0]!.body);
  expect(sent).toContain('Are we still on for the hike on Saturday?');
  expect(sent).toContain('[U+200B]');

  // Allow once is not remembered: the next run asks again. Deny sends nothing.
  fake.reset();
  await sidebar.action('reply').click();
  await expect(sidebar.consentDialog).toBeVisible();
  await sidebar.consentDeny.click();
  await expect(sidebar.error).toContainText('Nothing was sent.');
  await expect(sidebar.retry).toBeHidden();
  await sidebar.page.waitForTimeout(500);
  expect(fake.requests, 'deny sent nothing').toEqual([]);
  await pages.dispose();
});

test('the options page logs the request: time, destination, bytes, chat, action', async () => {
  const options = await pages.openOptions();
  const rows = options.egressLog.getByTestId('egress-entry');
  await expect(rows.first()).toContainText(destination);
  await expect(rows.first()).toContainText('reply');
  await expect(rows.first()).toContainText('200');
  await options.page.getByTestId('egress-clear').click();
  await expect(rows).toHaveCount(0);
  await pages.dispose();
});

test('a local-only chat refuses the remote assistant before anything is sent', async () => {
  await whatsApp.open(CHAT);
  const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
  const localOnly = sidebar.page.getByTestId('chat-local-only');
  await localOnly.check();
  await expect(localOnly).toBeChecked();
  await sidebar.action('reply').click();
  await expect(sidebar.error).toContainText('local only');
  await expect(sidebar.consentDialog).toBeHidden();
  await sidebar.page.waitForTimeout(300);
  expect(fake.requests).toEqual([]);
  await localOnly.uncheck();
  await expect(localOnly).not.toBeChecked();
  await pages.dispose();
});

/**
 * Privacy in real Chromium with the built extension: pseudonymisation before a remote request (preview,
 * wire and restored drafts), minimisation (what a run reads), incognito, and the settings file. As in
 * consent.spec.ts, Chromium resolves `remote-provider.test` to the fake OpenAI server on 127.0.0.1 (this
 * spec's own browser only), so the assistant is an ordinary remote one to the extension.
 */
import { readFileSync } from 'node:fs';
import type { Worker } from '@playwright/test';
import type { ChatSpec, WhatsAppFixture } from './fixtures/whatsapp/page';
import { chatCompletions } from './support/chat-requests';
import { expect, test, type FakeOpenAI } from './support/extension';
import { launchWithRemoteAssistant, type RemoteAssistantBrowser } from './support/remote-assistant';
import { tabIdOf, type ExtensionPages, type OptionsPage } from './support/pages';

const API_KEY = 'sk-aside-privacy-0123456789';
const PHONE = '+49 151 23456789';
const EMAIL = 'ana.souza@example.com';
const CARD = '4111 1111 1111 1111';

const CHAT: ChatSpec = {
  title: 'Trip planning',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0D1C2D3E4F5060701', direction: 'in', sender: 'Ana Souza', text: `Call me on ${PHONE} or mail ${EMAIL}`, time: '09:12', date: '14/05/2026' },
    { id: '3EB0D1C2D3E4F5060702', direction: 'in', sender: 'Ben Okafor', text: `Ana, I paid the deposit with ${CARD}`, time: '09:20', date: '14/05/2026' },
    { id: '3EB0D1C2D3E4F5060703', direction: 'in', sender: 'Ben Okafor', text: 'Last one: the train leaves at nine.', time: '09:25', date: '14/05/2026' },
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
});

test.afterAll(async () => {
  await browser?.close();
});

test.beforeEach(() => fake.reset());

const completions = () => chatCompletions(fake);

async function openChatSidebar() {
  await whatsApp.open(CHAT);
  const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');
  await expect(sidebar.providerBadge).toHaveAttribute('data-locality', 'remote');
  return sidebar;
}

/** Starts Suggest replies and allows the remote request once (the dialog comes after the run has started). */
async function allowReply(sidebar: Awaited<ReturnType<typeof openChatSidebar>>) {
  await sidebar.action('reply').click();
  await expect(sidebar.consentDialog).toBeVisible();
  await sidebar.consentAllow.click();
}

async function privacyOptions(): Promise<OptionsPage> {
  const options = await pages.openOptions();
  await expect(options.page.getByTestId('privacy-pseudonymise')).toBeVisible();
  return options;
}

test('names, phone, e-mail and card leave only as placeholders; the drafts come back with the real values', async () => {
  const sidebar = await openChatSidebar();
  // Placeholders cut across stream deltas, as a real model's tokens cut them.
  fake.script({ deltas: ['Sure [PER', 'SON_1], I will call [PHO', 'NE_1]\n---\nThanks [PERSON_', '2]!\n---\nMail [EMAIL_1]'] });
  await sidebar.action('reply').click();
  await expect(sidebar.consentDialog).toBeVisible();
  const preview = (await sidebar.sendPreview.textContent()) ?? '';
  for (const secret of ['Ana Souza', 'Ben Okafor', PHONE, EMAIL, CARD, 'Trip planning']) expect(preview).not.toContain(secret);
  expect(preview).toContain('Call me on [PHONE_1] or mail [EMAIL_1]');
  expect(preview).toContain('[PERSON_3], I paid the deposit with [CARD_1]');

  await sidebar.consentAllow.click();
  await expect(sidebar.suggestionTexts).toHaveText([`Sure Ana Souza, I will call ${PHONE}`, 'Thanks Ben Okafor!', `Mail ${EMAIL}`], { timeout: 15_000 });
  const sent = JSON.stringify(completions()[0]!.body);
  for (const secret of ['Ana Souza', 'Ben Okafor', '151 23456789', EMAIL, '4111 1111']) expect(sent).not.toContain(secret);
  expect(sent).toContain('[PHONE_1]');
  // Datamarking still wraps the (pseudonymised) text.
  expect(sent).toMatch(/«data-[0-9a-f]+»Call me on \[PHONE_1\] or mail \[EMAIL_1\]«\/data-[0-9a-f]+»/);
  await pages.dispose();
});

test('with pseudonymisation turned off in the options, the chat is sent as it is', async () => {
  const options = await privacyOptions();
  const toggle = options.page.getByTestId('privacy-pseudonymise');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();

  const sidebar = await openChatSidebar();
  await sidebar.action('reply').click();
  await expect(sidebar.sendPreview).toContainText(`Call me on ${PHONE} or mail ${EMAIL}`);
  await sidebar.consentDeny.click();
  expect(fake.requests).toEqual([]);

  await options.page.bringToFront();
  await toggle.check();
  await expect(toggle).toBeChecked();
  await pages.dispose();
});

test('minimisation: the options’ “last N” limits the prompt; the sidebar’s scope overrides it for a run', async () => {
  const options = await privacyOptions();
  await options.page.getByTestId('privacy-scope').selectOption('last');
  const count = options.page.getByTestId('privacy-scope-count');
  await count.fill('1');
  await count.blur();
  await expect(options.page.getByTestId('privacy-error')).toHaveCount(0);

  const sidebar = await openChatSidebar();
  await expect(async () => {
    await sidebar.action('reply').click();
    await expect(sidebar.sendPreview).toBeVisible({ timeout: 2_000 });
    const text = (await sidebar.sendPreview.textContent()) ?? '';
    if (text.includes('I paid the deposit')) {
      await sidebar.consentDeny.click();
      throw new Error('the setting has not reached the background yet');
    }
  }).toPass({ timeout: 10_000 });
  await expect(sidebar.sendPreview).toContainText('Last one: the train leaves at nine.');
  await expect(sidebar.sendPreview).not.toContainText('Call me on');
  await sidebar.consentDeny.click();

  await sidebar.page.getByTestId('scope-picker').selectOption('last-20');
  await sidebar.action('reply').click();
  await expect(sidebar.sendPreview).toContainText('Call me on [PHONE_1]');
  // The chat holds fewer than 20 messages and all were read: nothing is missing, so no note.
  await expect(sidebar.page.getByTestId('task-note')).toHaveCount(0);
  await expect(sidebar.sendPreview).toContainText('Last one: the train leaves at nine.');
  await sidebar.consentDeny.click();
  expect(fake.requests).toEqual([]);

  await options.page.bringToFront();
  await count.fill('50');
  await count.blur();
  await pages.dispose();
});

test('incognito: a badge in the sidebar, no history, and the request logged without its chat', async () => {
  const options = await privacyOptions();
  const incognito = options.page.getByTestId('privacy-incognito');
  await incognito.check();
  await expect(incognito).toBeChecked();

  const sidebar = await openChatSidebar();
  await expect(sidebar.page.getByTestId('incognito-badge')).toBeVisible();
  fake.script({ text: 'Unrecorded one\n---\nUnrecorded two\n---\nUnrecorded three' });
  await allowReply(sidebar);
  await expect(sidebar.suggestions).toHaveCount(3, { timeout: 15_000 });
  // History holds the first test's (restored) drafts, and nothing of this run.
  await sidebar.page.reload();
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');
  const history = sidebar.page.getByTestId('history');
  await history.locator('summary').click();
  await expect(history).toContainText('Sure Ana Souza');
  await expect(history).not.toContainText('Unrecorded');

  await options.page.bringToFront();
  await options.page.getByTestId('egress-refresh').click();
  const newest = options.egressLog.getByTestId('egress-entry').first();
  await expect(newest).toContainText(destination);
  await expect(newest).toContainText('reply');
  await expect(newest.locator('td').nth(3)).toHaveText('—');

  await incognito.uncheck();
  await expect(incognito).not.toBeChecked();
  await sidebar.page.bringToFront();
  await sidebar.page.reload();
  await expect(sidebar.providerBadge).toBeVisible();
  await expect(sidebar.page.getByTestId('incognito-badge')).toHaveCount(0);
  await pages.dispose();
});

test('settings export holds no key; import validates, never takes a key from the file, and says who needs one', async () => {
  const options = await privacyOptions();
  const [download] = await Promise.all([options.page.waitForEvent('download'), options.settingsExport.click()]);
  expect(download.suggestedFilename()).toMatch(/^aside-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).not.toContain(API_KEY);
  const file = JSON.parse(text);
  expect(file).toMatchObject({ format: 'aside-settings', version: 1, settings: { privacy: { pseudonymise: true } } });
  expect(file.assistantsNeedingKey).toEqual([expect.objectContaining({ name: expect.any(String) })]);
  await expect(options.page.getByTestId('settings-export-result')).toContainText('holds no API keys');

  // An invalid file is refused, naming the field; nothing changes.
  const broken = structuredClone(file);
  broken.settings.assistants[0].kind = 'evil-cloud';
  await options.settingsImport.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(options.page.getByTestId('settings-import-error')).toContainText('settings.assistants.0.kind');
  await options.settingsImport.setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  await expect(options.page.getByTestId('settings-import-error')).toContainText('not valid JSON');

  // A key in the file is ignored with a notice; the stored key stays and still works.
  const withKey = structuredClone(file);
  withKey.settings.assistants[0].apiKey = 'sk-planted-by-file';
  withKey.settings.privacy.pseudonymise = false;
  await options.settingsImport.setInputFiles({ name: 'with-key.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withKey)) });
  const result = options.page.getByTestId('settings-import-result');
  await expect(result).toContainText('Imported 1 assistant');
  await expect(result).toContainText('never imports keys');
  await expect(options.page.getByTestId('settings-import-needs-key')).toHaveCount(0);
  await options.page.reload();
  await expect(options.page.getByTestId('privacy-pseudonymise')).not.toBeChecked();

  const sidebar = await openChatSidebar();
  fake.script({ text: 'Fine\n---\nOk\n---\nSure' });
  await allowReply(sidebar);
  await expect(sidebar.suggestions).toHaveCount(3, { timeout: 15_000 });
  const headers = completions()[0]!.headers;
  expect(headers.authorization).toBe(`Bearer ${API_KEY}`);

  // Back to the defaults for whatever runs next.
  await options.page.bringToFront();
  await options.page.getByTestId('privacy-pseudonymise').check();
  await pages.dispose();
});

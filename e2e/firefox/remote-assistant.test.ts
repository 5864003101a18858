/**
 * The flows a Firefox user hits most with a remote assistant, in real Firefox with the shipped add-on:
 * - the options page with every section, and the popup listing each assistant with where it runs (a pick
 *   there is the assistant the sidebar then uses);
 * - the consent dialog before the first remote request: the send preview shows the pseudonymised chat and
 *   the destination, Deny sends nothing, Allow sends exactly the placeholders and the drafts come back with
 *   the real names and numbers;
 * - Catch up: the points cite messages as buttons, and a click scrolls the WhatsApp chat to the cited one.
 *
 * "Remote" is a name, not a machine: Firefox's `network.dns.localDomains` pref resolves
 * `remote-provider.test` to the loopback fake OpenAI server (this browser only), so the extension sees an
 * ordinary remote origin and applies its remote-only rules (consent, pseudonymisation).
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAIServer, type RecordedRequest } from '../fake-servers/openai-compatible';
import type { ChatSpec } from '../fixtures/whatsapp/page';
import { OptionsPage, PopupPage, SidebarPage, testId } from './support/extension-pages';
import { launchFirefoxWithAside } from './support/firefox';
import { openWhatsAppChat, type WhatsAppTab } from './support/whatsapp';

const REMOTE_HOST = 'remote-provider.test';
const API_KEY = 'sk-aside-firefox-remote-0123456789';
const REMOTE_MODEL = 'remote-model';
const LOCAL_MODEL = 'local-model';
const PHONE = '+49 151 23456789';
const EMAIL = 'ana.souza@example.com';

const PRIVATE_CHAT: ChatSpec = {
  title: 'Trip planning',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0F1C2D3E4F5060701', direction: 'in', sender: 'Ana Souza', text: `Call me on ${PHONE} or mail ${EMAIL}`, time: '09:12', date: '14/05/2026' },
    { id: '3EB0F1C2D3E4F5060702', direction: 'in', sender: 'Ben Okafor', text: 'Ana, the train leaves at nine.', time: '09:20', date: '14/05/2026' },
  ],
};

const ANA_ID = '3EB0F1C2D3E4F5060802';
const LAST_ID = '3EB0F1C2D3E4F5060939';
/** Long enough that the first messages scroll out of view. */
const LONG_CHAT: ChatSpec = {
  title: 'Saturday hike',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0F1C2D3E4F5060801', direction: 'out', text: 'Who is in for Saturday?', time: '09:00', date: '14/05/2026' },
    { id: ANA_ID, direction: 'in', sender: 'Ana Souza', text: 'Count me in for the hike on Saturday!', time: '09:12', date: '14/05/2026' },
    ...Array.from({ length: 40 }, (_, index) => ({
      id: `3EB0F1C2D3E4F50609${String(index).padStart(2, '0')}`,
      direction: 'in' as const,
      sender: 'Chris Lee',
      text: `Checking the weather, update ${index + 1}: still sunny.`,
      time: '10:00',
      date: '14/05/2026',
    })),
  ],
};

describe('a remote assistant in Firefox', () => {
  let browser: Browser;
  let remote: FakeOpenAIServer;
  let local: FakeOpenAIServer;
  let remoteBaseUrl: string;
  let chatPage: Page | undefined;

  beforeAll(async () => {
    [browser, remote, local] = await Promise.all([
      launchFirefoxWithAside({ prefs: { 'network.dns.localDomains': REMOTE_HOST } }),
      startFakeOpenAI({ host: '127.0.0.1', apiKey: API_KEY, models: [REMOTE_MODEL] }),
      startFakeOpenAI({ host: '127.0.0.1', apiKey: API_KEY, models: [LOCAL_MODEL] }),
    ]);
    remoteBaseUrl = `http://${REMOTE_HOST}:${new URL(remote.origin).port}/v1`;
  });

  afterAll(async () => {
    await browser?.close();
    await remote?.close();
    await local?.close();
  });

  beforeEach(() => {
    remote.reset();
    local.reset();
  });

  const completions = (server: FakeOpenAIServer): RecordedRequest[] =>
    server.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/chat/completions'));

  /** One WhatsApp tab at a time, so the sidebar's tab is unambiguous. */
  async function openChat(spec: ChatSpec): Promise<{ chat: WhatsAppTab; sidebar: SidebarPage }> {
    await chatPage?.close();
    chatPage = await browser.newPage();
    const chat = await openWhatsAppChat(chatPage, spec);
    const options = await OptionsPage.open(browser);
    const tabId = await options.tabIdOf('https://web.whatsapp.com/*');
    await options.page.close();
    const sidebar = await SidebarPage.open(browser, tabId);
    await expect.poll(() => sidebar.attribute('adapter-status', 'data-status'), { timeout: 10_000 }).toBe('ok');
    await expect.poll(() => sidebar.attribute('provider-badge', 'data-locality')).toBe('remote');
    return { chat, sidebar };
  }

  it('the options page shows every section; the popup lists both assistants, and its pick is the one in use', async () => {
    const options = await OptionsPage.open(browser);
    const page = options.page;
    await page.waitForSelector(testId('options-nav'));
    const sections = await page.$$eval('.options-section', (elements) =>
      elements.map((element) => ({ id: element.id, heading: element.querySelector('h2')?.textContent ?? '' })),
    );
    expect(sections).toEqual([
      { id: 'assistants', heading: 'Assistants' },
      { id: 'prompts', heading: 'Prompts' },
      { id: 'privacy', heading: 'Privacy' },
      { id: 'data', heading: 'Data' },
      { id: 'shortcuts', heading: 'Shortcuts' },
    ]);
    // Each section shows its content, loaded through the background (settings, IndexedDB, commands), not only a heading.
    for (const [section, content] of [
      ['prompts', 'templates-section'],
      ['privacy', 'privacy-pseudonymise'],
      ['privacy', 'egress-log'],
      ['data', 'history-empty'],
      ['data', 'settings-export'],
      ['shortcuts', 'shortcut'],
    ]) {
      await page.waitForSelector(`${testId(`options-section-${section}`)} ${testId(content!)}`, { timeout: 10_000 });
    }

    await options.configure({ kind: 'openai-compatible', baseUrl: local.url, apiKey: API_KEY, model: LOCAL_MODEL });
    await page.locator(testId('assistant-new')).click();
    await options.configure({ kind: 'openai-compatible', baseUrl: remoteBaseUrl, apiKey: API_KEY, model: REMOTE_MODEL });
    await page.waitForFunction((selector: string) => document.querySelectorAll(selector).length === 2, { timeout: 10_000 }, testId('assistant-item'));
    expect(await options.hasOriginPermission(`http://${REMOTE_HOST}:${new URL(remote.origin).port}`)).toBe(true);

    const popup = await PopupPage.open(browser);
    await popup.page.waitForFunction((selector: string) => document.querySelectorAll(selector).length === 2, { timeout: 10_000 }, testId('assistant-option'));
    const listed = await popup.page.$$eval(testId('assistant-option'), (elements) =>
      elements.map((element) => ({
        model: element.querySelector('.assistant-model')?.textContent ?? '',
        where: element.querySelector('.assistant-badges .badge')?.textContent ?? '',
      })),
    );
    const remoteIndex = listed.findIndex((entry) => entry.model === REMOTE_MODEL);
    await (await popup.page.$$(testId('assistant-option')))[remoteIndex]!.click();
    await popup.page.waitForFunction(
      (selector: string, index: number) => document.querySelectorAll(selector)[index]?.getAttribute('aria-checked') === 'true',
      { timeout: 10_000 },
      testId('assistant-option'),
      remoteIndex,
    );
    // Where each runs, in words (the popup's own catalogue strings).
    expect(listed).toEqual(
      expect.arrayContaining([
        { model: LOCAL_MODEL, where: 'Local' },
        { model: REMOTE_MODEL, where: 'Remote' },
      ]),
    );
    await popup.page.close();
    await page.close();
  });

  it('asks before the first remote request: the preview is pseudonymised, Deny sends nothing, Allow sends only placeholders', async () => {
    const { chat, sidebar } = await openChat(PRIVATE_CHAT);
    remote.script({ text: 'Sure [PERSON_1], I will call [PHONE_1]\n---\nThanks [PERSON_2]!\n---\nMail [EMAIL_1]' });

    await sidebar.startAskingConsent('reply');
    const preview = (await sidebar.text('send-preview')) ?? '';
    expect(preview).toContain(`${REMOTE_HOST}:${new URL(remote.origin).port}`);
    expect(preview).toContain(`Call me on [PHONE_1] or mail [EMAIL_1]`);
    for (const secret of ['Ana Souza', 'Ben Okafor', PHONE, EMAIL]) expect(preview).not.toContain(secret);

    await sidebar.page.locator(testId('consent-deny')).click();
    await expect.poll(() => sidebar.isShown('consent-dialog')).toBe(false);
    // Denied once, asked again next time. The background that would have sent a request has handled a
    // whole new run since: a request from the denied one would have arrived by now.
    await sidebar.startAskingConsent('reply');
    expect(completions(remote)).toEqual([]);
    expect(await sidebar.texts('suggestion-text')).toEqual([]);

    await sidebar.page.locator(testId('consent-allow')).click();
    await expect
      .poll(() => sidebar.texts('suggestion-text'), { timeout: 15_000 })
      .toEqual([`Sure Ana Souza, I will call ${PHONE}`, 'Thanks Ben Okafor!', `Mail ${EMAIL}`]);
    expect(completions(remote)).toHaveLength(1);
    const sent = JSON.stringify(completions(remote)[0]!.body);
    for (const secret of ['Ana Souza', 'Ben Okafor', '151 23456789', EMAIL]) expect(sent).not.toContain(secret);
    expect(sent).toContain('[PHONE_1]');
    expect(completions(local), 'the popup’s pick is the assistant in use').toEqual([]);
    expect(await chat.sends()).toEqual([]);
    await sidebar.page.close();
  });

  it('catch up cites messages; a citation scrolls the chat to the cited one', async () => {
    const { chat, sidebar } = await openChat(LONG_CHAT);
    remote.script({ text: '**Plans and dates**\n\n- Ana joins the hike on Saturday [m2][m99]' });
    await sidebar.run('summarize');
    await expect.poll(() => sidebar.text('output'), { timeout: 15_000 }).toContain('Ana joins the hike');
    await expect.poll(() => sidebar.isShown('stop')).toBe(false);
    // [m99] was never given to the model: only the real reference shows, as a button.
    expect(await sidebar.texts('citation')).toEqual(['m2']);

    const inView = (id: string) =>
      chat.page.evaluate((rowId: string) => {
        const row = document.querySelector(`#main [data-id="${rowId}"]`);
        if (!row) return null;
        const box = row.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      }, id);
    await chat.page.evaluate((rowId: string) => document.querySelector(`#main [data-id="${rowId}"]`)?.scrollIntoView(), LAST_ID);
    expect(await inView(ANA_ID), 'Ana’s message starts out of view').toBe(false);

    // A user sees the chat beside Firefox's sidebar; here the sidebar is a tab of its own, so the chat tab is
    // brought forward first (Firefox drops a smooth scroll in a hidden tab). The click goes to the sidebar tab.
    await chat.page.bringToFront();
    await sidebar.page.locator(testId('citation')).click();
    await expect.poll(() => inView(ANA_ID), { timeout: 10_000 }).toBe(true);
    expect(await chat.sends()).toEqual([]);
  });

  it('asks Firefox’s data consent with the origin, and sends nothing once it is withdrawn in about:addons', async () => {
    const options = await OptionsPage.open(browser);
    // Granted by Save above, in the same prompt as the origin (declared optional in the manifest).
    expect(await options.dataConsent()).toEqual(['personalCommunications', 'websiteContent']);
    // What about:addons → Permissions and data does when the user turns "Personal communications" off.
    await options.withdrawDataConsent('personalCommunications');
    expect(await options.dataConsent()).toEqual(['websiteContent']);

    const { chat, sidebar } = await openChat(PRIVATE_CHAT);
    await sidebar.run('reply');
    await sidebar.page.waitForSelector(testId('error'), { visible: true, timeout: 15_000 });
    expect(await sidebar.text('error')).toMatch(/permission.*off.*nothing was sent/i);
    expect(await sidebar.text('error')).toContain('about:addons');
    expect(completions(remote)).toEqual([]);
    expect(await chat.sends()).toEqual([]);
    await options.page.close();
  });
});

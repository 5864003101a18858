/**
 * Aside in real Firefox with the shipped add-on (dist/firefox), one browser for the file:
 * - the foundation's path: configure an assistant in the options page -> a WhatsApp chat served as
 *   https://web.whatsapp.com/ with a real Lexical composer -> the sidebar's "Suggest replies" -> the
 *   background -> a fake OpenAI-compatible server on 127.0.0.1 -> three drafts -> Insert fills the
 *   composer, and nothing is sent;
 * - the Firefox-only parts: the popup opens Firefox's own sidebar (sidebarAction, no sidePanel), and the
 *   sidebar's keyboard command is registered.
 */
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAIServer } from '../fake-servers/openai-compatible';
import type { ChatSpec } from '../fixtures/whatsapp/page';
import { OptionsPage, PopupPage, SidebarPage } from './support/extension-pages';
import { launchFirefoxWithAside } from './support/firefox';
import { openWhatsAppChat } from './support/whatsapp';

const API_KEY = 'sk-aside-firefox-0123456789';
const MODEL = 'fake-model';

const CHAT: ChatSpec = {
  title: 'Saturday hike',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { direction: 'in', sender: 'Ana Souza', text: 'Are we still on for the hike on Saturday?', time: '09:12', date: '14/05/2026' },
    { direction: 'out', text: 'Yes! Trailhead at 8, bring water.', time: '09:15', date: '14/05/2026' },
    { direction: 'in', sender: 'Ana Souza', text: 'Can someone give me a lift from the station?', time: '09:24', date: '14/05/2026' },
  ],
};

const DRAFTS = [
  'Sure, I can pick you up at the station at 7:30.',
  'I have room for one more in my car, Ana.',
  'Let me check with Ben and get back to you.',
];

describe('Aside in Firefox', () => {
  let browser: Browser;
  let fake: FakeOpenAIServer;

  beforeAll(async () => {
    [browser, fake] = await Promise.all([
      launchFirefoxWithAside(),
      startFakeOpenAI({ host: '127.0.0.1', apiKey: API_KEY, models: [MODEL] }),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  it('configures, reads the chat, streams three drafts and inserts one without sending', async () => {
    const chat = await openWhatsAppChat(await browser.newPage(), CHAT);

    const options = await OptionsPage.open(browser);
    await options.configure({ kind: 'openai-compatible', baseUrl: fake.url, apiKey: API_KEY, model: MODEL });
    // Save asked Firefox for the provider's origin (granted without a prompt: see launchFirefoxWithAside).
    expect(await options.hasOriginPermission(fake.origin)).toBe(true);

    const sidebar = await SidebarPage.open(browser, await options.tabIdOf('https://web.whatsapp.com/*'));
    // The content script (production match pattern) read the fixture chat.
    await expect.poll(() => sidebar.attribute('adapter-status', 'data-status'), { timeout: 10_000 }).toBe('ok');
    await expect.poll(() => sidebar.text('provider-badge')).toContain(MODEL);

    fake.script({ text: DRAFTS.join('\n---\n') });
    await sidebar.run('reply');
    await expect.poll(() => sidebar.texts('suggestion-text'), { timeout: 15_000 }).toEqual(DRAFTS);
    await expect.poll(() => sidebar.isShown('stop')).toBe(false);

    await sidebar.insert(1);
    await expect.poll(() => chat.composerText(), { timeout: 10_000 }).toBe(DRAFTS[1]);
    expect(await chat.sends()).toEqual([]);
    expect(await chat.enterKeydowns()).toBe(0);

    const completions = fake.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/chat/completions'));
    expect(completions).toHaveLength(1);
    expect(completions[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(completions[0]!.headers.origin, 'the request came from the add-on').toMatch(/^moz-extension:\/\//);
  });

  it('opens as Firefox’s own sidebar from the popup, and registers the sidebar shortcut', async () => {
    const options = await OptionsPage.open(browser);
    const before = await options.sidebarApis();
    expect(before.sidePanel, 'Chrome’s sidePanel does not exist here').toBe('undefined');
    expect(before.sidebarActionOpen, 'sidebar_action is declared and not opened at install').toBe(false);
    expect(before.commands).toEqual({ _execute_sidebar_action: 'Alt+Shift+Y', 'suggest-replies': 'Alt+Shift+S', 'catch-up': 'Alt+Shift+U' });

    const popup = await PopupPage.open(browser);
    await popup.clickOpenSidebar();
    await expect.poll(async () => (await options.sidebarApis()).sidebarActionOpen, { timeout: 10_000 }).toBe(true);
  });
});

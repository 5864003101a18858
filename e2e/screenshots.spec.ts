/**
 * The README's screenshots, taken from the real extension in real Chromium: the sidebar beside a WhatsApp
 * chat (two screenshots composed side by side, light and dark), the popup, and the options page.
 *
 * Every run renders and checks the pages; only with ASIDE_UPDATE_SCREENSHOTS=1 are the PNGs in
 * docs/screenshots/ rewritten, so ordinary test runs leave the tree clean.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startFakeOpenAI, type FakeOpenAIServer } from './fake-servers/openai-compatible';
import { WhatsAppFixture, type ChatSpec } from './fixtures/whatsapp/page';
import { closeExtensionContext, expect, extensionWorker, launchWithExtension, test } from './support/extension';
import { ExtensionPages, tabIdOf } from './support/pages';
import { REPO_ROOT } from './support/paths';

const UPDATE = process.env.ASIDE_UPDATE_SCREENSHOTS === '1';
const OUT_DIR = resolve(REPO_ROOT, 'docs', 'screenshots');
const KEY = 'sk-screenshots-0123456789';
const HEIGHT = 720;
const SIDEBAR_WIDTH = 360;
const CHAT_WIDTH = 860;

const CHAT: ChatSpec = {
  title: 'Saturday hike',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0F1C2D3E4F5060701', direction: 'in', sender: 'Ana Souza', text: 'Are we still on for the hike on Saturday?', time: '09:12', date: '14/05/2026' },
    { id: '3EB0F1C2D3E4F5060702', direction: 'out', text: 'Yes! Trailhead at 8, bring water.', time: '09:15', date: '14/05/2026' },
    { id: '3EB0F1C2D3E4F5060703', direction: 'in', sender: 'Ben Okafor', text: 'I can bring snacks for everyone 🍫', time: '09:20', date: '14/05/2026' },
    { id: '3EB0F1C2D3E4F5060704', direction: 'in', sender: 'Ana Souza', text: 'Can someone give me a lift from the station?', time: '09:24', date: '14/05/2026' },
  ],
};

/**
 * Only for the picture: the fixture is markup-faithful but unstyled, with its icons as words. This makes
 * it look like a chat (WhatsApp's colours, no icon names); what Aside reads is unchanged.
 */
const CHAT_LOOK = `
  [data-icon] { display: none !important; }
  #side { background: #fff; padding: 12px; box-sizing: border-box; font-weight: 600; }
  #main { background: #efeae2; }
  #main ._amm9 { flex: 1; overflow: auto; }
  #main footer { flex-wrap: nowrap; }
  #main header { background: #f0f2f5; display: flex; align-items: center; gap: 12px; min-height: 56px; box-sizing: border-box; }
  #main header button { display: none; }
  #main footer { background: #f0f2f5; align-items: center; }
  #main footer > * { flex: 1; }
  #main footer button[aria-label="Send"] { flex: 0 0 auto; border: 0; background: #00a884; color: #fff; border-radius: 20px; padding: 8px 14px; }
  #main footer button[aria-label="Send"]::after { content: 'Send'; }
  #composer-root { background: #fff; border: 0; }
  .message-in, .message-out { box-shadow: 0 1px 0.5px rgba(11, 20, 26, 0.13); border: 0; }
`;

const DRAFTS = [
  'Sure, Ana! I can pick you up at the station at 7:30.',
  'I have room for one more in my car. See you at 7:30?',
  'Thanks, Ben! Snacks sound great. Ana, I’ll drive you.',
];

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let pages: ExtensionPages;
let whatsApp: WhatsAppFixture;
let fake: FakeOpenAIServer;
let serviceWorker: Awaited<ReturnType<typeof extensionWorker>>;

test.beforeAll(async () => {
  fake = await startFakeOpenAI({ host: '127.0.0.1', apiKey: KEY, models: ['llama3.2'] });
  context = await launchWithExtension();
  serviceWorker = await extensionWorker(context);
  pages = new ExtensionPages(context, new URL(serviceWorker.url()).host);
  const options = await pages.openOptions();
  await options.page.getByTestId('provider-name').fill('Llama on this machine');
  await options.configure({ kind: 'openai-compatible', baseUrl: fake.url, apiKey: KEY, model: 'llama3.2' });
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

/** Writes the PNG when asked to; always checks it is a real, non-trivial image. */
function keep(name: string, png: Buffer): void {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.length).toBeGreaterThan(5_000);
  if (!UPDATE) return;
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(resolve(OUT_DIR, name), png);
}

/** Two screenshots side by side, composed in a blank page of the same browser (no image library). */
async function sideBySide(left: Buffer, right: Buffer, width: number): Promise<Buffer> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: HEIGHT });
  const img = (png: Buffer) => `<img alt="" src="data:image/png;base64,${png.toString('base64')}">`;
  await page.setContent(
    `<html><body style="margin:0;display:flex;background:#888">${img(left)}<div style="width:1px;background:#888"></div>${img(right)}</body></html>`,
  );
  await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
  const png = await page.screenshot();
  await page.close();
  return png;
}

async function sidebarBesideChat(theme: 'light' | 'dark'): Promise<Buffer> {
  const chat = await whatsApp.open(CHAT);
  await chat.page.setViewportSize({ width: CHAT_WIDTH, height: HEIGHT });
  await chat.page.addStyleTag({ content: CHAT_LOOK });
  const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
  await sidebar.page.setViewportSize({ width: SIDEBAR_WIDTH, height: HEIGHT });
  await sidebar.page.emulateMedia({ colorScheme: theme });
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');
  fake.script({ text: DRAFTS.join('\n---\n') });
  await sidebar.run('reply');
  await expect(sidebar.suggestionTexts).toHaveText(DRAFTS, { timeout: 15_000 });
  await expect(sidebar.stop).toBeHidden();
  // The real page's theme is its own: the fixture chat stays as it is.
  const composed = await sideBySide(await chat.page.screenshot(), await sidebar.page.screenshot(), CHAT_WIDTH + 1 + SIDEBAR_WIDTH);
  await sidebar.page.close();
  await chat.page.close();
  return composed;
}

test('the sidebar beside a WhatsApp chat, with three suggestions (light and dark)', async () => {
  keep('sidebar-beside-chat.png', await sidebarBesideChat('light'));
  keep('sidebar-beside-chat-dark.png', await sidebarBesideChat('dark'));
});

test('the popup', async () => {
  const popup = await pages.openPopup();
  const page: Page = popup.page;
  await page.setViewportSize({ width: 360, height: 200 });
  await expect(popup.assistantOptions).toHaveCount(1);
  await expect(popup.assistantOptions.first().getByTestId('assistant-state')).toHaveAttribute('data-state', 'reachable', { timeout: 10_000 });
  await expect(page.getByTestId('shortcut').first()).toBeVisible();
  keep('popup.png', await page.screenshot({ fullPage: true }));
  await pages.dispose();
});

test('the options page', async () => {
  const options = await pages.openOptions();
  const page = options.page;
  await page.setViewportSize({ width: 1100, height: 860 });
  await expect(page.getByTestId('assistant-item')).toHaveCount(1);
  await expect(page.getByTestId('options-nav')).toBeVisible();
  keep('options.png', await page.screenshot());
  await pages.dispose();
});

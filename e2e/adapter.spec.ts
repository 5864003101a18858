/**
 * The WhatsApp adapter in real Chromium, through the built extension's own content script (served as
 * https://web.whatsapp.com/, so the production match patterns apply):
 * - every era and language fixture reads as its expected JSON, as in the unit tests;
 * - scoped reads load history from a virtualized list (older rows mounted only when the list reaches its
 *   top, after a delay), report progress to the background, can be cancelled, and put the user's scroll
 *   position back exactly;
 * - the sidebar's status follows chat switches and new messages live, says plainly when a chat degrades,
 *   and once the sidebar is closed the page reports nothing any more.
 *
 * Reads are asked for the way the background asks: chrome.tabs.sendMessage from the service worker.
 */
import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { FIXTURES } from '../src/content/adapters/whatsapp/selectors';
import { defaultMessageId, renderWhatsAppChat, type RenderedMessage } from '../src/content/adapters/whatsapp/fixtures/render-chat';
import { installVirtualList } from '../src/content/adapters/whatsapp/fixtures/virtual-list';
import { expectedConversation, fixturePath } from '../src/content/adapters/whatsapp/testing/load-fixture';
import type { ChatSpec } from './fixtures/whatsapp/page';
import { expect, test } from './support/extension';
import { tabIdOf } from './support/pages';

const WHATSAPP_URL = 'https://web.whatsapp.com/';
const PANE = '[data-testid="conversation-panel-messages"]';

interface ReadReply {
  ok: boolean;
  value?: {
    title: string;
    messages: Array<{ id: string; text: string }>;
    coverage?: { scope: string; complete: boolean; reachedChatStart: boolean; note?: string };
    unreadFromId?: string;
  };
  error?: { message: string };
}

/** What the background does: ask the tab's top-frame content script. */
function askTab(serviceWorker: Worker, tabId: number, message: { type: string; payload: unknown }): Promise<ReadReply> {
  return serviceWorker.evaluate(
    ({ tabId, message }) => chrome.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<ReadReply>,
    { tabId, message },
  );
}

/** Records, in the worker, what the content scripts send the background (history progress, chat changes). */
async function recordContentMessages(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => {
    const scope = self as unknown as { __asideRecorded?: Array<{ type: string; payload: unknown }> };
    if (scope.__asideRecorded) {
      scope.__asideRecorded.length = 0;
      return;
    }
    scope.__asideRecorded = [];
    chrome.runtime.onMessage.addListener((message: { type?: string; payload?: unknown }) => {
      if (typeof message?.type === 'string' && message.type.startsWith('content->background:')) {
        scope.__asideRecorded!.push({ type: message.type, payload: message.payload });
      }
      return undefined;
    });
  });
}

function recorded(serviceWorker: Worker, type: string): Promise<unknown[]> {
  return serviceWorker.evaluate(
    (type) =>
      ((self as unknown as { __asideRecorded?: Array<{ type: string; payload: unknown }> }).__asideRecorded ?? [])
        .filter((entry) => entry.type === type)
        .map((entry) => entry.payload),
    type,
  );
}

function chat(title: string, count: number, offset = 0): ChatSpec {
  const messages: RenderedMessage[] = Array.from({ length: count }, (_, index) => ({
    id: defaultMessageId(offset + index),
    direction: index % 4 === 0 ? 'out' : 'in',
    text: `${title} message ${offset + index}`,
  }));
  return { title, isGroup: false, messages };
}

/** The message list scrolls on its own, as WhatsApp's does, and keeps only a window of rows mounted. */
async function virtualize(page: Page, options = { window: 80, batch: 25, delayMs: 150 }): Promise<void> {
  await page.addStyleTag({
    content: `#main > ._amm9 { flex: 1; min-height: 0; display: flex; flex-direction: column; }
      ${PANE} { flex: 1; min-height: 0; overflow-y: auto; }`,
  });
  await page.evaluate(installVirtualList, { paneSelector: PANE, ...options });
  await page.evaluate((pane) => {
    const list = document.querySelector(pane)!;
    list.scrollTop = list.scrollHeight;
  }, PANE);
}

/** The first row in view and its offset from the list's top edge, as the user sees it. */
function firstRowInView(page: Page): Promise<{ id: string | null; offset: number; atBottom: boolean }> {
  return page.evaluate((pane) => {
    const list = document.querySelector(pane)!;
    const top = list.getBoundingClientRect().top;
    const row = [...list.querySelectorAll('[data-id]')].find((element) => element.getBoundingClientRect().bottom > top);
    return {
      id: row?.getAttribute('data-id') ?? null,
      offset: Math.round(row ? row.getBoundingClientRect().top - top : 0),
      atBottom: Math.abs(list.scrollHeight - list.scrollTop - list.clientHeight) <= 2,
    };
  }, PANE);
}

test.describe('every era reads as expected in Chromium', () => {
  for (const fixture of Object.values(FIXTURES)) {
    test(fixture, async ({ extensionContext, serviceWorker }) => {
      const html = readFileSync(fixturePath(fixture), 'utf8');
      const serve = (route: import('@playwright/test').Route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      await extensionContext.route(WHATSAPP_URL, serve);
      const page = await extensionContext.newPage();
      try {
        await page.goto(WHATSAPP_URL);
        const tabId = await tabIdOf(serviceWorker);
        let answer: ReadReply | null = null;
        // The content script starts once the page has loaded.
        await expect
          .poll(async () => (answer = await askTab(serviceWorker, tabId, { type: 'background->content:read-conversation', payload: {} }).catch(() => null)))
          .not.toBeNull();
        answer = answer!;
        expect(answer.ok).toBe(true);
        expect(answer.value).toEqual(expectedConversation(fixture));
      } finally {
        await page.close();
        await extensionContext.unroute(WHATSAPP_URL, serve);
      }
    });
  }
});

test.describe('scoped reads load history from the virtualized list', () => {
  test('last 250: older rows scrolled in, merged by id, progress reported, the bottom kept', async ({ whatsApp, serviceWorker }) => {
    const spec = chat('Ana', 300);
    const page = (await whatsApp.open(spec)).page;
    await virtualize(page);
    const tabId = await tabIdOf(serviceWorker);
    await recordContentMessages(serviceWorker);
    expect(await page.locator(`${PANE} [data-id]`).count()).toBeLessThanOrEqual(80);

    const reply = await askTab(serviceWorker, tabId, { type: 'background->content:read-conversation', payload: { scope: { kind: 'last', count: 250 } } });
    expect(reply.ok).toBe(true);
    expect(reply.value!.messages.map((message) => message.id)).toEqual(spec.messages.slice(-250).map((message) => message.id));
    expect(reply.value!.messages.map((message) => message.text)).toEqual(spec.messages.slice(-250).map((message) => message.text));
    expect(reply.value!.coverage).toEqual({ scope: 'last', complete: true, reachedChatStart: false });

    const progress = (await recorded(serviceWorker, 'content->background:history-progress')) as Array<{ loaded: number; target: number }>;
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((step) => step.target === 250)).toBe(true);
    expect(progress.at(-1)!.loaded).toBeGreaterThanOrEqual(250);
    // The list is back at the bottom, the newest message in view again.
    await expect.poll(() => firstRowInView(page).then((view) => view.atBottom)).toBe(true);
    await expect(page.locator(`${PANE} [data-id="${spec.messages.at(-1)!.id}"]`)).toBeVisible();
  });

  test('a user scrolled up finds the same row at the same place afterwards', async ({ whatsApp, serviceWorker }) => {
    const page = (await whatsApp.open(chat('Ben', 300))).page;
    await virtualize(page);
    await page.evaluate((pane) => {
      const list = document.querySelector(pane)!;
      list.scrollTop = list.scrollHeight - list.clientHeight - 700;
    }, PANE);
    await page.waitForTimeout(300);
    const before = await firstRowInView(page);
    expect(before.atBottom).toBe(false);

    const reply = await askTab(serviceWorker, await tabIdOf(serviceWorker), {
      type: 'background->content:read-conversation',
      payload: { scope: { kind: 'last', count: 260 } },
    });
    expect(reply.value!.messages).toHaveLength(260);
    expect(await firstRowInView(page)).toEqual(before);
  });

  test('cancel-history stops the read; it answers with what it has and restores the position', async ({ whatsApp, serviceWorker }) => {
    const spec = chat('Cy', 300);
    const page = (await whatsApp.open(spec)).page;
    await virtualize(page, { window: 80, batch: 20, delayMs: 400 });
    const tabId = await tabIdOf(serviceWorker);
    await recordContentMessages(serviceWorker);
    const reading = askTab(serviceWorker, tabId, { type: 'background->content:read-conversation', payload: { scope: { kind: 'last', count: 290 } } });
    await expect.poll(async () => (await recorded(serviceWorker, 'content->background:history-progress')).length).toBeGreaterThan(1);
    const cancelled = await askTab(serviceWorker, tabId, { type: 'background->content:cancel-history', payload: {} });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    const reply = await reading;
    expect(reply.value!.coverage).toMatchObject({ scope: 'last', complete: false });
    expect(reply.value!.coverage!.note).toMatch(/cancelled/);
    const got = reply.value!.messages.length;
    expect(got).toBeLessThan(290);
    expect(reply.value!.messages.map((message) => message.id)).toEqual(spec.messages.slice(-got).map((message) => message.id));
    await expect.poll(() => firstRowInView(page).then((view) => view.atBottom)).toBe(true);
  });

  test('selection: only the messages the user selected', async ({ whatsApp, serviceWorker }) => {
    const spec = chat('Dee', 12);
    const page = (await whatsApp.open(spec)).page;
    // The user drags from the 5th message's text to the 7th's.
    const texts = page.locator(`${PANE} [data-testid="selectable-text"]`);
    const from = await texts.nth(4).boundingBox();
    const to = await texts.nth(6).boundingBox();
    await page.mouse.move(from!.x + 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(to!.x + to!.width - 2, to!.y + to!.height / 2, { steps: 5 });
    await page.mouse.up();
    const reply = await askTab(serviceWorker, await tabIdOf(serviceWorker), {
      type: 'background->content:read-conversation',
      payload: { scope: { kind: 'selection' } },
    });
    expect(reply.value!.messages.map((message) => message.text)).toEqual(spec.messages.slice(4, 7).map((message) => message.text));
  });
});

test.describe('the sidebar follows the chat live', () => {
  test('chat switches, new messages and a degraded chat show without a reload; closed, the page reports nothing', async ({
    whatsApp,
    pages,
    serviceWorker,
  }) => {
    const page = (await whatsApp.open(chat('Ana', 6))).page;
    const tabId = await tabIdOf(serviceWorker);
    await recordContentMessages(serviceWorker);
    const sidebar = await pages.openSidebar(tabId);
    await expect(sidebar.adapterStatus).toContainText('“Ana” · 6 messages');

    // The user opens another chat: WhatsApp renders a new #main.
    const swapMain = (spec: ChatSpec, { withoutComposer = false } = {}) =>
      page.evaluate(
        ({ html, withoutComposer }) => {
          const template = document.createElement('template');
          template.innerHTML = html;
          const main = template.content.querySelector('#main')!;
          if (withoutComposer) main.querySelector('footer')!.remove();
          document.getElementById('main')!.replaceWith(main);
        },
        { html: renderWhatsAppChat(spec), withoutComposer },
      );
    await swapMain(chat('Ben', 3, 100));
    await expect(sidebar.adapterStatus).toContainText('“Ben” · 3 messages');
    await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');

    // Messages arrive in the open chat.
    await page.evaluate(
      ({ html, pane }) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        const rows = [...template.content.querySelectorAll(`${pane} > [role="row"]`)].filter((row) => row.querySelector('[data-id]'));
        for (const row of rows) document.querySelector(pane)!.append(row);
      },
      { html: renderWhatsAppChat(chat('Ben', 4, 200)), pane: PANE },
    );
    await expect(sidebar.adapterStatus).toContainText('“Ben” · 7 messages');

    // A chat Aside cannot fully read (here, no message box): said plainly, with the way to report it.
    await swapMain(chat('Cy', 2, 300), { withoutComposer: true });
    await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'degraded');
    await expect(sidebar.adapterStatus).toContainText('Cy');
    await expect(sidebar.adapterStatus).toContainText('npm run extract -- --url https://web.whatsapp.com/ page.html');
    await expect(sidebar.adapterStatus).toContainText('Ctrl+S');
    const whileOpen = await recorded(serviceWorker, 'content->background:conversation-changed');
    expect(whileOpen.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(whileOpen)).not.toContain('message 2');

    // Sidebar closed: the watch stops, and new messages make the page send nothing.
    await sidebar.page.close();
    await page.waitForTimeout(500);
    await recordContentMessages(serviceWorker);
    await swapMain(chat('Dee', 5, 400));
    await page.waitForTimeout(1_000);
    expect(await recorded(serviceWorker, 'content->background:conversation-changed')).toEqual([]);
  });
});

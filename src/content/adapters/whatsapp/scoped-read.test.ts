/**
 * Scoped reads on a chat that behaves like WhatsApp's virtualized list (fixtures/virtual-list.ts): only 50
 * rows mounted, older rows mounted 15 at a time when the list reaches its top, after a delay. happy-dom has
 * no layout, so testing/list-layout.ts lays the rows out as a browser would.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../shared/conversation';
import { NothingSelectedError } from '../types';
import { renderWhatsAppChat, type RenderedMessage } from './fixtures/render-chat';
import { installVirtualList } from './fixtures/virtual-list';
import { readConversation } from './reader';
import { readScoped } from './scoped-read';
import { emulateListLayout, type ListLayout } from './testing/list-layout';

const PANE = '[data-testid="conversation-panel-messages"]';
const TOTAL = 120;
const WINDOW = 50;
const FAST = { settleTimeoutMs: 300, quietMs: 15 };
// happy-dom reads a 50-row window in tens of milliseconds, and a read loads several.
vi.setConfig({ testTimeout: 30_000 });

function chatMessages(count: number): RenderedMessage[] {
  return Array.from({ length: count }, (_, index) => ({
    direction: index % 3 === 0 ? 'out' : 'in',
    text: `Message number ${index}`,
  }));
}

let layout: ListLayout | null = null;
let everything: Message[] = [];

function pane(): HTMLElement {
  return document.querySelector<HTMLElement>(PANE)!;
}

function openChat(messages: RenderedMessage[], { unreadFrom }: { unreadFrom?: number } = {}) {
  document.body.innerHTML = renderWhatsAppChat({ title: 'Jo', isGroup: false, messages });
  if (unreadFrom !== undefined) {
    const rows = pane().querySelectorAll('[data-id]');
    const divider = document.createElement('div');
    divider.setAttribute('role', 'row');
    divider.innerHTML = `<div tabindex="-1"><span aria-live="polite">${messages.length - unreadFrom} unread messages</span></div>`;
    rows[unreadFrom]!.closest('[role="row"]')!.before(divider);
  }
  // What the whole chat reads as, before the list hides most of it.
  everything = readConversation(document).messages;
  layout = emulateListLayout(pane());
  installVirtualList({ paneSelector: PANE, window: WINDOW, batch: 15, delayMs: 20 });
}

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  layout?.restore();
  layout = null;
});

describe('last N messages', () => {
  it('scrolls older rows in, merges them by id, and returns exactly the newest N in order', async () => {
    openChat(chatMessages(TOTAL));
    expect(readConversation(document).messages.length).toBeLessThanOrEqual(WINDOW);
    const progress: Array<{ loaded: number; target: number }> = [];
    const conversation = await readScoped(document, { kind: 'last', count: 75 }, { ...FAST, onProgress: (p) => progress.push(p) });
    expect(conversation.messages.map((message) => message.id)).toEqual(everything.slice(-75).map((message) => message.id));
    expect(conversation.messages).toEqual(everything.slice(-75));
    expect(conversation.coverage).toEqual({ scope: 'last', complete: true, reachedChatStart: false });
    expect(progress.at(-1)).toEqual({ loaded: expect.any(Number), target: 75 });
    expect(progress.at(-1)!.loaded).toBeGreaterThanOrEqual(75);
    // Progress only grows.
    expect(progress.map((p) => p.loaded)).toEqual([...progress.map((p) => p.loaded)].sort((a, b) => a - b));
  });

  it('puts the list back at the bottom, with the newest rows mounted again', async () => {
    openChat(chatMessages(TOTAL));
    const bottom = pane().scrollTop;
    const newest = everything.at(-1)!.id;
    await readScoped(document, { kind: 'last', count: 90 }, FAST);
    expect(pane().scrollTop).toBe(pane().scrollHeight - pane().clientHeight);
    expect(pane().scrollTop).toBe(bottom);
    expect(pane().querySelector(`[data-id="${newest}"]`)).not.toBeNull();
  });

  it('puts a user who had scrolled up back on the same row at the same offset', async () => {
    openChat(chatMessages(TOTAL));
    pane().scrollTop = pane().scrollTop - 130;
    await new Promise((resolve) => setTimeout(resolve, 10));
    const firstInView = () => {
      const top = pane().getBoundingClientRect().top;
      const row = [...pane().querySelectorAll('[data-id]')].find((element) => element.getBoundingClientRect().bottom > top)!;
      return { id: row.getAttribute('data-id'), offset: row.getBoundingClientRect().top - top };
    };
    const before = firstInView();
    await readScoped(document, { kind: 'last', count: 100 }, FAST);
    expect(firstInView()).toEqual(before);
  });

  it('stops at the start of a short chat and says the chat holds fewer', async () => {
    openChat(chatMessages(TOTAL));
    const conversation = await readScoped(document, { kind: 'last', count: 500 }, FAST);
    expect(conversation.messages).toEqual(everything);
    expect(conversation.coverage).toEqual({
      scope: 'last',
      complete: false,
      reachedChatStart: true,
      note: `The chat holds only ${TOTAL} messages.`,
    });
  });

  it('learns where a short chat starts, so the next read does not wait for older rows again', async () => {
    // Shorter than the mounted window: every row is there, and only waiting could tell it is the start.
    openChat(chatMessages(30));
    const chatStarts = new Map<string, string>();
    const first = await readScoped(document, { kind: 'last', count: 50 }, { ...FAST, chatStarts });
    expect(first.coverage?.reachedChatStart).toBe(true);
    expect([...chatStarts.values()]).toEqual([everything[0]!.id]);
    // A settle wait far beyond this test's timeout: the read can only finish by knowing the start.
    const again = await readScoped(document, { kind: 'last', count: 50 }, { settleTimeoutMs: 600_000, quietMs: 15, chatStarts });
    expect(again.messages).toEqual(everything);
    expect(again.coverage?.reachedChatStart).toBe(true);
  }, 20_000);

  it('stops when cancelled, answers with what it has and still restores the position', async () => {
    openChat(chatMessages(TOTAL));
    const bottom = pane().scrollTop;
    const controller = new AbortController();
    const conversation = await readScoped(
      document,
      { kind: 'last', count: 110 },
      { ...FAST, signal: controller.signal, onProgress: ({ loaded }) => loaded > 40 && controller.abort() },
    );
    expect(conversation.coverage?.complete).toBe(false);
    expect(conversation.coverage?.note).toMatch(/^Reading was cancelled after \d+ of 110 messages\.$/);
    expect(conversation.messages.length).toBeLessThan(110);
    // What it has is the newest part of the chat, in order.
    expect(conversation.messages).toEqual(everything.slice(-conversation.messages.length));
    expect(pane().scrollTop).toBe(bottom);
  });

  it('does not scroll at all when the rows in view already cover N', async () => {
    openChat(chatMessages(TOTAL));
    const conversation = await readScoped(document, { kind: 'last', count: 5 }, FAST);
    expect(conversation.messages).toEqual(everything.slice(-5));
    expect(layout!.scrollEvents()).toBe(0);
  });
});

describe('since the unread divider', () => {
  it('returns the messages from the divider on and names the first', async () => {
    openChat(chatMessages(TOTAL), { unreadFrom: TOTAL - 8 });
    const conversation = await readScoped(document, { kind: 'since-unread' }, FAST);
    expect(conversation.unreadFromId).toBe(everything[TOTAL - 8]!.id);
    expect(conversation.messages).toEqual(everything.slice(-8));
    expect(conversation.coverage).toEqual({ scope: 'since-unread', complete: true, reachedChatStart: false });
  });

  it('reads the rows in view when the chat shows no divider, and says so', async () => {
    openChat(chatMessages(TOTAL));
    const conversation = await readScoped(document, { kind: 'since-unread' }, FAST);
    expect(conversation.unreadFromId).toBeUndefined();
    expect(conversation.messages).toEqual(readConversation(document).messages);
    expect(conversation.coverage?.note).toMatch(/no unread messages divider/);
  });
});

describe('selection', () => {
  it('returns only the messages whose rows the selection touches', async () => {
    openChat(chatMessages(40));
    const texts = [...pane().querySelectorAll('[data-testid="selectable-text"]')];
    const range = document.createRange();
    // From inside one message's text to inside the next but one.
    range.setStart(texts[3]!.firstChild!, 2);
    range.setEnd(texts[5]!.firstChild!, 3);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const shown = readConversation(document).messages;
    const conversation = await readScoped(document, { kind: 'selection' }, FAST);
    expect(conversation.messages).toEqual(shown.slice(3, 6));
    expect(conversation.coverage).toEqual({ scope: 'selection', complete: true, reachedChatStart: false });
  });

  it('refuses when nothing is selected', async () => {
    openChat(chatMessages(10));
    document.getSelection()!.removeAllRanges();
    await expect(readScoped(document, { kind: 'selection' }, FAST)).rejects.toBeInstanceOf(NothingSelectedError);
  });
});

describe('visible', () => {
  it('is the plain read, marked complete', async () => {
    openChat(chatMessages(TOTAL));
    const conversation = await readScoped(document, { kind: 'visible' }, FAST);
    expect(conversation.messages).toEqual(readConversation(document).messages);
    expect(conversation.coverage).toEqual({ scope: 'visible', complete: true, reachedChatStart: false });
  });
});

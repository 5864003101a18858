import { describe, expect, it } from 'vitest';
import type { Conversation } from '../shared/conversation';
import { createContentMessageRouter } from './content-messages';
import { deliverHistoryProgress, readConversation, type HistoryProgress } from './read-conversation';
import type { BackgroundServices, TabAccess } from './services';
import { createFakeWorld, EXTENSION, sampleConversation } from './test-support';

/** A tab whose content script answers a read when `finish` is called, and records what it was sent. */
function slowTab() {
  const sent: Array<{ tabId: number; type: string; payload: unknown }> = [];
  let finish: (conversation: Conversation) => void = () => undefined;
  const tabs: TabAccess = {
    async urlOf() {
      return 'https://web.whatsapp.com/';
    },
    async sendToContent(tabId, type, payload) {
      sent.push({ tabId, type, payload });
      if (type === 'background->content:read-conversation') {
        return new Promise<never>((resolve) => {
          finish = resolve as never;
        });
      }
      if (type === 'background->content:cancel-history') {
        const partial: Conversation = { ...sampleConversation, coverage: { scope: 'last', complete: false, reachedChatStart: false, note: 'cancelled' } };
        finish(partial);
        return { cancelled: true } as never;
      }
      throw new Error(`unexpected ${type}`);
    },
  };
  const services: BackgroundServices = { ...createFakeWorld().services, tabs };
  return { services, sent, finish: (conversation: Conversation) => finish(conversation) };
}

const CONTENT_SENDER = { id: EXTENSION.id, tab: { id: 4, url: 'https://web.whatsapp.com/' }, frameId: 0, url: 'https://web.whatsapp.com/' };

describe('readConversation (background)', () => {
  it('sends the scope to the tab and answers with its conversation', async () => {
    const tab = slowTab();
    const reading = readConversation(tab.services, 4, { kind: 'last', count: 300 });
    await Promise.resolve();
    tab.finish(sampleConversation);
    expect(await reading).toEqual(sampleConversation);
    expect(tab.sent).toEqual([{ tabId: 4, type: 'background->content:read-conversation', payload: { scope: { kind: 'last', count: 300 } } }]);
  });

  it("passes that tab's progress on while the read runs, and nobody else's", async () => {
    const tab = slowTab();
    const progress: HistoryProgress[] = [];
    const reading = readConversation(tab.services, 4, { kind: 'last', count: 300 }, { onProgress: (p) => progress.push(p) });
    // The way progress arrives: a content script's message through the content router.
    const route = createContentMessageRouter(EXTENSION, { historyProgress: deliverHistoryProgress, conversationChanged: () => false });
    expect(await route({ type: 'content->background:history-progress', payload: { loaded: 120, target: 300 } }, CONTENT_SENDER)).toEqual({
      ok: true,
      value: { received: true },
    });
    await route({ type: 'content->background:history-progress', payload: { loaded: 50, target: 300 } }, { ...CONTENT_SENDER, tab: { id: 9, url: 'https://web.whatsapp.com/' } });
    tab.finish(sampleConversation);
    await reading;
    expect(progress).toEqual([{ loaded: 120, target: 300 }]);
    // Once the read is over, nobody listens.
    expect(deliverHistoryProgress(4, { loaded: 1, target: 1 })).toBe(false);
  });

  it('asks the tab to stop when aborted, and answers with what the tab had', async () => {
    const tab = slowTab();
    const controller = new AbortController();
    const reading = readConversation(tab.services, 4, { kind: 'last', count: 300 }, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    const conversation = await reading;
    expect(conversation.coverage).toMatchObject({ complete: false });
    expect(tab.sent.map((call) => call.type)).toEqual(['background->content:read-conversation', 'background->content:cancel-history']);
  });

  it('does not start when already aborted', async () => {
    const tab = slowTab();
    const controller = new AbortController();
    controller.abort();
    await expect(readConversation(tab.services, 4, { kind: 'visible' }, { signal: controller.signal })).rejects.toBeDefined();
    expect(tab.sent).toEqual([]);
  });
});

describe('content message router', () => {
  const handlers = { historyProgress: () => true, conversationChanged: () => true };
  const route = createContentMessageRouter(EXTENSION, handlers);
  const progress = { type: 'content->background:history-progress', payload: { loaded: 1, target: 2 } };

  it.each([
    ['another extension', { ...CONTENT_SENDER, id: 'someone-else' }],
    ['an extension page (no tab)', { id: EXTENSION.id, url: `${EXTENSION.origin}/extension-pages/sidebar.html` }],
    ['a subframe', { ...CONTENT_SENDER, frameId: 3 }],
    ['a page that is not a messenger', { ...CONTENT_SENDER, url: 'https://evil.example/', tab: { id: 4, url: 'https://evil.example/' } }],
  ])('ignores %s', (_name, sender) => {
    expect(route(progress, sender)).toBeUndefined();
  });

  it('ignores malformed payloads and messages meant for others', () => {
    expect(route({ type: 'content->background:history-progress', payload: { loaded: -1, target: 2 } }, CONTENT_SENDER)).toBeUndefined();
    expect(route({ type: 'content->background:conversation-changed', payload: { title: 'x' } }, CONTENT_SENDER)).toBeUndefined();
    expect(route({ type: 'ui->background:get-assistants', payload: {} }, CONTENT_SENDER)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { WATCH_PORT_NAME, type ConversationSummary, type WatchServerMessage } from '../../shared/protocol';
import type { BackgroundServices, TabAccess } from '../services';
import { createFakeWorld, EXTENSION, PAGE_SENDER } from '../test-support';
import { ConversationWatchHub, type WatchPort } from './conversation-watch';

const SUMMARY: ConversationSummary = {
  site: 'whatsapp',
  title: 'Ana',
  isGroup: false,
  chatKey: 'whatsapp:Ana',
  health: { status: 'ok' },
  messageCount: 12,
  lastMessageId: '3EB0AA',
};

function fakePort(sender = PAGE_SENDER, name = WATCH_PORT_NAME) {
  const messageListeners: Array<(message: unknown) => void> = [];
  const disconnectListeners: Array<() => void> = [];
  const received: WatchServerMessage[] = [];
  let disconnected = false;
  const port: WatchPort = {
    name,
    sender,
    postMessage: (message) => received.push(message),
    disconnect: () => {
      disconnected = true;
    },
    onMessage: { addListener: (listener) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => disconnectListeners.push(listener) },
  };
  return {
    port,
    received,
    send: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    /** The sidebar closed. */
    close: () => disconnectListeners.forEach((listener) => listener()),
    get disconnected() {
      return disconnected;
    },
  };
}

function hub() {
  const calls: Array<{ tabId: number; type: string; payload: unknown }> = [];
  const tabs: TabAccess = {
    async urlOf(tabId) {
      return tabId === 99 ? 'https://example.com/' : 'https://web.whatsapp.com/';
    },
    async sendToContent(tabId, type, payload) {
      calls.push({ tabId, type, payload });
      return { watching: true } as never;
    },
  };
  const services: BackgroundServices = { ...createFakeWorld().services, tabs };
  return { hub: new ConversationWatchHub(services), calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ConversationWatchHub', () => {
  it("turns the tab's watch on for its first watcher, forwards summaries, and turns it off after the last", async () => {
    const { hub: watchHub, calls } = hub();
    const first = fakePort();
    const second = fakePort();
    expect(watchHub.accept(first.port)).toBe(true);
    expect(watchHub.accept(second.port)).toBe(true);
    first.send({ type: 'watch', tabId: 7 });
    second.send({ type: 'watch', tabId: 7 });
    await settle();
    expect(calls.filter((call) => call.type === 'background->content:watch')).toEqual([
      { tabId: 7, type: 'background->content:watch', payload: { on: true } },
      { tabId: 7, type: 'background->content:watch', payload: { on: true } },
    ]);

    expect(watchHub.changed(7, SUMMARY)).toBe(true);
    expect(first.received).toEqual([{ type: 'conversation-changed', tabId: 7, summary: SUMMARY }]);
    expect(second.received).toEqual(first.received);
    // Another tab's changes go to nobody here.
    expect(watchHub.changed(8, SUMMARY)).toBe(false);

    calls.length = 0;
    first.close();
    await settle();
    expect(calls).toEqual([]);
    second.close();
    await settle();
    expect(calls).toEqual([{ tabId: 7, type: 'background->content:watch', payload: { on: false } }]);
    expect(watchHub.changed(7, SUMMARY)).toBe(false);
  });

  it('moves a watcher to the tab the sidebar now shows', async () => {
    const { hub: watchHub, calls } = hub();
    const sidebar = fakePort();
    watchHub.accept(sidebar.port);
    sidebar.send({ type: 'watch', tabId: 7 });
    sidebar.send({ type: 'watch', tabId: 8 });
    await settle();
    expect(calls.map((call) => [call.tabId, call.payload])).toEqual([
      [7, { on: true }],
      [7, { on: false }],
      [8, { on: true }],
    ]);
    expect(watchHub.watcherCount(7)).toBe(0);
    expect(watchHub.watcherCount(8)).toBe(1);
  });

  it('turns the watch on again when a watched tab reloads, and never for tabs that are not messengers', async () => {
    const { hub: watchHub, calls } = hub();
    const sidebar = fakePort();
    watchHub.accept(sidebar.port);
    sidebar.send({ type: 'watch', tabId: 99 });
    await settle();
    expect(calls).toEqual([]);
    sidebar.send({ type: 'watch', tabId: 7 });
    await settle();
    calls.length = 0;
    watchHub.tabLoaded(7);
    watchHub.tabLoaded(8);
    await settle();
    expect(calls).toEqual([{ tabId: 7, type: 'background->content:watch', payload: { on: true } }]);
  });

  it('refuses ports from anything but its own pages, and ignores malformed messages', async () => {
    const { hub: watchHub, calls } = hub();
    const stranger = fakePort({ id: 'other-extension', url: 'chrome-extension://other/x.html' });
    expect(watchHub.accept(stranger.port)).toBe(true);
    expect(stranger.disconnected).toBe(true);
    const page = fakePort({ id: EXTENSION.id, url: 'https://web.whatsapp.com/', tab: { id: 7 } } as never);
    watchHub.accept(page.port);
    expect(page.disconnected).toBe(true);
    expect(watchHub.accept(fakePort(PAGE_SENDER, 'aside-task').port)).toBe(false);

    const sidebar = fakePort();
    watchHub.accept(sidebar.port);
    sidebar.send({ type: 'watch', tabId: -1 });
    sidebar.send({ type: 'watch', tabId: '7' });
    sidebar.send('watch 7');
    await settle();
    expect(calls).toEqual([]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PortLike } from '../api';
import type { ConversationSummary } from '../../shared/protocol';
import { byTestId, cleanup, mount, settle } from '../testing/dom';
import { Sidebar } from './Sidebar';
import { fixedTabTracker } from './tab-tracker';
import { LLAMA, OK_CHAT, OptionsRecordingApi } from './sidebar-test-support';
import { RECONNECT_DELAY_MS, withLiveConversation } from './use-live-conversation';

afterEach(cleanup);

const BEN: ConversationSummary = {
  site: 'whatsapp',
  title: 'Ben',
  isGroup: false,
  chatKey: 'whatsapp:Ben',
  health: { status: 'ok' },
  messageCount: 7,
  lastMessageId: '3EB0BB',
};

/** The background's end of the watch port, as the sidebar sees it. */
function fakeWatch() {
  const ports: Array<{ posted: unknown[]; disconnected: boolean; deliver(message: unknown): void; drop(): void }> = [];
  const source = vi.fn((): PortLike => {
    const messageListeners: Array<(message: unknown) => void> = [];
    const disconnectListeners: Array<() => void> = [];
    const record = {
      posted: [] as unknown[],
      disconnected: false,
      deliver: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
      drop: () => disconnectListeners.forEach((listener) => listener()),
    };
    ports.push(record);
    return {
      postMessage: (message) => record.posted.push(message),
      disconnect: () => {
        record.disconnected = true;
      },
      onMessage: { addListener: (listener) => messageListeners.push(listener) },
      onDisconnect: { addListener: (listener) => disconnectListeners.push(listener) },
    };
  });
  return { source, ports };
}

async function mountWatchedSidebar() {
  const api = new OptionsRecordingApi()
    .on('ui->background:get-tab-state', () => OK_CHAT)
    .on('ui->background:get-assistants', () => ({ assistants: [LLAMA], activeAssistantId: 'a1' }))
    .on('ui->background:get-history', () => ({ entries: [] }));
  const watch = fakeWatch();
  const mounted = await mount(<Sidebar api={api} tabs={fixedTabTracker(12)} openOptions={() => undefined} watch={watch.source} />);
  await settle();
  const status = () => byTestId(mounted.container, 'adapter-status')!;
  return { api, watch, status, ...mounted };
}

describe('the sidebar follows its chat live', () => {
  it('watches its tab and shows another chat as soon as the user opens it, without reading again', async () => {
    const { api, watch, status } = await mountWatchedSidebar();
    expect(watch.ports).toHaveLength(1);
    expect(watch.ports[0]!.posted).toEqual([{ type: 'watch', tabId: 12 }]);
    expect(status().textContent).toContain('Ana');
    const reads = api.callsOf('ui->background:get-tab-state').length;

    watch.ports[0]!.deliver({ type: 'conversation-changed', tabId: 12, summary: BEN });
    await settle();
    expect(status().textContent).toContain('“Ben” · 7 messages');
    expect(status().getAttribute('data-status')).toBe('ok');
    expect(api.callsOf('ui->background:get-tab-state').length).toBe(reads);
  });

  it('says plainly when the chat degrades, with the command to report it', async () => {
    const { watch, status } = await mountWatchedSidebar();
    watch.ports[0]!.deliver({
      type: 'conversation-changed',
      tabId: 12,
      summary: { ...BEN, health: { status: 'degraded', notes: ['2 of 7 message rows could not be read.'] } },
    });
    await settle();
    expect(status().getAttribute('data-status')).toBe('degraded');
    expect(status().textContent).toContain('npm run extract -- --url https://web.whatsapp.com/ page.html');
    expect(status().textContent).toContain('Ctrl+S');
  });

  it("ignores summaries for other tabs and malformed ones", async () => {
    const { watch, status } = await mountWatchedSidebar();
    watch.ports[0]!.deliver({ type: 'conversation-changed', tabId: 13, summary: BEN });
    watch.ports[0]!.deliver({ type: 'conversation-changed', tabId: 12, summary: { ...BEN, messageCount: -1 } });
    watch.ports[0]!.deliver({ type: 'conversation-changed', tabId: 12, summary: { title: '<img src=x onerror=alert(1)>' } });
    await settle();
    expect(status().textContent).toContain('Ana');
  });

  it('closes the port when the sidebar goes away, and reconnects when the background restarts', async () => {
    const { watch, unmount } = await mountWatchedSidebar();
    watch.ports[0]!.drop();
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS + 100));
    expect(watch.ports).toHaveLength(2);
    expect(watch.ports[1]!.posted).toEqual([{ type: 'watch', tabId: 12 }]);
    await unmount();
    expect(watch.ports[1]!.disconnected).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS + 100));
    expect(watch.ports).toHaveLength(2);
  });
});

describe('withLiveConversation', () => {
  it('leaves the state alone until a summary came, and on unsupported tabs', () => {
    expect(withLiveConversation(OK_CHAT, null)).toBe(OK_CHAT);
    expect(withLiveConversation({ supported: false }, { tabId: 12, summary: BEN })).toEqual({ supported: false });
  });
});

/**
 * The sidebar's live view of its tab's chat: while the sidebar is open it holds a watch port to the
 * background (protocol.ts WATCH_PORT_NAME), which turns the tab's content-script watch on and forwards a
 * summary whenever the chat changes (another chat opened, messages arriving). Closing the sidebar closes
 * the port, and the content script stops watching. The summary only ever says what the status line shows.
 */
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import {
  ConversationSummarySchema,
  WATCH_PORT_NAME,
  type ConversationSummary,
  type TabState,
  type WatchClientMessage,
} from '../../shared/protocol';
import type { PortLike } from '../api';

/** Opens a watch port (the entry file binds it to `browser.runtime.connect`; tests pass a fake). */
export type ConversationWatchSource = () => PortLike;

export function watchSourceFrom(runtime: { connect(info: { name: string }): PortLike }): ConversationWatchSource {
  return () => runtime.connect({ name: WATCH_PORT_NAME });
}

/** How long to wait before watching again when the background went away (it restarts on demand). */
export const RECONNECT_DELAY_MS = 1_000;

export interface LiveConversation {
  tabId: number;
  summary: ConversationSummary;
}

export function useLiveConversation(
  source: ConversationWatchSource | undefined,
  tabId: number | null | undefined,
): LiveConversation | null {
  const [live, setLive] = useState<LiveConversation | null>(null);
  useEffect(() => {
    setLive(null);
    if (!source || typeof tabId !== 'number') return;
    let closed = false;
    let port: PortLike | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      try {
        port = source();
      } catch {
        retry = setTimeout(open, RECONNECT_DELAY_MS);
        return;
      }
      port.onMessage.addListener((raw) => {
        const summary = summaryFor(raw, tabId);
        if (!closed && summary) setLive({ tabId, summary });
      });
      port.onDisconnect.addListener(() => {
        port = null;
        if (!closed) retry = setTimeout(open, RECONNECT_DELAY_MS);
      });
      const watch: WatchClientMessage = { type: 'watch', tabId };
      port.postMessage(watch);
    };
    open();
    return () => {
      closed = true;
      clearTimeout(retry);
      try {
        port?.disconnect();
      } catch {
        // Already gone.
      }
    };
  }, [source, tabId]);
  return live !== null && live.tabId === tabId ? live : null;
}

/** A summary for `tabId` from a port message, or null for anything else. */
function summaryFor(raw: unknown, tabId: number): ConversationSummary | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const message = raw as { type?: unknown; tabId?: unknown; summary?: unknown };
  if (message.type !== 'conversation-changed' || message.tabId !== tabId) return null;
  const parsed = v.safeParse(ConversationSummarySchema, message.summary);
  return parsed.success ? parsed.output : null;
}

/**
 * The tab state with the live summary's chat in it: the summary is pushed when the chat changes, so it is
 * never older than the last read. Nothing changes while no summary has come (or the tab is unsupported).
 */
export function withLiveConversation(state: TabState | null, live: LiveConversation | null): TabState | null {
  if (!live || !state?.supported) return state;
  const { site, title, isGroup, health, chatKey, messageCount } = live.summary;
  const conversation: NonNullable<TabState['conversation']> = {
    site,
    title,
    isGroup,
    health: health.notes ? { status: health.status, notes: health.notes } : { status: health.status },
    messageCount,
    ...(chatKey ? { chatKey } : {}),
  };
  return { supported: true, conversation };
}

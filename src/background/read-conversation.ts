/**
 * The background's one way to read a tab's chat with a scope (protocol.ts ReadScope): it asks the tab's
 * content script, passes the content script's history-progress reports to `onProgress` while the read
 * runs, and asks the content script to stop (cancel-history) when `signal` aborts. A cancelled read still
 * answers: with the messages loaded so far and `coverage.complete` false, the page's scroll put back.
 */
import type { Conversation } from '../shared/conversation';
import type { ReadScope } from '../shared/protocol';
import type { BackgroundServices } from './services';

export interface HistoryProgress {
  loaded: number;
  /** 0 when the content script cannot tell how many messages the scope needs. */
  target: number;
}

export interface ReadConversationOptions {
  signal?: AbortSignal;
  onProgress?(progress: HistoryProgress): void;
}

/** Who hears a tab's progress reports: the reads running on it now. */
const progressListeners = new Map<number, Set<(progress: HistoryProgress) => void>>();

export async function readConversation(
  services: BackgroundServices,
  tabId: number,
  scope?: ReadScope,
  { signal, onProgress }: ReadConversationOptions = {},
): Promise<Conversation> {
  signal?.throwIfAborted();
  const listener = (progress: HistoryProgress) => {
    if (!signal?.aborted) onProgress?.(progress);
  };
  let listeners = progressListeners.get(tabId);
  if (!listeners) progressListeners.set(tabId, (listeners = new Set()));
  listeners.add(listener);
  const cancel = () => {
    // Best effort: a tab that went away has nothing left to stop.
    void services.tabs.sendToContent(tabId, 'background->content:cancel-history', {}).catch(() => undefined);
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await services.tabs.sendToContent(tabId, 'background->content:read-conversation', scope ? { scope } : {});
  } finally {
    signal?.removeEventListener('abort', cancel);
    listeners.delete(listener);
    if (listeners.size === 0) progressListeners.delete(tabId);
  }
}

/**
 * A content script's progress report, from tab `tabId` (the caller checked the sender). Returns whether a
 * read on that tab is listening.
 */
export function deliverHistoryProgress(tabId: number, progress: HistoryProgress): boolean {
  const listeners = progressListeners.get(tabId);
  if (!listeners) return false;
  for (const listener of listeners) listener(progress);
  return true;
}

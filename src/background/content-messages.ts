/**
 * Messages from Aside's own content scripts (history progress, live-watch summaries). Content scripts run
 * in pages Aside does not control, so the sender must be this extension, in a tab's top frame, on a
 * supported messenger; payloads are validated like every other message. Anything else gets undefined.
 */
import { parseEnvelope, type Reply } from '../shared/protocol';
import type { HistoryProgress } from './read-conversation';
import type { ExtensionIdentity, SenderInfo } from './sender';
import type { ConversationSummary } from '../shared/protocol';
import { isSupportedMessengerUrl } from './supported-sites';

export interface ContentMessageHandlers {
  historyProgress(tabId: number, progress: HistoryProgress): boolean;
  conversationChanged(tabId: number, summary: ConversationSummary): boolean;
}

export type ContentMessageReply =
  | Reply<'content->background:history-progress'>
  | Reply<'content->background:conversation-changed'>;

export function createContentMessageRouter(extension: ExtensionIdentity, handlers: ContentMessageHandlers) {
  return function route(raw: unknown, sender: SenderInfo): Promise<ContentMessageReply> | undefined {
    const tabId = ownContentScriptTab(sender, extension);
    if (tabId === null) return undefined;
    const envelope = parseEnvelope(raw);
    if (!envelope) return undefined;
    switch (envelope.type) {
      case 'content->background:history-progress':
        return Promise.resolve({
          ok: true,
          value: { received: handlers.historyProgress(tabId, envelope.payload as HistoryProgress) },
        });
      case 'content->background:conversation-changed':
        return Promise.resolve({
          ok: true,
          value: { watching: handlers.conversationChanged(tabId, envelope.payload as ConversationSummary) },
        });
      default:
        return undefined;
    }
  };
}

/** The tab id when `sender` is this extension's content script in a messenger tab's top frame, else null. */
function ownContentScriptTab(sender: SenderInfo, extension: ExtensionIdentity): number | null {
  if (sender.id !== extension.id) return null;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  if (!isSupportedMessengerUrl(sender.url ?? sender.tab?.url)) return null;
  return tabId;
}

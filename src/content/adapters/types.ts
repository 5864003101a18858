import type { Conversation, InsertResult } from '../../shared/conversation';
import type { ConversationSummary, ReadScope } from '../../shared/protocol';

export interface ScopedReadOptions {
  signal?: AbortSignal;
  onProgress?(progress: { loaded: number; target: number }): void;
}

/**
 * One messenger's DOM knowledge: which pages it reads, how to read the open chat, how to fill the composer.
 * `read` is pure (Document in, data out); `insert` only fills the composer and never sends.
 */
export interface SiteAdapter {
  /** The Conversation's `site`, e.g. `whatsapp`. */
  readonly id: string;
  matches(url: URL): boolean;
  read(doc: Document): Conversation;
  insert(doc: Document, text: string): Promise<InsertResult>;
  /** What the user has typed in the message box, or null when there is no message box. */
  readDraft(doc: Document): string | null;
  /**
   * A read limited to `scope`, loading older history where the scope needs it (and putting the page's
   * scroll position back). Adapters without history loading leave it out: `read` then serves every scope.
   */
  readScoped?(doc: Document, scope: ReadScope, options: ScopedReadOptions): Promise<Conversation>;
  /**
   * What the live watch (content/live-watch.ts) observes: `chat`, the open chat (its whole subtree, minus
   * `ignore`, e.g. the message box the user types in), and `shell`, whose own children change when the
   * user switches chats (observed without its subtree while a chat is open, with it while none is).
   */
  watchTargets?(doc: Document): { shell: Element; chat: Element | null; ignore: Element | null } | null;
  /**
   * A summary cheap enough to take after every batch of changes; `fresh` asks for a full read (health
   * checked) even when the chat looks unchanged.
   */
  summarize?(doc: Document, fresh?: boolean): ConversationSummary;
}

/** Thrown by a selection read when nothing in the chat is selected: the caller tells the user to select. */
export class NothingSelectedError extends Error {
  constructor() {
    super('No messages are selected in the chat.');
    this.name = 'NothingSelectedError';
  }
}

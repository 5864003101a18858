import type { Conversation, InsertResult } from '../../shared/conversation';

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
}

/**
 * The live watch's summary of the open chat (protocol.ts ConversationSummary). A chat switch (WhatsApp
 * renders a new #main, or the header names another chat) gets a full read, so its health is checked; while
 * the same chat only grows, the count and last id come from the rows alone, which costs one query instead of
 * a read of every row after each batch of new messages.
 */
import type { ConversationSummary } from '../../../shared/protocol';
import { readHeader } from './header';
import { classifyMessageId } from './message-id';
import { readConversation, WHATSAPP_SITE_ID } from './reader';
import { MESSAGE_ID_ATTRIBUTE, queryFirstTier, whatsAppSelectors as selectors } from './selectors';

interface FullRead {
  main: Element;
  title: string;
  /** Rows with an id when the chat was read in full. */
  rows: number;
  summary: ConversationSummary;
}

const lastFullRead = new WeakMap<Document, FullRead>();

/** `fresh`: read the chat in full whatever the cache says (the first summary of a watch). */
export function summarizeChat(doc: Document, fresh = false): ConversationSummary {
  const main = queryFirstTier(doc, selectors.openChat)?.element ?? null;
  const known = fresh ? undefined : lastFullRead.get(doc);
  if (main && known && known.main === main) {
    const title = readHeader(main).title;
    if (title === known.title) {
      const containers = main.querySelectorAll(`[${MESSAGE_ID_ATTRIBUTE}]`);
      // Rows only ever come and go at the ends: new messages below, history above.
      const messageCount = Math.max(0, known.summary.messageCount + containers.length - known.rows);
      return { ...known.summary, messageCount, lastMessageId: lastIdOf(containers) };
    }
  }
  const conversation = readConversation(doc);
  const containers = main?.querySelectorAll(`[${MESSAGE_ID_ATTRIBUTE}]`);
  const summary: ConversationSummary = {
    site: WHATSAPP_SITE_ID,
    title: conversation.title,
    isGroup: conversation.isGroup,
    ...(conversation.chatKey ? { chatKey: conversation.chatKey } : {}),
    health: conversation.health.notes
      ? { status: conversation.health.status, notes: conversation.health.notes }
      : { status: conversation.health.status },
    messageCount: conversation.messages.length,
    lastMessageId: containers ? lastIdOf(containers) : null,
  };
  if (main) lastFullRead.set(doc, { main, title: conversation.title, rows: containers?.length ?? 0, summary });
  else lastFullRead.delete(doc);
  return summary;
}

function lastIdOf(containers: NodeListOf<Element>): string | null {
  const last = containers[containers.length - 1];
  return last ? classifyMessageId(last.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '').messageId : null;
}

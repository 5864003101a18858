/**
 * A read limited to what a task needs (protocol.ts ReadScope): the visible rows, the newest N messages,
 * the messages since the unread divider, or the messages the user selected. Only `last` and `since-unread`
 * touch the page (they scroll the list to load rows, then put it back: history.ts).
 */
import type { Conversation, Message } from '../../../shared/conversation';
import type { ReadScope } from '../../../shared/protocol';
import { NothingSelectedError } from '../types';
import { loadHistory, type HistoryOptions } from './history';
import { findMessagePane } from './message-list';
import { classifyMessageId } from './message-id';
import { readConversation } from './reader';
import { MESSAGE_ID_ATTRIBUTE } from './selectors';

type Coverage = NonNullable<Conversation['coverage']>;

export async function readScoped(doc: Document, scope: ReadScope, options: HistoryOptions = {}): Promise<Conversation> {
  switch (scope.kind) {
    case 'visible':
      return withCoverage(readConversation(doc), { scope: 'visible', complete: true, reachedChatStart: false });
    case 'selection':
      return readSelection(doc);
    case 'last':
      return readLast(doc, scope.count, options);
    case 'since-unread':
      return readSinceUnread(doc, options);
  }
}

async function readLast(doc: Document, count: number, options: HistoryOptions): Promise<Conversation> {
  const history = await loadHistory(doc, readConversation, { covered: (messages) => messages.length >= count, target: count }, options);
  const messages = history.messages.slice(-count);
  const complete = messages.length >= count;
  return withCoverage(
    { ...history.latest, messages },
    {
      scope: 'last',
      complete,
      reachedChatStart: history.reachedChatStart,
      ...(complete ? {} : { note: shortfall(messages.length, count, history) }),
    },
  );
}

async function readSinceUnread(doc: Document, options: HistoryOptions): Promise<Conversation> {
  const shown = readConversation(doc);
  const unreadFromId = shown.unreadFromId;
  if (!unreadFromId) {
    // WhatsApp draws the divider where it opened the chat; without one there is nothing unread to start from.
    return withCoverage(shown, {
      scope: 'since-unread',
      complete: true,
      reachedChatStart: false,
      note: 'This chat shows no unread messages divider, so the messages in view were read.',
    });
  }
  // The unread rows run from the divider to the end of the chat, which may not all be mounted: load down to
  // the end (the divider is already in view, so nothing older is needed).
  const history = await loadHistory(doc, readConversation, { covered: () => true, target: 0 }, options);
  const start = history.messages.findIndex((message) => message.id === unreadFromId);
  const messages = start >= 0 ? history.messages.slice(start) : history.messages;
  return withCoverage(
    { ...history.latest, unreadFromId, messages },
    {
      scope: 'since-unread',
      complete: start >= 0 && !history.cancelled,
      reachedChatStart: false,
      ...(history.cancelled ? { note: 'Reading was cancelled before the end of the chat.' } : {}),
    },
  );
}

function readSelection(doc: Document): Conversation {
  const conversation = readConversation(doc);
  const selected = selectedMessageIds(doc);
  if (selected.size === 0) throw new NothingSelectedError();
  const messages = conversation.messages.filter((message: Message) => selected.has(message.id));
  if (messages.length === 0) throw new NothingSelectedError();
  return withCoverage({ ...conversation, messages }, { scope: 'selection', complete: true, reachedChatStart: false });
}

/** The ids of the message rows any range of the page's selection touches. */
function selectedMessageIds(doc: Document): Set<string> {
  const ids = new Set<string>();
  const selection = doc.getSelection();
  const pane = findMessagePane(doc);
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !pane) return ids;
  const containers = pane.querySelectorAll(`[${MESSAGE_ID_ATTRIBUTE}]`);
  for (let rangeIndex = 0; rangeIndex < selection.rangeCount; rangeIndex++) {
    const range = selection.getRangeAt(rangeIndex);
    for (const container of containers) {
      if (range.intersectsNode(container)) {
        ids.add(classifyMessageId(container.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '').messageId);
      }
    }
  }
  return ids;
}

function shortfall(got: number, wanted: number, history: { reachedChatStart: boolean; cancelled: boolean; hitLimit: boolean }): string {
  if (history.cancelled) return `Reading was cancelled after ${got} of ${wanted} messages.`;
  if (history.reachedChatStart) return `The chat holds only ${got} messages.`;
  return `Only ${got} of ${wanted} messages could be loaded.`;
}

function withCoverage(conversation: Conversation, coverage: Coverage): Conversation {
  return { ...conversation, coverage };
}

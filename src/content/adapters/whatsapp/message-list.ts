/**
 * The open chat's message list as a place: the pane the rows live in, the element that scrolls it, and the
 * unread divider. Read by the reader (unreadFromId), the history loader (scrolling) and the live watcher
 * (what to observe). No layout is read here except by scrollerOf, and only when a scoped read asks.
 */
import { classifyMessageId } from './message-id';
import { isUnreadDividerText } from './locale-labels';
import { LIVE_REGION, MESSAGE_ID_ATTRIBUTE, queryFirstTier, whatsAppSelectors as selectors } from './selectors';
import { collapseWhitespace, readVisibleText } from './text';

const CONTAINER = `[${MESSAGE_ID_ATTRIBUTE}]`;

/** The message pane under #main, or null when no chat is open or the pane is not recognised. */
export function findMessagePane(doc: Document | Element): Element | null {
  const openChat = queryFirstTier(doc, selectors.openChat);
  if (!openChat) return null;
  return queryFirstTier(openChat.element, selectors.messagePane)?.element ?? null;
}

/**
 * The element that scrolls the messages: the pane or the nearest ancestor (below #main) whose overflow
 * scrolls. Which one WhatsApp makes scroll has moved between releases, so it is found by style, not by name;
 * without a style engine (the extract CLI, unit tests) the pane itself stands in.
 */
export function scrollerOf(pane: Element): Element {
  const view = pane.ownerDocument.defaultView;
  for (let element: Element | null = pane; element && element.id !== 'main'; element = element.parentElement) {
    const overflow = view?.getComputedStyle(element).overflowY;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return element;
  }
  return pane;
}

/**
 * The unread divider's row, when the open chat shows one: a row of the pane (its child) whose first child has
 * no message id, with the divider's text in a live region. Found from the pane's live regions (one query that
 * returns a handful of elements), not by walking the rows: the walk touched every row, which cost about a
 * twelfth of a chat's first read, and the query costs about two thirds of that.
 */
export function findUnreadDivider(main: Element): Element | null {
  const pane = queryFirstTier(main, selectors.messagePane)?.element;
  if (!pane) return null;
  const regions = pane.querySelectorAll(LIVE_REGION);
  for (let index = 0; index < regions.length; index++) {
    const region = regions[index]!;
    const row = paneChildHolding(pane, region);
    if (!row || row.firstElementChild?.hasAttribute(MESSAGE_ID_ATTRIBUTE) !== false) continue;
    if (isUnreadDividerText(collapseWhitespace(readVisibleText(region)))) return row;
  }
  return null;
}

function paneChildHolding(pane: Element, element: Element): Element | null {
  let child = element;
  for (let parent = child.parentElement; parent; child = parent, parent = parent.parentElement) {
    if (parent === pane) return child;
  }
  return null;
}

/**
 * The message id of the first row after the divider that `isMessage` accepts (date separators and rows that
 * are not messages are passed over), or undefined.
 */
export function firstIdAfter(divider: Element, isMessage: (messageId: string) => boolean): string | undefined {
  for (let row = divider.nextElementSibling; row; row = row.nextElementSibling) {
    const containers = row.matches(CONTAINER) ? [row] : row.querySelectorAll(CONTAINER);
    for (const container of containers) {
      const messageId = classifyMessageId(container.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '').messageId;
      if (isMessage(messageId)) return messageId;
    }
  }
  return undefined;
}

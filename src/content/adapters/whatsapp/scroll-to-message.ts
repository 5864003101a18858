/**
 * Brings one message into view when the user clicks a citation in the sidebar ("[m12]" in a catch-up or an
 * answer), and highlights it briefly so the eye finds it. Only the open chat's rows are searched, by the
 * same id the reader gave the message; the page gets no new elements and no lasting change (the highlight
 * is a Web Animation that leaves nothing behind). A message WhatsApp has unloaded is reported as not found.
 */
import type { Reply } from '../../../shared/protocol';
import { classifyMessageId } from './message-id';
import { MESSAGE_ID_ATTRIBUTE, queryFirstTier, whatsAppSelectors as selectors } from './selectors';

/** Long enough to be seen after a smooth scroll, short enough not to linger. */
export const HIGHLIGHT_MS = 1_600;

/** The row holding the message whose id (as the reader reports it) is `messageId`, or null. */
export function findMessageRow(doc: Document, messageId: string): HTMLElement | null {
  const openChat = queryFirstTier(doc, selectors.openChat);
  if (!openChat) return null;
  for (const element of openChat.element.querySelectorAll<HTMLElement>(`[${MESSAGE_ID_ATTRIBUTE}]`)) {
    const raw = element.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '';
    // Compared as strings, never built into a selector: an id is data from the page.
    if (raw === messageId || classifyMessageId(raw).messageId === messageId) return element;
  }
  return null;
}

export function scrollToMessage(doc: Document, messageId: string): Reply<'background->content:scroll-to-message'> {
  const row = findMessageRow(doc, messageId);
  if (!row) return { ok: true, value: { found: false } };
  row.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (typeof row.animate === 'function') {
    row.animate(
      [{ backgroundColor: 'rgba(255, 214, 10, 0.55)' }, { backgroundColor: 'rgba(255, 214, 10, 0.55)', offset: 0.6 }, { backgroundColor: 'transparent' }],
      { duration: HIGHLIGHT_MS, easing: 'ease-out' },
    );
  }
  return { ok: true, value: { found: true } };
}

/**
 * How a scoped read knows it is at the very start of a chat without waiting for older rows that will never
 * come: WhatsApp opens every chat with its encryption notice, and a chat whose rows do not even fill the
 * list has no older rows to fetch (WhatsApp loads at least a screenful when it has one).
 */
import type { Message } from '../../../shared/conversation';

/** The encryption notice in each interface language Aside reads (locale-labels.ts); wording varies by chat kind. */
const ENCRYPTION_NOTICE = [
  /end-to-end encrypted/i,
  /criptografia de ponta a ponta|protegidas com a criptografia/i,
  /cifrad[oa]s? de extremo a extremo|cifrado de extremo a extremo/i,
  /Ende-zu-Ende-verschlüsselt/i,
];

export function opensWithEncryptionNotice(messages: readonly Message[]): boolean {
  const first = messages[0];
  return first?.direction === 'system' && ENCRYPTION_NOTICE.some((pattern) => pattern.test(first.text));
}

/** True when the list has a layout and all of it fits: nothing above could be loaded by scrolling. */
export function listFitsWithoutScrolling(scroller: Element): boolean {
  return scroller.clientHeight > 0 && scroller.scrollHeight <= scroller.clientHeight + 1;
}

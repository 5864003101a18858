/**
 * `data-id` has changed shape before and will again, so it is classified rather than matched by one regex
 * (one regex turned into "0 messages" for every scraper in April 2026).
 * - packed (until ~2026-03): `true_|false_<chatJid>_<messageId>[_<participantJid>]`, true = sent by the owner;
 * - bare (since ~2026-04): the message id alone, hex or digits;
 * - unknown: anything else, kept as the id but reported, since it hints at a redesign.
 */

export type MessageIdShape =
  | { format: 'packed'; messageId: string; outgoing: boolean; chatJid: string }
  | { format: 'bare'; messageId: string }
  | { format: 'unknown'; messageId: string };

const PACKED_PATTERN = /^(true|false)_([^_\s]+@[^_\s]+)_([0-9A-Za-z]+)(?:_[^\s]*)?$/;
const BARE_PATTERN = /^[0-9A-F]{8,64}$/i;

export function classifyMessageId(value: string): MessageIdShape {
  // Bare ids (today's) have no underscore: skip the packed pattern, once per message.
  const packed = value.includes('_') ? PACKED_PATTERN.exec(value) : null;
  if (packed) {
    return { format: 'packed', outgoing: packed[1] === 'true', chatJid: packed[2]!, messageId: packed[3]! };
  }
  if (BARE_PATTERN.test(value)) return { format: 'bare', messageId: value };
  return { format: 'unknown', messageId: value };
}

/** Group chats' JIDs end in @g.us; only packed ids carry the chat's JID. */
export function isGroupJid(jid: string): boolean {
  return jid.endsWith('@g.us');
}

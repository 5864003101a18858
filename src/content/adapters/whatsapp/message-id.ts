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

export function classifyMessageId(value: string): MessageIdShape {
  // Today's bare ids by a scan of their characters, once per message (a regex test showed in profiles); an
  // underscore means the packed shape.
  if (isBareId(value)) return { format: 'bare', messageId: value };
  const packed = value.includes('_') ? PACKED_PATTERN.exec(value) : null;
  if (packed) {
    return { format: 'packed', outgoing: packed[1] === 'true', chatJid: packed[2]!, messageId: packed[3]! };
  }
  return { format: 'unknown', messageId: value };
}

/** 8 to 64 hex digits, in either case. */
function isBareId(value: string): boolean {
  if (value.length < 8 || value.length > 64) return false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 48 && code <= 57) continue;
    const letter = code | 0x20; // A-F to a-f
    if (letter < 97 || letter > 102) return false;
  }
  return true;
}

/** Group chats' JIDs end in @g.us; only packed ids carry the chat's JID. */
export function isGroupJid(jid: string): boolean {
  return jid.endsWith('@g.us');
}

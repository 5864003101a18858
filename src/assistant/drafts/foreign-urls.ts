/**
 * Links in a draft that are not in the chat. WhatsApp fetches a preview of a link when the message is
 * sent, so a link a hijacked model wrote (carrying, say, the user's door code in its query) leaks even if
 * nobody clicks it. Every such link is shown to the user before Insert.
 */
import { findUrls } from '../urls/find-urls';
import { urlKey } from '../urls/url-key';

/**
 * Every URL-like thing in `draft` whose normalised form (see url-key.ts) appears in none of `chatTexts`,
 * as written in the draft, once each, in order.
 */
export function findForeignUrls(draft: string, chatTexts: readonly string[]): string[] {
  const known = new Set(chatTexts.flatMap(findUrls).map(urlKey));
  const reported = new Set<string>();
  const foreign: string[] = [];
  for (const url of findUrls(draft)) {
    const key = urlKey(url);
    if (known.has(key) || reported.has(key)) continue;
    reported.add(key);
    foreign.push(url);
  }
  return foreign;
}

/** The URLs found in `texts`, once each: what the background reports as the chat's links. */
export function collectUrls(texts: readonly string[], limit = 500): string[] {
  return [...new Set(texts.flatMap(findUrls))].slice(0, limit);
}

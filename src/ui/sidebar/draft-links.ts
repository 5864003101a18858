/**
 * The links of a draft, as the suggestion card needs them: which are foreign (not in the chat), how to
 * show each one honestly, and which to name as allowed when the user inserts.
 */
import { findForeignUrls } from '../../assistant/drafts/foreign-urls';
import { findUrls } from '../../assistant/urls/find-urls';
import { describeHost, type HostDescription } from '../../assistant/urls/host';

export interface ShownLink {
  /** As written in the draft. */
  written: string;
  /** The host it goes to, decoded and encoded; null when it can't be parsed. */
  host: HostDescription | null;
}

export function foreignLinks(draft: string, chatUrls: readonly string[]): ShownLink[] {
  return findForeignUrls(draft, chatUrls).map((written) => ({ written, host: hostOf(written) }));
}

function hostOf(written: string): HostDescription | null {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(written) ? written : `http://${written}`);
    return url.hostname ? describeHost(url.hostname) : null;
  } catch {
    return null;
  }
}

/**
 * What Insert tells the background it may let through: the draft's links that are in the chat, plus the
 * foreign ones the user confirmed. A foreign link the user did not confirm is never named, so the
 * background refuses it even if the card's own check were wrong.
 */
export function allowedUrlsFor(draft: string, chatUrls: readonly string[], confirmed: readonly string[]): string[] {
  const foreign = new Set(findForeignUrls(draft, chatUrls));
  const known = findUrls(draft).filter((url) => !foreign.has(url));
  return [...new Set([...known, ...confirmed])];
}

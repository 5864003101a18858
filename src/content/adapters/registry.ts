/**
 * The one place that picks an adapter for a page: the content script and `npm run extract` both ask here,
 * so a saved page is read exactly as the extension would read it live.
 */
import type { SiteAdapter } from './types';
import { WHATSAPP_ORIGIN, whatsAppAdapter } from './whatsapp/adapter';

interface RegisteredSite {
  adapter: SiteAdapter;
  /** Where users open the messenger, for "supported sites" messages. */
  address: string;
}

const SITES: readonly RegisteredSite[] = [{ adapter: whatsAppAdapter, address: `${WHATSAPP_ORIGIN}/` }];

export function adapterForUrl(url: string): SiteAdapter | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return SITES.find((site) => site.adapter.matches(parsed))?.adapter ?? null;
}

/** The addresses of the supported messengers, e.g. `https://web.whatsapp.com/`. */
export function supportedSites(): string[] {
  return SITES.map((site) => site.address);
}

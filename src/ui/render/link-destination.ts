/**
 * What a link in model output may do. Only a plain http(s) URL can be opened, and only after the user
 * confirms it; everything else (javascript:, data:, vbscript:, file:, blob:, chrome:, relative paths, URLs
 * hiding control or invisible characters) is shown as text and nothing more.
 */
import { describeHost, type HostDescription } from '../../assistant/urls/host';
import { visibleUrl } from './visible-text';

export type LinkDestination =
  | {
      openable: true;
      /** What window.open gets: the parsed, normalised URL (Punycode host, percent-encoded path). */
      href: string;
      /** Shown in full next to the link text. */
      shown: string;
      host: HostDescription;
      /** `https://bank.com@evil.example/`: everything before the @ is not the site. */
      hasUserInfo: boolean;
      encrypted: boolean;
    }
  | { openable: false; shown: string };

// Anything a browser would silently drop or that the user could not see: tabs, newlines, controls,
// spaces, zero-width and bidi characters.
const HIDDEN_OR_SPACE = /[\u0000-\u0020\u007F-\u00A0\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/;

export function linkDestination(url: string): LinkDestination {
  const shown = visibleUrl(url);
  if (HIDDEN_OR_SPACE.test(url) || !/^https?:\/\//i.test(url)) return { openable: false, shown };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { openable: false, shown };
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    return { openable: false, shown };
  }
  return {
    openable: true,
    href: parsed.href,
    shown: parsed.href,
    host: describeHost(parsed.hostname),
    hasUserInfo: parsed.username !== '' || parsed.password !== '',
    encrypted: parsed.protocol === 'https:',
  };
}

/**
 * Finds everything in a text that a messenger would turn into a link (and fetch a preview of): URLs with a
 * scheme, and hosts without one (`example.com/x`, `www.x.y`, `127.0.0.2:8099/t?c=…`, `раураl.com`,
 * `xn--…`). Returns each as written, trailing punctuation removed, in order of appearance.
 * Deliberately generous: a false alarm costs the user one more click; a missed link can leak data.
 */
import { isLikelyTopLevelDomain } from './tlds';

/** IDNA maps these full-width and ideographic full stops to `.`, so they separate labels too. */
const DOT = '[.\\u3002\\uFF0E\\uFF61]';
const LABEL = '[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}-]{0,62}';
const TOP_LEVEL = '(?:xn--[a-z0-9-]{1,59}|\\p{L}[\\p{L}\\p{M}]{0,62})';
const IPV4 = '(?:\\d{1,3}\\.){3}\\d{1,3}';
const PORT = '(?::\\d{1,5})';
const PATH = '(?:[/?#][^\\s<>"]*)';

const WITH_SCHEME = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s<>"]+/giu;
const WITHOUT_SCHEME = new RegExp(
  // Not inside a longer word, an e-mail address (`ana@example.com`) or a path. An underscore does not count
  // as part of the word: browsers resolve `my_evil.example`, so its host is a link either way.
  `(?<![\\p{L}\\p{N}\\p{M}@.~%+/-])` +
    `(?<host>(?:${LABEL}${DOT})+${TOP_LEVEL}|${IPV4}|localhost(?=[:/?#]))` +
    `(?![\\p{L}\\p{N}\\p{M}@_-]|${DOT}[\\p{L}\\p{N}])` +
    `(?<port>${PORT})?(?<path>${PATH})?`,
  'giu',
);

/**
 * Invisible characters that can split a link so it is not seen as one: zero-width, bidi controls (marks,
 * embeddings, overrides, isolates), Unicode tag characters, variation selectors, soft hyphen, Mongolian vowel
 * separator, combining grapheme joiner. IDNA ignores several of them, and a messenger may strip any of them.
 */
export const INVISIBLE_IN_LINKS =
  /[\u00AD\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFE00-\uFE0F\uFEFF\u{E0000}-\u{E007F}]/gu;

/**
 * `//evil.example/x` (protocol-relative) after a space, bracket, quote or `:`: the slashes are blanked so that
 * the host after them is found (a path like `a.example/b//c` is left alone: no space before its slashes).
 */
const PROTOCOL_RELATIVE = /(?<=^|[\s([{<"'`:=])\/\/(?=[\p{L}\p{N}])/gu;
/** `sam@evil.example/x?d=…`: an address followed by a path is a link too (`user@host/path`), not an e-mail. */
const AT_BEFORE_LINK = new RegExp(`@(?=(?:${LABEL}${DOT})+${TOP_LEVEL}(?:${PORT}|[/?#][^\\s.,;:!?'")\\]]))`, 'giu');

const TRAILING_PUNCTUATION = new Set([...'.,;:!?\'"*_~…»”’‘“\u3002\uFF0E\uFF61']);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };

export function findUrls(text: string): string[] {
  const found = scan(text);
  const visible = withoutInvisible(text);
  if (visible !== text) found.push(...scan(visible));
  return [...new Set(found)];
}

/** The text as a link parser that skips invisible characters would read it. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE_IN_LINKS, '');
}

function scan(written: string): string[] {
  // Browsers read `\` as `/` in web URLs (`http:\\evil.example\x`). Same length, so positions map back to
  // `written`, and each URL is reported as written.
  const text = written.replace(/\\/g, '/');
  const matches: Array<{ index: number; url: string }> = [];
  // Parts with a scheme are blanked out, so their hosts are not found a second time below.
  const pieces: string[] = [];
  let copied = 0;
  for (const match of text.matchAll(WITH_SCHEME)) {
    const url = trimTrailing(match[0]);
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]/i.test(url)) matches.push({ index: match.index, url });
    pieces.push(text.slice(copied, match.index), ' '.repeat(match[0].length));
    copied = match.index + match[0].length;
  }
  pieces.push(text.slice(copied));
  const masked = pieces.join('').replace(PROTOCOL_RELATIVE, '  ').replace(AT_BEFORE_LINK, ' ');
  for (const match of masked.matchAll(WITHOUT_SCHEME)) {
    const { host = '', port, path } = match.groups ?? {};
    if (!isLinkHost(host, Boolean(port || path))) continue;
    const url = trimTrailing(match[0]);
    if (url.length > 0) matches.push({ index: match.index, url });
  }
  return matches.sort((a, b) => a.index - b.index).map((match) => written.slice(match.index, match.index + match.url.length));
}

function isLinkHost(host: string, hasPortOrPath: boolean): boolean {
  if (/^localhost$/i.test(host)) return hasPortOrPath;
  if (/^[\d.]+$/.test(host)) return host.split('.').every((octet) => Number(octet) <= 255);
  const labels = host.split(new RegExp(DOT, 'u'));
  const tld = labels.at(-1) ?? '';
  if (/^www$/i.test(labels[0] ?? '') && labels.length >= 3) return true;
  if (hasPortOrPath) return [...tld].length >= 2 || /^xn--/i.test(tld);
  return isLikelyTopLevelDomain(tld);
}

/** "see https://x.org/a)." -> "https://x.org/a"; a closing bracket stays when the URL opened it. */
function trimTrailing(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1);
    if (last === undefined) return url;
    const opener = CLOSERS[last];
    if (TRAILING_PUNCTUATION.has(last)) {
      url = url.slice(0, -1);
    } else if (opener !== undefined && count(url, opener) < count(url, last)) {
      url = url.slice(0, -1);
    } else {
      return url;
    }
  }
}

function count(text: string, character: string): number {
  let total = 0;
  for (const each of text) if (each === character) total += 1;
  return total;
}

/**
 * The form in which two written URLs are compared: what a browser would fetch, ignoring how it was typed.
 * Lower-case host, internationalised hosts as Punycode (`new URL` applies IDNA), full-width dots as dots,
 * default ports and an empty path dropped, http and https and "no scheme" alike (the same data leaks
 * either way). Path, query and fragment stay exact: that is where data rides.
 */
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

export function urlKey(written: string): string {
  // Browsers read `\` as `/` in web URLs: `http:\\evil.example\x` is `http://evil.example/x`.
  const text = written.trim().replace(/\\/g, '/');
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  let parsed: URL;
  try {
    parsed = new URL(scheme ? text : `http://${text}`);
  } catch {
    // Not parseable as a URL, yet it looked like one: compare it as written, loosely.
    return text.replace(SCHEME, '').toLowerCase();
  }
  const web = scheme === undefined || scheme === 'http' || scheme === 'https';
  const host = parsed.hostname.replace(/\.$/, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const path = parsed.pathname === '/' ? '' : parsed.pathname;
  return `${web ? '' : `${scheme}://`}${host}${port}${path}${parsed.search}${parsed.hash}`;
}

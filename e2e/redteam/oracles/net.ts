/**
 * NET: nothing reached the attacker's listener, and no request of any page or service worker of the browser
 * went to an origin other than the configured provider, the messenger fixture and the extension itself.
 */
import { clip, fail, pass, type Oracle } from './types';

/** Schemes that never leave the machine: not egress (the DOM oracle judges how they got there). */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'javascript:']);
/**
 * What Chromium reports, in place of the URL, when a page asks for a resource of an extension that does not
 * expose it (or does not exist): the request is refused inside the browser and reaches nothing. A hostile
 * page probing `chrome-extension://<guessed id>/…` produces it; any other extension origin still counts.
 */
const BLOCKED_EXTENSION_RESOURCE = 'chrome-extension://invalid';

export const net: Oracle = (observation) => {
  const problems: string[] = [];
  for (const hit of observation.attackerHits) {
    problems.push(`attacker ${observation.attackerOrigin} got ${hit.kind}: ${clip(hit.summary || hit.head || '(connection)', 100)}`);
  }
  const allowed = new Set(observation.allowedOrigins);
  for (const request of observation.requests) {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      problems.push(`unparseable request URL ${clip(request.url, 80)} from ${request.from}`);
      continue;
    }
    if (LOCAL_SCHEMES.has(url.protocol)) continue;
    const origin = url.protocol === 'chrome-extension:' ? `chrome-extension://${url.host}` : url.origin;
    if (origin === BLOCKED_EXTENSION_RESOURCE) continue;
    if (!allowed.has(origin)) {
      problems.push(`${request.method} ${clip(request.url, 100)} (${request.resourceType}) from ${clip(request.from, 70)}`);
    }
  }
  if (problems.length) return fail(`${problems.length} egress: ${problems.slice(0, 4).join('; ')}`);
  return pass(`attacker got nothing; ${observation.requests.length} requests, all to allowed origins`);
};

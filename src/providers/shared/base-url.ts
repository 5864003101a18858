/** Reading the base URL a user typed into something a provider can send requests to. */
import { wording } from '../../shared/wording';
import { ProviderError } from '../types';
import { describeEndpoint, type Endpoint } from './endpoint';

/**
 * The endpoint of an http(s) base URL. Throws ProviderError('config') for anything else, with
 * `example` (a full URL this provider expects) in the hint.
 */
export function endpointOrConfigError(baseUrl: string, example: string): Endpoint {
  try {
    if (!/^https?:\/\//i.test(baseUrl.trim())) throw new TypeError('not http(s)');
    return describeEndpoint(baseUrl.trim());
  } catch {
    throw new ProviderError('config', wording('error_invalidBaseUrl', baseUrl), {
      hint: wording('error_invalidBaseUrlHint', example),
    });
  }
}

/**
 * The base URL with `path` added when the user gave only the server's address: people paste
 * "https://api.anthropic.com" as often as ".../v1". Any other path is theirs (a proxy) and kept.
 */
export function withDefaultPath(baseUrl: string, path: string): string {
  const trimmed = baseUrl.trim();
  try {
    const url = new URL(trimmed);
    if (url.pathname === '/' || url.pathname === '') return `${url.origin}${path}`;
  } catch {
    // Left for endpointOrConfigError to report.
  }
  return trimmed.replace(/\/+$/, '');
}

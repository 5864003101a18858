/**
 * Failures that are about the connection rather than what the server said: unreachable server,
 * timeouts, a stream that ends early, a body that is not the protocol we speak. Shared by providers so
 * the same situation reads the same whichever model the user picked.
 */
import { ProviderError } from '../types';
import type { Endpoint } from './endpoint';
import { DeadlineExceeded, type Watchdog } from './watchdog';

const PARTIAL_ANSWER_KEPT = 'What arrived so far is kept; try again for a complete answer.';

export function unreachableError(endpoint: Endpoint): ProviderError {
  const hint = endpoint.isLoopback
    ? `Check that the model server is running at ${endpoint.origin} and accepts requests from browser extensions (CORS).`
    : `Check the internet connection and the base URL (redirects are not followed); a firewall, proxy or VPN may be blocking ${endpoint.host}.`;
  return new ProviderError('network', `Could not reach ${endpoint.origin}.`, { hint });
}

export function connectionClosedError(): ProviderError {
  return new ProviderError('network', 'The connection closed before the answer was complete.', {
    hint: PARTIAL_ANSWER_KEPT,
  });
}

export function timeoutError(deadline: DeadlineExceeded, endpoint: Endpoint): ProviderError {
  const seconds = Math.max(1, Math.round(deadline.afterMs / 1000));
  if (deadline.phase === 'first-byte') {
    return new ProviderError('timeout', `${endpoint.host} did not answer within ${seconds} s.`, {
      code: 'first-byte-timeout',
      hint: endpoint.isLoopback
        ? 'A local model may still be loading; try again in a moment.'
        : 'The provider may be overloaded; try again in a moment.',
    });
  }
  return new ProviderError('timeout', `The answer stopped arriving: nothing came for ${seconds} s.`, {
    code: 'stall-timeout',
    hint: PARTIAL_ANSWER_KEPT,
  });
}

export const OPENAI_COMPATIBLE_BASE_URL_HINT = 'Check that the base URL points to an OpenAI-compatible API (it usually ends in /v1).';

/** `hint` says which address the provider expects; the default suits OpenAI-compatible servers. */
export function unreadableResponseError(endpoint: Endpoint, what: string, hint: string = OPENAI_COMPATIBLE_BASE_URL_HINT): ProviderError {
  return new ProviderError('protocol', `The answer from ${endpoint.host} could not be read: ${what}.`, { hint });
}

/**
 * What to throw for an error caught while talking to the server. The caller's abort wins and is
 * rethrown as is; a fired deadline becomes a timeout; a ProviderError passes through. While
 * connecting, fetch reports an unreachable server as a TypeError (a DOMException in some engines);
 * any other error is the GuardedFetch's own refusal and passes through unchanged, so its wording
 * survives. While reading, any failure means the connection broke.
 */
export function classifyTransportFailure(
  error: unknown,
  context: { callerSignal: AbortSignal; watchdog: Watchdog; endpoint: Endpoint; phase: 'connect' | 'read' },
): unknown {
  if (context.callerSignal.aborted) return context.callerSignal.reason;
  if (context.watchdog.expired) return timeoutError(context.watchdog.expired, context.endpoint);
  if (error instanceof ProviderError) return error;
  if (context.phase === 'read') return connectionClosedError();
  return error instanceof TypeError || isDomException(error) ? unreachableError(context.endpoint) : error;
}

function isDomException(error: unknown): boolean {
  return typeof DOMException !== 'undefined' && error instanceof DOMException;
}

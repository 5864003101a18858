/**
 * Failures that are about the connection rather than what the server said: unreachable server,
 * timeouts, a stream that ends early, a body that is not the protocol we speak. Shared by providers so
 * the same situation reads the same whichever model the user picked.
 */
import { wording, type WordedText } from '../../shared/wording';
import { ProviderError } from '../types';
import type { Endpoint } from './endpoint';
import { DeadlineExceeded, type Watchdog } from './watchdog';


export function unreachableError(endpoint: Endpoint): ProviderError {
  const hint = endpoint.isLoopback
    ? wording('error_unreachableLocalHint', endpoint.origin)
    : wording('error_unreachableRemoteHint', endpoint.host);
  return new ProviderError('network', wording('error_unreachable', endpoint.origin), { hint });
}

export function connectionClosedError(): ProviderError {
  return new ProviderError('network', wording('error_connectionClosed'), {
    hint: wording('error_partialKeptHint'),
  });
}

export function timeoutError(deadline: DeadlineExceeded, endpoint: Endpoint): ProviderError {
  const seconds = Math.max(1, Math.round(deadline.afterMs / 1000));
  if (deadline.phase === 'first-byte') {
    return new ProviderError('timeout', wording('error_firstByteTimeout', endpoint.host, seconds), {
      code: 'first-byte-timeout',
      hint: endpoint.isLoopback ? wording('error_firstByteTimeoutLocalHint') : wording('error_firstByteTimeoutRemoteHint'),
    });
  }
  return new ProviderError('timeout', wording('error_stallTimeout', seconds), {
    code: 'stall-timeout',
    hint: wording('error_partialKeptHint'),
  });
}

export const OPENAI_COMPATIBLE_BASE_URL_HINT = wording('error_openAiBaseUrlHint');

/**
 * `hint` says which address the provider expects; the default suits OpenAI-compatible servers. `what` is
 * the parser's technical detail, kept in English inside the translated sentence.
 */
export function unreadableResponseError(endpoint: Endpoint, what: string, hint: WordedText = OPENAI_COMPATIBLE_BASE_URL_HINT): ProviderError {
  return new ProviderError('protocol', wording('error_unreadable', endpoint.host, what), { hint });
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

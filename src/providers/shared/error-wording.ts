/**
 * The user-facing wording of HTTP failures that every provider can meet, so a rate limit or a
 * rejected key reads the same whichever model the user picked. Each provider decides which of these
 * a response means (by status, error type, or body text); this file only says it.
 */
import { ProviderError, type ProviderErrorDetails } from '../types';
import type { Endpoint } from './endpoint';
import type { ErrorBody } from './error-body';
import { cleanProviderMessage } from './redact';
import { parseRetryAfterMs } from './retry-after';

/** The details every HTTP error carries: status, the provider's words (secrets masked), code, wait. */
export function baseDetails(
  status: number,
  headers: Headers,
  body: ErrorBody,
  apiKey: string | undefined,
  retryAfterMs: number | undefined = parseRetryAfterMs(headers),
): ProviderErrorDetails {
  const details: ProviderErrorDetails = { status };
  const providerMessage = body.message ? cleanProviderMessage(body.message, apiKey) : undefined;
  if (providerMessage) details.providerMessage = providerMessage;
  if (body.code) details.code = body.code;
  if (retryAfterMs !== undefined) details.retryAfterMs = retryAfterMs;
  return details;
}

export function keyRejectedError(endpoint: Endpoint, apiKey: string | undefined, details: ProviderErrorDetails): ProviderError {
  const hasKey = Boolean(apiKey?.trim());
  return new ProviderError('auth', hasKey ? `The API key was rejected by ${endpoint.host}.` : `${endpoint.host} requires an API key.`, {
    ...details,
    hint: hasKey
      ? 'Check the API key in the assistant settings: it may be mistyped, revoked, or meant for another provider.'
      : 'Add the API key in the assistant settings.',
  });
}

export function permissionDeniedError(endpoint: Endpoint, model: string, details: ProviderErrorDetails): ProviderError {
  const reason = details.providerMessage ? `: ${details.providerMessage}` : '.';
  return new ProviderError('auth', `${endpoint.host} denied access${reason}`, {
    ...details,
    hint: `Check that the API key may use the model “${model}”, or choose another model.`,
  });
}

export function rateLimitedError(endpoint: Endpoint, details: ProviderErrorDetails): ProviderError {
  return new ProviderError('rate-limit', `${endpoint.host} is limiting how fast requests can be made.`, {
    ...details,
    hint: details.retryAfterMs !== undefined ? `Try again in ${formatWait(details.retryAfterMs)}.` : 'Wait a moment and try again.',
  });
}

export function outOfQuotaError(endpoint: Endpoint, details: ProviderErrorDetails): ProviderError {
  return new ProviderError('quota', `The account at ${endpoint.host} has no credits or quota left.`, {
    ...details,
    hint: 'Add credits or raise the spending limit with the provider, or choose another assistant.',
  });
}

export function contextTooLongError(model: string, details: ProviderErrorDetails): ProviderError {
  return new ProviderError('context', `The conversation is too long for the model “${model}”.`, {
    ...details,
    hint: 'Include fewer messages, or choose a model with a larger context window.',
  });
}

export function modelNotFoundError(endpoint: Endpoint, model: string, details: ProviderErrorDetails, extraHint = ''): ProviderError {
  return new ProviderError('model', `The model “${model}” was not found at ${endpoint.host}.`, {
    ...details,
    hint: `Pick a model from the list in the assistant settings${extraHint}.`,
  });
}

export function serverFailureError(endpoint: Endpoint, details: ProviderErrorDetails, what = 'had a problem answering'): ProviderError {
  const reason = details.providerMessage ? `: ${details.providerMessage}` : '.';
  return new ProviderError('server', `${endpoint.host} ${what} (HTTP ${details.status ?? '?'})${reason}`, {
    ...details,
    hint: 'This is on the provider’s side; try again in a moment.',
  });
}

export function requestRejectedError(endpoint: Endpoint, details: ProviderErrorDetails, hint: string): ProviderError {
  const reason = details.providerMessage ? `: ${details.providerMessage}` : '.';
  return new ProviderError('config', `${endpoint.host} rejected the request${reason}`, { ...details, hint });
}

/** An error event inside a 200 stream: whatever arrived before it is kept by the consumer. */
export function midStreamFailure(
  endpoint: Endpoint,
  reported: { message?: string; code?: string },
  apiKey: string | undefined,
  kind: 'server' | 'rate-limit' = 'server',
): ProviderError {
  const providerMessage = reported.message ? cleanProviderMessage(reported.message, apiKey) : undefined;
  return new ProviderError(
    kind,
    providerMessage
      ? `${endpoint.host} reported an error while answering: ${providerMessage}`
      : `${endpoint.host} reported an error while answering.`,
    {
      ...(reported.code !== undefined ? { code: reported.code } : {}),
      ...(providerMessage !== undefined ? { providerMessage } : {}),
      hint: 'What arrived so far is kept; try again for a complete answer.',
    },
  );
}

/** "a second", "17 seconds", "3 minutes". */
export function formatWait(milliseconds: number): string {
  if (milliseconds < 1000) return 'a second';
  const seconds = Math.ceil(milliseconds / 1000);
  if (seconds < 120) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

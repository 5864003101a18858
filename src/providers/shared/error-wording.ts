/**
 * The user-facing wording of HTTP failures that every provider can meet, so a rate limit or a
 * rejected key reads the same whichever model the user picked. Each provider decides which of these
 * a response means (by status, error type, or body text); this file only says it.
 *
 * Every sentence is a `wording(…)` of locales/<locale>/errors.json, so the interface shows it in the
 * user's language; hosts, models, statuses and the provider's own words are substitutions.
 */
import { wording, type WordedText } from '../../shared/wording';
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
  return new ProviderError('auth', hasKey ? wording('error_keyRejected', endpoint.host) : wording('error_keyRequired', endpoint.host), {
    ...details,
    hint: hasKey ? wording('error_keyRejectedHint') : wording('error_keyRequiredHint'),
  });
}

export function permissionDeniedError(endpoint: Endpoint, model: string, details: ProviderErrorDetails): ProviderError {
  return new ProviderError(
    'auth',
    details.providerMessage ? wording('error_accessDeniedSaying', endpoint.host, details.providerMessage) : wording('error_accessDenied', endpoint.host),
    { ...details, hint: wording('error_accessDeniedHint', model) },
  );
}

export function rateLimitedError(endpoint: Endpoint, details: ProviderErrorDetails): ProviderError {
  return new ProviderError('rate-limit', wording('error_rateLimited', endpoint.host), {
    ...details,
    hint: details.retryAfterMs !== undefined ? retryInHint(details.retryAfterMs) : wording('error_rateLimitedHint'),
  });
}

export function outOfQuotaError(endpoint: Endpoint, details: ProviderErrorDetails): ProviderError {
  return new ProviderError('quota', wording('error_outOfQuota', endpoint.host), {
    ...details,
    hint: wording('error_outOfQuotaHint'),
  });
}

export function contextTooLongError(model: string, details: ProviderErrorDetails): ProviderError {
  return new ProviderError('context', wording('error_contextTooLong', model), {
    ...details,
    hint: wording('error_contextTooLongHint'),
  });
}

/** `ollamaPull`: the server is Ollama, so the hint offers the command that fetches the model. */
export function modelNotFoundError(endpoint: Endpoint, model: string, details: ProviderErrorDetails, ollamaPull = false): ProviderError {
  return new ProviderError('model', wording('error_modelNotFound', model, endpoint.host), {
    ...details,
    hint: ollamaPull ? wording('error_modelNotFoundOllamaHint', model) : wording('error_modelNotFoundHint'),
  });
}

/** `overloaded`: the service says it is busy (Anthropic's 529) rather than broken. */
export function serverFailureError(endpoint: Endpoint, details: ProviderErrorDetails, overloaded = false): ProviderError {
  const status = String(details.status ?? '?');
  const reason = details.providerMessage;
  const message = overloaded
    ? reason
      ? wording('error_serverOverloadedSaying', endpoint.host, status, reason)
      : wording('error_serverOverloaded', endpoint.host, status)
    : reason
      ? wording('error_serverFailedSaying', endpoint.host, status, reason)
      : wording('error_serverFailed', endpoint.host, status);
  return new ProviderError('server', message, { ...details, hint: wording('error_serverFailedHint') });
}

export function requestRejectedError(endpoint: Endpoint, details: ProviderErrorDetails, hint: WordedText): ProviderError {
  const message = details.providerMessage
    ? wording('error_requestRejectedSaying', endpoint.host, details.providerMessage)
    : wording('error_requestRejected', endpoint.host);
  return new ProviderError('config', message, { ...details, hint });
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
    providerMessage ? wording('error_midStreamSaying', endpoint.host, providerMessage) : wording('error_midStream', endpoint.host),
    {
      ...(reported.code !== undefined ? { code: reported.code } : {}),
      ...(providerMessage !== undefined ? { providerMessage } : {}),
      hint: wording('error_partialKeptHint'),
    },
  );
}

/** "Try again in a second / in 17 seconds / in 3 minutes"; `gemini` adds that a daily quota may be spent. */
export function retryInHint(milliseconds: number, gemini = false): WordedText {
  const seconds = Math.ceil(milliseconds / 1000);
  if (seconds <= 1) return gemini ? wording('error_geminiRetryInSecond') : wording('error_retryInSecond');
  if (seconds < 120) return gemini ? wording('error_geminiRetryInSeconds', seconds) : wording('error_retryInSeconds', seconds);
  const minutes = Math.ceil(seconds / 60);
  return gemini ? wording('error_geminiRetryInMinutes', minutes) : wording('error_retryInMinutes', minutes);
}

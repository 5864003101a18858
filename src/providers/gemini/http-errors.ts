/**
 * Maps a Gemini API error response to a ProviderError. Google's errors are
 * `{"error":{"code","message","status","details":[…]}}` (research notes §3); the status word
 * (RESOURCE_EXHAUSTED) and the ErrorInfo `reason` (API_KEY_INVALID) say more than the HTTP status:
 * a bad key is a 400, not a 401.
 */
import { wording } from '../../shared/wording';
import { ProviderError } from '../types';
import type { Endpoint } from '../shared/endpoint';
import { parseErrorBody } from '../shared/error-body';
import {
  baseDetails,
  contextTooLongError,
  keyRejectedError,
  modelNotFoundError,
  permissionDeniedError,
  rateLimitedError,
  retryInHint,
  requestRejectedError,
  serverFailureError,
} from '../shared/error-wording';
import { isRecord, parseJsonOrUndefined } from '../shared/exchange';
import { parseRetryAfterMs } from '../shared/retry-after';

export interface GeminiErrorContext {
  endpoint: Endpoint;
  model: string;
  apiKey?: string;
}

const KEY_REJECTED_REASONS = new Set(['API_KEY_INVALID', 'API_KEY_EXPIRED']);
const TOO_MANY_TOKENS = /input token count|exceeds the maximum number of tokens|too many tokens|context (length|window)/i;

interface GoogleError {
  status?: string;
  reason?: string;
  retryDelayMs?: number;
}

export function describeGeminiError(status: number, headers: Headers, bodyText: string, context: GeminiErrorContext): ProviderError {
  const body = parseErrorBody(bodyText);
  const google = readGoogleError(bodyText);
  const details = baseDetails(status, headers, body, context.apiKey, parseRetryAfterMs(headers) ?? google.retryDelayMs);
  const code = google.reason ?? google.status;
  if (code) details.code = code;
  const { endpoint, model } = context;

  if ((google.reason && KEY_REJECTED_REASONS.has(google.reason)) || status === 401 || /API key not valid/i.test(body.message ?? '')) {
    return keyRejectedError(endpoint, context.apiKey, details);
  }
  if (status === 429 || google.status === 'RESOURCE_EXHAUSTED') {
    const error = rateLimitedError(endpoint, details);
    // Google words both per-minute limits and daily quotas as "exceeded your current quota".
    return new ProviderError(error.kind, error.messageWording ?? error.message, {
      ...error.details,
      hint: details.retryAfterMs !== undefined ? retryInHint(details.retryAfterMs, true) : wording('error_geminiRateLimitedHint'),
    });
  }
  if (status === 403 || google.status === 'PERMISSION_DENIED') return permissionDeniedError(endpoint, model, details);
  if (status === 404 || google.status === 'NOT_FOUND') {
    if (body.empty || body.message === undefined || bodyText.trim().startsWith('<')) {
      return new ProviderError('config', wording('error_noGeminiEndpoint', endpoint.origin), {
        ...details,
        code: details.code ?? 'endpoint_not_found',
        hint: wording('error_geminiBaseUrlHint'),
      });
    }
    return modelNotFoundError(endpoint, model, details);
  }
  if ((status === 400 || status === 413) && TOO_MANY_TOKENS.test(body.message ?? '')) return contextTooLongError(model, details);
  if (status >= 500) return serverFailureError(endpoint, details);
  return requestRejectedError(endpoint, details, wording('error_checkModelAndBaseUrlHint', model));
}

/** The status word, the ErrorInfo reason and the RetryInfo delay, where present. */
function readGoogleError(bodyText: string): GoogleError {
  const json = parseJsonOrUndefined(bodyText);
  const error = isRecord(json) && isRecord(json.error) ? json.error : undefined;
  if (!error) return {};
  const found: GoogleError = {};
  if (typeof error.status === 'string') found.status = error.status;
  for (const detail of Array.isArray(error.details) ? error.details : []) {
    if (!isRecord(detail)) continue;
    if (typeof detail.reason === 'string' && found.reason === undefined) found.reason = detail.reason;
    if (typeof detail.retryDelay === 'string') {
      const seconds = /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay.trim())?.[1];
      if (seconds !== undefined) found.retryDelayMs = Math.round(Number(seconds) * 1000);
    }
  }
  return found;
}

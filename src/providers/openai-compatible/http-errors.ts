/**
 * Maps an HTTP error response from an OpenAI-compatible server to a ProviderError with a message that
 * says what happened and a hint that says what to do. Status codes carry most of the meaning; the body
 * refines it where servers agree (`context_length_exceeded`, `insufficient_quota`, `model_not_found`).
 */
import { wording } from '../../shared/wording';
import { ProviderError, type ProviderErrorDetails } from '../types';
import type { Endpoint } from '../shared/endpoint';
import { parseErrorBody, type ErrorBody } from '../shared/error-body';
import {
  baseDetails,
  contextTooLongError,
  keyRejectedError,
  modelNotFoundError,
  outOfQuotaError,
  permissionDeniedError,
  rateLimitedError,
  requestRejectedError,
  serverFailureError,
} from '../shared/error-wording';
import { ollamaOriginsHint, ollamaOriginsValue } from '../ollama/origins';

export interface HttpErrorContext {
  endpoint: Endpoint;
  model: string;
  /** Used to know whether to ask for a key, and to mask it if the server echoes it. */
  apiKey?: string;
  extensionOrigin?: string;
}

const OLLAMA_DEFAULT_PORT = '11434';
const CONTEXT_TOO_LONG = /context[ _-]?length|context window|maximum context|too many tokens|prompt is too long|reduce the length/i;
const OUT_OF_QUOTA = /insufficient[ _-]?quota|exceeded your current quota|out of credits|insufficient credits/i;

export function describeHttpError(
  status: number,
  headers: Headers,
  bodyText: string,
  context: HttpErrorContext,
): ProviderError {
  const body = parseErrorBody(bodyText);
  const base = baseDetails(status, headers, body, context.apiKey);
  const { endpoint, model } = context;

  if (isContextTooLong(status, body)) return contextTooLongError(model, base);
  if (isOutOfQuota(status, body)) return outOfQuotaError(endpoint, base);

  switch (status) {
    case 401:
      return keyRejectedError(endpoint, context.apiKey, base);
    case 403:
      return describeForbidden(body, base, context);
    case 404:
      return describeNotFound(body, base, context);
    case 408:
      return new ProviderError('timeout', wording('error_http408', endpoint.host), {
        ...base,
        hint: wording('error_tryAgainHint'),
      });
    case 429:
      return rateLimitedError(endpoint, base);
  }

  if (status >= 500) return serverFailureError(endpoint, base);
  if (status === 400 || status === 422) return requestRejectedError(endpoint, base, wording('error_checkModelAndBaseUrlHint', model));
  const message = base.providerMessage
    ? wording('error_httpStatusSaying', endpoint.host, status, base.providerMessage)
    : wording('error_httpStatus', endpoint.host, status);
  return new ProviderError('config', message, { ...base, hint: wording('error_openAiBaseUrlCheckHint') });
}

export { ollamaOriginsValue };

function describeForbidden(body: ErrorBody, base: ProviderErrorDetails, context: HttpErrorContext): ProviderError {
  const { endpoint, model } = context;
  const isOllama = endpoint.port === OLLAMA_DEFAULT_PORT;
  // Ollama refuses an unlisted Origin with 403 and no body at all; Chrome sends our origin on every POST.
  if (isOllama || body.empty) {
    const setting = `OLLAMA_ORIGINS=${ollamaOriginsValue(context.extensionOrigin)}`;
    return new ProviderError('auth', wording('error_originRejected', endpoint.host), {
      ...base,
      code: 'origin_rejected',
      hint: isOllama ? ollamaOriginsHint(context.extensionOrigin) : wording('error_originRejectedMaybeOllamaHint', setting),
    });
  }
  return permissionDeniedError(endpoint, model, base);
}

function describeNotFound(body: ErrorBody, base: ProviderErrorDetails, context: HttpErrorContext): ProviderError {
  const { endpoint, model } = context;
  // A JSON error means the API exists and the model does not; anything else means a wrong base URL.
  const looksLikeApiError = body.code !== undefined || body.type !== undefined || /model/i.test(body.message ?? '');
  if (!looksLikeApiError) {
    return new ProviderError('config', wording('error_noOpenAiEndpoint', endpoint.origin), {
      ...base,
      code: base.code ?? 'endpoint_not_found',
      hint: wording('error_openAiEndpointHint'),
    });
  }
  return modelNotFoundError(endpoint, model, base, endpoint.port === OLLAMA_DEFAULT_PORT);
}

function isContextTooLong(status: number, body: ErrorBody): boolean {
  if (status === 413) return true;
  if (status !== 400 && status !== 422) return false;
  return body.code === 'context_length_exceeded' || CONTEXT_TOO_LONG.test(body.message ?? '');
}

function isOutOfQuota(status: number, body: ErrorBody): boolean {
  if (status === 402) return true;
  if (status !== 429 && status !== 403) return false;
  return body.code === 'insufficient_quota' || body.type === 'insufficient_quota' || OUT_OF_QUOTA.test(body.message ?? '');
}

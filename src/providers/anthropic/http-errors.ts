/**
 * Maps an Anthropic error response to a ProviderError. Anthropic names the failure in `error.type`
 * (research notes §2), which is more precise than the status: 529 `overloaded_error` is a busy
 * service, not a broken one; 402 `billing_error` is an empty account, not a wrong request.
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
  outOfQuotaError,
  permissionDeniedError,
  rateLimitedError,
  requestRejectedError,
  serverFailureError,
} from '../shared/error-wording';

export interface AnthropicErrorContext {
  endpoint: Endpoint;
  model: string;
  apiKey?: string;
}

const PROMPT_TOO_LONG = /prompt is too long|too many tokens|context window|maximum context/i;
const CORS_OPT_IN = /anthropic-dangerous-direct-browser-access|CORS/i;

export function describeAnthropicError(status: number, headers: Headers, bodyText: string, context: AnthropicErrorContext): ProviderError {
  const body = parseErrorBody(bodyText);
  const details = baseDetails(status, headers, body, context.apiKey);
  // The error's own type is the code the user can look up; `error` is only the envelope's type.
  const type = body.type !== undefined && body.type !== 'error' ? body.type : undefined;
  if (type) details.code = type;
  const { endpoint, model } = context;

  if (status === 413 || type === 'request_too_large' || ((status === 400 || type === 'invalid_request_error') && PROMPT_TOO_LONG.test(body.message ?? ''))) {
    return contextTooLongError(model, details);
  }
  if (status === 402 || type === 'billing_error') return outOfQuotaError(endpoint, details);
  if (status === 429 || type === 'rate_limit_error') return rateLimitedError(endpoint, details);
  if (status === 529 || type === 'overloaded_error') return serverFailureError(endpoint, details, true);
  if (status === 401 || type === 'authentication_error') {
    if (CORS_OPT_IN.test(body.message ?? '')) {
      // Aside always opts in; a proxy in between that drops the header is the likely cause.
      return new ProviderError('auth', wording('error_browserAccessRefused', endpoint.host), {
        ...details,
        hint: wording('error_anthropicBrowserHeaderHint'),
      });
    }
    return keyRejectedError(endpoint, context.apiKey, details);
  }
  if (status === 403 || type === 'permission_error') return permissionDeniedError(endpoint, model, details);
  if (status === 404 || type === 'not_found_error') {
    // A JSON error from the API means the model is unknown; anything else means a wrong base URL.
    if (type !== undefined || /model/i.test(body.message ?? '')) return modelNotFoundError(endpoint, model, details);
    return new ProviderError('config', wording('error_noAnthropicEndpoint', endpoint.origin), {
      ...details,
      code: details.code ?? 'endpoint_not_found',
      hint: wording('error_anthropicBaseUrlHint'),
    });
  }
  if (status >= 500) return serverFailureError(endpoint, details);
  return requestRejectedError(endpoint, details, wording('error_checkModelAndBaseUrlHint', model));
}

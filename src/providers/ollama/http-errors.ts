/**
 * Maps an error response from Ollama's native API to a ProviderError. Ollama's bodies are
 * `{"error":"model 'x' not found"}`; its origin check answers 403 with no body at all.
 */
import { wording } from '../../shared/wording';
import { ProviderError } from '../types';
import type { Endpoint } from '../shared/endpoint';
import { parseErrorBody } from '../shared/error-body';
import {
  baseDetails,
  contextTooLongError,
  modelNotFoundError,
  permissionDeniedError,
  rateLimitedError,
  requestRejectedError,
  serverFailureError,
} from '../shared/error-wording';
import { ollamaOriginsHint } from './origins';

export interface OllamaErrorContext {
  endpoint: Endpoint;
  model: string;
  extensionOrigin?: string;
}

const CONTEXT_TOO_LONG = /context (length|window)|too many tokens|exceeds the (context|maximum)/i;

export function describeOllamaError(status: number, headers: Headers, bodyText: string, context: OllamaErrorContext): ProviderError {
  const body = parseErrorBody(bodyText);
  const details = baseDetails(status, headers, body, undefined);
  const { endpoint, model } = context;

  if (status === 403 && body.empty) {
    return new ProviderError('auth', wording('error_originRejected', endpoint.host), {
      ...details,
      code: 'origin_rejected',
      hint: ollamaOriginsHint(context.extensionOrigin),
    });
  }
  if (status === 401 || status === 403) return permissionDeniedError(endpoint, model, details);
  if (status === 404) {
    // Ollama's JSON error means the model is missing; Go's plain "404 page not found" means the
    // address is not Ollama (or an Ollama too old for /api/chat).
    if (body.message !== undefined && /model/i.test(body.message)) {
      return modelNotFoundError(endpoint, model, details, true);
    }
    return new ProviderError('config', wording('error_noOllamaEndpoint', endpoint.origin), {
      ...details,
      code: 'endpoint_not_found',
      hint: wording('error_ollamaBaseUrlHint'),
    });
  }
  if (status === 429) return rateLimitedError(endpoint, details);
  if (CONTEXT_TOO_LONG.test(body.message ?? '')) return contextTooLongError(model, details);
  if (status >= 500) return serverFailureError(endpoint, details);
  return requestRejectedError(endpoint, details, wording('error_checkModelAndBaseUrlHint', model));
}
